package org.watch287g.testing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.watch287g.alerts.AlertMessage;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.Deliverer;
import org.watch287g.alerts.DeliveryResult;
import org.watch287g.alerts.DigestPart;
import org.watch287g.alerts.Notice;
import org.watch287g.alerts.OutboxKey;

/**
 * A platform that records what it accepted and answers as scripted: by default it accepts; {@link
 * #then} queues other answers (a 429, a refusal...), and {@link #crashAfterAccepting} makes it
 * accept a message and then kill the caller, as a process dying between the platform's acceptance
 * and the outbox's mark would. {@link #taking} makes each send take that long, as a round trip
 * does; it then counts how many were in flight at once, overall and per channel. Thread-safe.
 */
public final class RecordingDeliverer implements Deliverer {
  /**
   * What the platform accepted, in order.
   *
   * @param mention who the message pings (a {@code Mention} token), empty for no one
   */
  public record Accepted(ChannelRef channel, String text, String mention) {}

  /** Thrown to stand for the process dying. */
  public static final class Crash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Crash() {
      super("process killed after the platform accepted");
    }
  }

  private final String platform;
  private final DigestBudget budget;
  private final List<Accepted> accepted = Collections.synchronizedList(new ArrayList<>());
  private final Deque<Supplier<DeliveryResult>> script = new ArrayDeque<>();
  private final List<OutboxKey> keys = Collections.synchronizedList(new ArrayList<>());
  private volatile long sendMillis;
  private volatile java.util.function.Predicate<ChannelRef> reaches = channel -> true;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger mostInFlight = new AtomicInteger();
  private final Map<ChannelRef, AtomicInteger> perChannel = new ConcurrentHashMap<>();
  private final AtomicInteger mostPerChannel = new AtomicInteger();

  public RecordingDeliverer(String platform, DigestBudget budget) {
    this.platform = platform;
    this.budget = budget;
  }

  /** Answers the next delivery with {@code result} (after that, accepts again). */
  public RecordingDeliverer then(DeliveryResult result) {
    synchronized (script) {
      script.add(() -> result);
    }
    return this;
  }

  /** Makes every send take {@code millis}, as a round trip to the platform does. */
  /** Reaches only the channels {@code reaches} accepts (another instance posts to the others). */
  public RecordingDeliverer reaching(java.util.function.Predicate<ChannelRef> reaches) {
    this.reaches = reaches;
    return this;
  }

  @Override
  public boolean reaches(ChannelRef channel) {
    return reaches.test(channel);
  }

  public RecordingDeliverer taking(long millis) {
    sendMillis = millis;
    return this;
  }

  /** The outbox keys the worker sent with, in order, every attempt. */
  public List<OutboxKey> keys() {
    synchronized (keys) {
      return List.copyOf(keys);
    }
  }

  /** The most sends that were in flight at once. */
  public int mostInFlight() {
    return mostInFlight.get();
  }

  /** The most sends that were in flight at once to one channel. */
  public int mostInFlightToOneChannel() {
    return mostPerChannel.get();
  }

  /** Accepts the next delivery, then throws {@link Crash} before the caller can record it. */
  public RecordingDeliverer crashAfterAccepting() {
    synchronized (script) {
      script.add(
          () -> {
            throw new Crash();
          });
    }
    return this;
  }

  public List<Accepted> accepted() {
    synchronized (accepted) {
      return List.copyOf(accepted);
    }
  }

  @Override
  public String platform() {
    return platform;
  }

  @Override
  public DigestBudget digestBudget() {
    return budget;
  }

  @Override
  public DeliveryResult deliver(ChannelRef channel, AlertMessage alert) {
    return answer(channel, alert.plainText(), alert.mention());
  }

  @Override
  public DeliveryResult deliver(ChannelRef channel, DigestPart digest) {
    return answer(channel, digest.plainText(), digest.mention());
  }

  @Override
  public DeliveryResult deliver(ChannelRef channel, AlertMessage alert, OutboxKey key) {
    keys.add(key);
    return deliver(channel, alert);
  }

  @Override
  public DeliveryResult deliver(ChannelRef channel, DigestPart digest, OutboxKey key) {
    keys.add(key);
    return deliver(channel, digest);
  }

  @Override
  public DeliveryResult deliver(ChannelRef adminChannel, Notice notice) {
    return answer(adminChannel, notice.text(), "");
  }

  private DeliveryResult answer(ChannelRef channel, String text, String mention) {
    AtomicInteger toChannel = perChannel.computeIfAbsent(channel, unused -> new AtomicInteger());
    mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    mostPerChannel.accumulateAndGet(toChannel.incrementAndGet(), Math::max);
    try {
      if (sendMillis > 0) {
        Thread.sleep(sendMillis);
      }
      return answerNow(channel, text, mention);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new DeliveryResult.Failed("interrupted");
    } finally {
      inFlight.decrementAndGet();
      toChannel.decrementAndGet();
    }
  }

  private DeliveryResult answerNow(ChannelRef channel, String text, String mention) {
    Supplier<DeliveryResult> next;
    synchronized (script) {
      next = script.poll();
    }
    if (next == null) {
      accepted.add(new Accepted(channel, text, mention));
      return new DeliveryResult.Sent();
    }
    try {
      DeliveryResult result = next.get();
      if (result instanceof DeliveryResult.Sent) {
        accepted.add(new Accepted(channel, text, mention));
      }
      return result;
    } catch (Crash crash) {
      accepted.add(new Accepted(channel, text, mention));
      throw crash;
    }
  }
}
