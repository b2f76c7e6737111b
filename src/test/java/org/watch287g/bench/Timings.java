package org.watch287g.bench;

import java.util.Arrays;

/** Percentiles of a set of durations in nanoseconds, in milliseconds. */
public final class Timings {
  private final long[] sortedNanos;

  private Timings(long[] sortedNanos) {
    this.sortedNanos = sortedNanos;
  }

  public static Timings of(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return new Timings(sorted);
  }

  /** The {@code fraction} percentile (0.5 for the median), in ms; nearest rank. */
  public double percentileMs(double fraction) {
    int rank = (int) Math.ceil(fraction * sortedNanos.length) - 1;
    return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank))] / 1e6;
  }

  public double minMs() {
    return sortedNanos[0] / 1e6;
  }

  public double maxMs() {
    return sortedNanos[sortedNanos.length - 1] / 1e6;
  }

  public int count() {
    return sortedNanos.length;
  }
}
