package org.watch287g.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Sends one platform's due alerts: claims the due outbox rows, renders them in each channel's
 * language (as one digest when a publication gives a channel more than its threshold), hands them
 * to the platform's {@link Deliverer}, and records the outcome.
 *
 * <p>Several messages are in flight at once ({@code inFlight}, one per channel at most, so a
 * channel's messages keep their order): over a real network a send waits a round trip, and one at a
 * time would hold a platform far below its rate limit. Each message's rows are claimed with a lease
 * ({@link Outbox#claim}) just before the send, and marked sent only after the platform accepted it.
 * A crash in between leaves them claimed until the lease runs out; then they are sent again, marked
 * in doubt ({@link OutboxKey}), which Discord's nonce and Slack's metadata check turn into no
 * duplicate. Channels take turns, one message each per pass of a round; a rate limit on a channel
 * ends the round for that channel (the rest of its rows wait for a later round, which the {@link
 * Round} asks for as soon as the channel is free); other channels go on.
 *
 * <p>Sends are paced within the platform's {@link Deliverer#rateLimits()} by one {@link Pacer}
 * shared by everything in flight: a channel that has used its allowance is left for a later round,
 * and when the whole platform has, the sender waits for the next slot. So a statewide event to
 * thousands of channels goes out at the platform's pace instead of drawing 429s; a 429 that still
 * comes is obeyed as before. One worker per platform; {@link #deliverDue} is called by one thread
 * at a time.
 */
public final class DeliveryWorker {
  /**
   * Rows a round looks at, per message in flight: a round ends with fewer and fewer channels left
   * to send to, so a round long enough for many sends per lane keeps that tail short.
   */
  private static final int ROUND_PER_LANE = 50;

  /** How long a sender waits for the next channel to be planned. */
  private static final long PLANNING_WAIT_NANOS = 200_000;

  /** Rows a round looks at, at least: the one-at-a-time worker's round. */
  private static final int ROUND_MIN = 200;

  /**
   * How long a claim on a message's rows holds: longer than any send may take (the deliverers give
   * up after 20 s), so a live send is never taken over, and short enough that a crashed one is
   * taken up again within a minute, inside Discord's nonce window.
   */
  public static final Duration LEASE = Duration.ofSeconds(60);

  /**
   * How long a platform that refused the bot's token is left alone before trying again: the token
   * will not fix itself quickly, and the operator has been told.
   */
  static final Duration PLATFORM_PAUSE = Duration.ofMinutes(15);

  private final Outbox outbox;
  private final Deliverer deliverer;
  private final ChannelDirectory channels;
  private final AlertComposer composer;
  private final RetryPolicy policy;
  private final Clock clock;
  private final AdminNotices notices;
  private final Digest digest = new Digest();
  private final Pacer pacer;
  private final int inFlight;
  private final Duration lease;

  /** Who claims rows: this worker, unlike any other process or any earlier run. */
  private final String owner;

  /** Runs the sends while the round's own thread plans them; null for one at a time. */
  private final @Nullable ExecutorService senders;

  /** Until when the platform refused the bot's token: no round runs before it. */
  private volatile Instant pausedUntil = Instant.EPOCH;

  /**
   * Whether the platform has taken a message since start (or since it refused the token): until
   * then a round sends one message alone before the others go, so that a refused token costs one
   * request, not one per message in flight.
   */
  private volatile boolean proven;

  /** Set from another thread at shutdown: the round ends after the message in flight. */
  private volatile boolean stopping;

  public DeliveryWorker(
      Outbox outbox,
      Deliverer deliverer,
      ChannelDirectory channels,
      AlertComposer composer,
      RetryPolicy policy,
      AdminNotices notices,
      Clock clock) {
    this(outbox, deliverer, channels, composer, policy, notices, clock, 1, LEASE);
  }

  /**
   * @param inFlight how many messages may be in flight at once, at least 1 (one per channel)
   * @param lease how long a claim on a message's rows holds (see {@link #LEASE})
   */
  public DeliveryWorker(
      Outbox outbox,
      Deliverer deliverer,
      ChannelDirectory channels,
      AlertComposer composer,
      RetryPolicy policy,
      AdminNotices notices,
      Clock clock,
      int inFlight,
      Duration lease) {
    this(
        outbox,
        deliverer,
        channels,
        composer,
        policy,
        notices,
        clock,
        inFlight,
        lease,
        () -> LimitShare.WHOLE);
  }

  /**
   * @param share which part of the platform's global limit is this instance's now, when several
   *     share it (see {@link Pacer#Pacer(RateLimits, Supplier)}); the whole alone
   */
  public DeliveryWorker(
      Outbox outbox,
      Deliverer deliverer,
      ChannelDirectory channels,
      AlertComposer composer,
      RetryPolicy policy,
      AdminNotices notices,
      Clock clock,
      int inFlight,
      Duration lease,
      Supplier<LimitShare> share) {
    if (inFlight < 1) {
      throw new IllegalArgumentException("at least one message in flight: " + inFlight);
    }
    this.outbox = outbox;
    this.deliverer = deliverer;
    this.channels = channels;
    this.composer = composer;
    this.policy = policy;
    this.notices = notices;
    this.clock = clock;
    this.pacer = new Pacer(deliverer.rateLimits(), share);
    this.inFlight = inFlight;
    this.lease = lease;
    byte[] random = new byte[6];
    ThreadLocalRandom.current().nextBytes(random);
    this.owner =
        deliverer.platform()
            + "-"
            + ProcessHandle.current().pid()
            + "-"
            + HexFormat.of().formatHex(random);
    this.senders =
        inFlight == 1
            ? null
            : Executors.newFixedThreadPool(
                inFlight,
                r -> {
                  Thread t = new Thread(r, "delivery-" + deliverer.platform());
                  t.setDaemon(true);
                  return t;
                });
  }

  /** How many messages this worker may have in flight at once. */
  public int inFlight() {
    return inFlight;
  }

  /** The platform this worker sends to. */
  public String platform() {
    return deliverer.platform();
  }

  /**
   * What one round did, and when the next should run.
   *
   * @param again how soon there is more to send: zero when the round stopped at its size with more
   *     perhaps due, the time until the first channel it left for its rate limit may send again, or
   *     null when it left nothing due that pacing holds back (the loop's own tick then applies)
   */
  public record Round(int sent, int retrying, int dead, @Nullable Duration again) {
    public Round(int sent, int retrying, int dead) {
      this(sent, retrying, dead, null);
    }

    public boolean idle() {
      return sent + retrying + dead == 0;
    }
  }

  /** Counts a round's outcomes as it goes, from every send in flight. */
  private static final class Tally {
    private int sent;
    private int retrying;
    private int dead;

    /** The soonest a channel left for a rate limit (ours or the platform's) may send again. */
    private @Nullable Duration channelFree;

    synchronized void sent(int n) {
      sent += n;
    }

    synchronized void retrying(int n) {
      retrying += n;
    }

    synchronized void dead(int n) {
      dead += n;
    }

    synchronized void channelBusy(Duration retryIn) {
      if (channelFree == null || retryIn.compareTo(channelFree) < 0) {
        channelFree = retryIn;
      }
    }

    synchronized Round round(boolean stopped, boolean full) {
      // A full round that sent something may have left more due behind it: go on at once. (One
      // that sent nothing was all busy channels; going on at once would only spin.)
      Duration again = !stopped && full && sent > 0 ? Duration.ZERO : channelFree;
      return new Round(sent, retrying, dead, stopped ? null : again);
    }
  }

  /**
   * Ends the round in progress after the message being sent (which is recorded), and every later
   * one at once: how shutdown stays quick without losing or repeating an alert. Thread-safe.
   */
  public void stop() {
    stopping = true;
  }

  /** Sends what is due now; returns what happened. */
  public Round deliverDue() {
    Instant now = clock.instant();
    if (stopping || now.isBefore(pausedUntil)) {
      return new Round(0, 0, 0);
    }
    int size = Math.max(ROUND_MIN, ROUND_PER_LANE * inFlight);
    List<OutboxItem> due = outbox.due(deliverer.platform(), now, size);
    boolean full = due.size() == size;
    // The round only says which channels have something due; each channel's digest is planned
    // from all its rows of the publication, so that how the outbox's rows fall into rounds (one
    // row each for many channels sharing a state) never changes what a channel gets.
    Set<BatchKey> batches = new LinkedHashSet<>();
    for (OutboxItem item : due) {
      // A channel another instance posts to (a Discord server whose shard it runs) is left to it:
      // not claimed, and not postponed, which would hold it back from that instance too.
      if (deliverer.reaches(item.channel())) {
        batches.add(new BatchKey(item.channel(), item.batch()));
      }
    }
    // One queue per channel, its publications oldest first: a channel's messages go one after
    // another in their order, never two at once, however many channels are in flight.
    Map<ChannelRef, List<BatchKey>> channelBatches = new LinkedHashMap<>();
    for (BatchKey key : batches) {
      channelBatches.computeIfAbsent(key.channel(), unused -> new ArrayList<>()).add(key);
    }
    Tally tally = new Tally();
    boolean stopped = sendInTurn(List.copyOf(channelBatches.values()), now, tally);
    return tally.round(stopped, full);
  }

  /** A channel's messages of the round: its publications' plans, oldest first. */
  private Deque<Message> planChannel(List<BatchKey> keys, Instant now) {
    Deque<Message> queue = new ArrayDeque<>();
    for (BatchKey key : keys) {
      queue.addAll(plan(key, now));
    }
    return queue;
  }

  /** What the round does after a message. */
  private enum Next {
    /** Go on with this channel's next message. */
    GO_ON,
    /** Leave this channel for now (it asked to slow down, or cannot be reached). */
    SKIP_CHANNEL,
    /** Stop the round: the platform refuses the bot. */
    STOP
  }

  /** One message of a round: one alert, or one part of a digest, and the rows it covers. */
  private record Message(
      ChannelRef channel,
      List<OutboxItem> items,
      ChannelOptions options,
      @Nullable DigestPart digestPart) {}

  /** One channel's rows of one publication. */
  private record BatchKey(ChannelRef channel, long batch) {}

  /**
   * One channel's alerts of one publication as the messages still to send: one each when the
   * publication brought the channel no more than its threshold, else the digest's parts that still
   * carry a due row.
   *
   * <p>Both the decision and the split are made from every row of the publication for the channel,
   * sent or not, in a fixed order, so they come out the same in every round and after a restart: a
   * part keeps its number and the digest its total, and the rows already sent tell which parts went
   * (nothing new is stored). A part is sent with, and marks, only its rows that are pending and
   * due.
   */
  private Deque<Message> plan(BatchKey key, Instant now) {
    ChannelRef channel = key.channel();
    ChannelOptions options = channels.options(channel);
    List<Outbox.Row> rows = outbox.batch(channel, key.batch());
    Deque<Message> messages = new ArrayDeque<>();
    if (rows.size() <= options.digestThreshold()) {
      for (Outbox.Row row : rows) {
        if (sendable(row, now)) {
          messages.add(new Message(channel, List.of(row.item()), options, null));
        }
      }
      return messages;
    }
    List<AlertMessage> alerts = new ArrayList<>();
    for (Outbox.Row row : rows) {
      alerts.add(compose(row.item(), options));
    }
    Deliverer.DigestBudget budget = deliverer.digestBudget();
    for (DigestPart part :
        digest.split(alerts, options.language(), budget.maxItems(), budget.maxChars())) {
      List<OutboxItem> items = new ArrayList<>();
      for (int index : part.alerts()) {
        Outbox.Row row = rows.get(index);
        if (sendable(row, now)) {
          items.add(row.item());
        }
      }
      if (!items.isEmpty()) {
        messages.add(new Message(channel, items, options, part));
      }
    }
    return messages;
  }

  private static boolean sendable(Outbox.Row row, Instant now) {
    return row.pending() && !row.due().isAfter(now);
  }

  /**
   * Sends the channels' messages taking turns, one message per channel per pass, up to {@code
   * inFlight} channels at once: a channel with many alerts neither holds up the others nor spends
   * its own rate limit in one burst, and a channel that asks to wait is left for a later round.
   * Each channel's queue is held by one sender at a time, so a channel never has two messages in
   * flight. With several in flight, channels are planned on this thread while the senders already
   * send the ones planned, so the platform is never left idle while a round is planned. Returns
   * whether the round had to stop.
   */
  private boolean sendInTurn(List<List<BatchKey>> channelBatches, Instant now, Tally tally) {
    ConcurrentLinkedDeque<Deque<Message>> turns = new ConcurrentLinkedDeque<>();
    AtomicBoolean planned = new AtomicBoolean();
    AtomicBoolean stopped = new AtomicBoolean();
    Runnable sender =
        () -> {
          try {
            while (!stopped.get()) {
              Deque<Message> queue = turns.poll();
              if (queue == null) {
                if (!planned.get()) {
                  LockSupport.parkNanos(PLANNING_WAIT_NANOS);
                  continue;
                }
                // Planned: the last queue was added before the flag, so this poll sees it.
                queue = turns.poll();
                if (queue == null) {
                  return;
                }
              }
              takeTurn(queue, turns, stopped, tally);
            }
          } catch (RuntimeException | Error e) {
            stopped.set(true); // the other senders finish the message they have in flight
            throw e;
          }
        };
    ExecutorService pool = senders;
    List<Future<?>> running = new ArrayList<>();
    int lanes = Math.min(inFlight, channelBatches.size());
    boolean alone = pool != null && !proven;
    if (pool != null && !alone) {
      for (int i = 0; i < lanes; i++) {
        running.add(pool.submit(sender));
      }
    }
    RuntimeException failure = null;
    try {
      for (List<BatchKey> keys : channelBatches) {
        if (stopped.get()) {
          break;
        }
        Deque<Message> queue = planChannel(keys, now);
        if (queue.isEmpty()) {
          continue;
        }
        if (alone && pool != null) {
          // The first message since start goes alone: see proven.
          alone = false;
          takeTurn(queue, turns, stopped, tally);
          if (!stopped.get()) {
            for (int i = 0; i < lanes; i++) {
              running.add(pool.submit(sender));
            }
          }
          continue;
        }
        turns.add(queue);
      }
    } catch (RuntimeException e) {
      stopped.set(true);
      failure = e;
    } finally {
      planned.set(true);
    }
    if (pool == null && failure == null) {
      try {
        sender.run();
      } catch (RuntimeException e) {
        failure = e;
      }
    }
    // Every sender has finished before the round ends: the next round's never meets this one's.
    for (Future<?> helper : running) {
      try {
        awaitSender(helper, stopped);
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
    return stopped.get();
  }

  /**
   * Sends a channel's next message; puts the channel back in line when it has more, leaves it out
   * of the round when it asked to wait, and stops the round when the platform refuses the bot.
   */
  private void takeTurn(
      Deque<Message> queue,
      ConcurrentLinkedDeque<Deque<Message>> turns,
      AtomicBoolean stopped,
      Tally tally) {
    Next next = send(queue.getFirst(), tally);
    if (next == Next.STOP) {
      stopped.set(true);
      return;
    }
    if (next == Next.SKIP_CHANNEL) {
      return; // the channel's queue is left out of this round
    }
    queue.removeFirst();
    if (!queue.isEmpty()) {
      turns.add(queue);
    }
  }

  /** Waits for one sender of the round to finish its last message. */
  private static void awaitSender(Future<?> helper, AtomicBoolean stopped) {
    boolean interrupted = false;
    while (true) {
      try {
        helper.get();
        break;
      } catch (InterruptedException e) {
        // The sender finishes the message it has in flight (it is recorded); no new one starts.
        interrupted = true;
        stopped.set(true);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException failure) {
          throw failure;
        }
        throw new IllegalStateException("a delivery sender failed", e.getCause());
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Sends one message when pacing allows, and records what the platform said. */
  private Next send(Message message, Tally tally) {
    ChannelRef channel = message.channel();
    DigestPart part = message.digestPart();
    if (part != null) {
      return whenPaced(message, tally, key -> deliverer.deliver(channel, part, key));
    }
    // A single alert is composed when its turn comes (pacing leaves many for later rounds), and
    // before its slot is taken, so the time the slot allows is the time the platform sees.
    AlertMessage alert = compose(message.items().get(0), message.options());
    return whenPaced(message, tally, key -> deliverer.deliver(channel, alert, key));
  }

  /**
   * Claims the message's rows, waits for a slot within the rate limits, sends and records. The
   * claim comes first, so that between the slot and the send there is nothing but the send: the
   * platform counts the request within the pacer's margin of when the slot was taken.
   */
  private Next whenPaced(
      Message message, Tally tally, Function<OutboxKey, DeliveryResult> delivery) {
    List<Long> ids = message.items().stream().map(OutboxItem::id).toList();
    Instant now = clock.instant();
    Outbox.Claim claim = outbox.claim(ids, owner, now, now.plus(lease));
    if (!claim.taken()) {
      // Another sender (a process delivering beside this one) has them: leave the channel to it.
      return Next.SKIP_CHANNEL;
    }
    Next paced = pace(message.channel(), tally);
    if (paced != Next.GO_ON) {
      outbox.unclaim(ids, claim.inDoubtSince());
      return paced;
    }
    long first = ids.stream().mapToLong(Long::longValue).min().orElseThrow();
    return record(
        message.channel(),
        delivery.apply(new OutboxKey(first, claim.inDoubtSince())),
        message.items(),
        tally);
  }

  /**
   * An alert as this channel gets it: with its note, and pinging its mention when the event's type
   * calls for it ({@link Mention#pings}), never otherwise.
   */
  private AlertMessage compose(OutboxItem item, ChannelOptions options) {
    AlertMessage alert = composeFor(item, options).withNote(options.note());
    return Mention.pings(alert.type()) ? alert.withMention(options.mention()) : alert;
  }

  private AlertMessage composeFor(OutboxItem item, ChannelOptions options) {
    return composer.compose(item.event(), item.coverage(), options.language());
  }

  /**
   * Waits for a slot within the platform's rate limits: at once if there is one, for the next one
   * if the whole platform is busy; a channel that has used its own allowance is skipped, its rows
   * left due for a later round, which the {@link Round} asks for as soon as the channel is free.
   */
  private Next pace(ChannelRef channel, Tally tally) {
    while (true) {
      Pacer.Slot slot = pacer.tryAcquire(channel);
      if (slot instanceof Pacer.Go) {
        return Next.GO_ON;
      }
      if (slot instanceof Pacer.ChannelBusy busy) {
        tally.channelBusy(busy.retryIn());
        return Next.SKIP_CHANNEL;
      }
      if (stopping || !(slot instanceof Pacer.PlatformBusy busy)) {
        return Next.STOP;
      }
      try {
        TimeUnit.NANOSECONDS.sleep(busy.retryIn().toNanos());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Next.STOP;
      }
    }
  }

  /**
   * Records an outcome for the rows of one message, and says what the round does next. Every kind
   * of outcome is named: the switch has no default, so a new one does not compile until it is
   * handled here.
   */
  private Next record(
      ChannelRef channel, DeliveryResult result, List<OutboxItem> items, Tally tally) {
    List<Long> ids = items.stream().map(OutboxItem::id).toList();
    Instant now = clock.instant();
    return switch (result.kind()) {
      case SENT -> {
        proven = true;
        outbox.markSent(ids, now);
        tally.sent(ids.size());
        yield stopping ? Next.STOP : Next.GO_ON;
      }
      case UNCONFIRMED -> {
        // Nothing was sent: the platform cannot yet say whether the send before the crash went
        // out.
        Duration delay = ((DeliveryResult.Unconfirmed) result).delay();
        outbox.holdInDoubt(ids, now.plus(delay), result.describe());
        tally.retrying(ids.size());
        tally.channelBusy(delay);
        yield Next.SKIP_CHANNEL;
      }
      case UNAVAILABLE -> {
        // The rows stay pending, uncounted: the outbox skips a paused channel until it resumes.
        String why = ((DeliveryResult.Unavailable) result).reason();
        channels.pause(channel, why, now);
        outbox.release(ids);
        notices.tell(Notice.channelPaused(channel, why));
        tally.retrying(ids.size());
        yield Next.SKIP_CHANNEL;
      }
      case UNAUTHORIZED -> {
        proven = false;
        pausedUntil = now.plus(PLATFORM_PAUSE);
        String why = ((DeliveryResult.Unauthorized) result).reason();
        outbox.postpone(ids, pausedUntil, "held: " + why);
        notices.tell(Notice.platformPaused(deliverer.platform(), why));
        tally.retrying(ids.size());
        yield Next.STOP;
      }
      case RETRY_AFTER -> {
        // A rate limit says exactly when to come back and is no sign the message is bad: waiting
        // for it is not a failed attempt, so a busy day cannot use up the retries of a later 503.
        Duration delay = ((DeliveryResult.RetryAfter) result).delay();
        outbox.postpone(ids, now.plus(delay), result.describe());
        tally.retrying(ids.size());
        tally.channelBusy(delay);
        yield Next.SKIP_CHANNEL;
      }
      case FAILED, REJECTED -> retryOrGiveUp(channel, result, items, ids, now, tally);
    };
  }

  /** A failure counts as an attempt: try again after a backoff, or give up and say so. */
  private Next retryOrGiveUp(
      ChannelRef channel,
      DeliveryResult result,
      List<OutboxItem> items,
      List<Long> ids,
      Instant now,
      Tally tally) {
    int attempts = items.stream().mapToInt(OutboxItem::attempts).max().orElse(0) + 1;
    Optional<Instant> retry =
        policy.retryAt(result, attempts, now, () -> ThreadLocalRandom.current().nextDouble());
    String reason = result.describe();
    if (retry.isPresent()) {
      outbox.retryAt(ids, retry.get(), reason);
      tally.retrying(ids.size());
    } else {
      outbox.deadLetter(ids, reason);
      notices.tell(Notice.deadLettered(channel, ids.size(), reason));
      tally.dead(ids.size());
    }
    return Next.GO_ON;
  }
}
