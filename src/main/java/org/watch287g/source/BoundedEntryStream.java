package org.watch287g.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/**
 * The inflated bytes of one ZIP entry, counted as they are read: past {@link
 * WorkbookLimits#partBytes()} for the entry, or the archive's {@link InflationBudget}, the next
 * read throws a {@link WorkbookLimitException} instead of inflating further. So however small the
 * compressed entry, no reader above this stream ever sees more than the limits allow.
 *
 * <p>While {@linkplain #watchText() watching text} it also tracks the longest stretch without a
 * {@code <}, which bounds every text node and tag an XML reader above it will accumulate.
 */
final class BoundedEntryStream extends FilterInputStream {
  private final String name;
  private final WorkbookLimits limits;
  private final InflationBudget budget;
  private long inflated;
  private boolean watchingText;
  private int stretch;
  private @Nullable WorkbookLimitException exceeded;

  BoundedEntryStream(InputStream in, String name, WorkbookLimits limits, InflationBudget budget) {
    super(in);
    this.name = name;
    this.limits = limits;
    this.budget = budget;
  }

  /** Starts refusing stretches of text longer than {@link WorkbookLimits#textBytes()}. */
  void watchText() {
    watchingText = true;
  }

  /** Stops watching text: for a part that turned out not to be XML, whose bytes mean nothing. */
  void ignoreText() {
    watchingText = false;
  }

  /** The limit this stream refused at, or null: readers above may wrap or swallow the exception. */
  @Nullable WorkbookLimitException exceeded() {
    return exceeded;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(new byte[] {(byte) b}, 0, 1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      count(b, off, n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // Skipped bytes are inflated all the same: count them by reading.
    byte[] buffer = new byte[(int) Math.min(8192, Math.max(0, n))];
    int read = buffer.length == 0 ? 0 : read(buffer, 0, buffer.length);
    return Math.max(0, read);
  }

  private void count(byte[] b, int off, int n) throws WorkbookLimitException {
    if (exceeded != null) {
      throw exceeded;
    }
    try {
      inflated += n;
      if (inflated > limits.partBytes()) {
        throw new WorkbookLimitException(
            name
                + " unzips to more than "
                + Cap.size(limits.partBytes())
                + ", far more than any part of a 287(g) workbook (a ZIP bomb?)");
      }
      budget.spend(n);
      if (watchingText) {
        watch(b, off, n);
      }
    } catch (WorkbookLimitException e) {
      exceeded = e;
      throw e;
    }
  }

  private void watch(byte[] b, int off, int n) throws WorkbookLimitException {
    for (int i = off; i < off + n; i++) {
      stretch = b[i] == '<' ? 0 : stretch + 1;
      if (stretch > limits.textBytes()) {
        throw new WorkbookLimitException(
            name
                + " holds more than "
                + Cap.size(limits.textBytes())
                + " of text without markup, far more than any cell of a 287(g) workbook");
      }
    }
  }
}
