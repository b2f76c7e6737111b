package org.watch287g.alerts;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.watch287g.geo.AgencyResolver;

/**
 * Sends one platform's due alerts: claims the due outbox rows, renders them in each channel's
 * language (as one digest when a publication gives a channel more than its threshold), hands them
 * to the platform's {@link Deliverer}, and records the outcome.
 *
 * <p>A row is marked sent only after the platform accepted its message, so a crash between the two
 * re-sends that one message after the restart: the only duplicate this design allows. A rate limit
 * on a channel stops the round for that channel (the rest of its rows wait their turn); other
 * channels go on. One worker per platform; not thread-safe.
 */
public final class DeliveryWorker {
  private static final int ROUND = 200;

  private final Outbox outbox;
  private final Deliverer deliverer;
  private final ChannelDirectory channels;
  private final AlertComposer composer;
  private final AgencyResolver resolver;
  private final RetryPolicy policy;
  private final Clock clock;
  private final Digest digest = new Digest();

  public DeliveryWorker(
      Outbox outbox,
      Deliverer deliverer,
      ChannelDirectory channels,
      AlertComposer composer,
      AgencyResolver resolver,
      RetryPolicy policy,
      Clock clock) {
    this.outbox = outbox;
    this.deliverer = deliverer;
    this.channels = channels;
    this.composer = composer;
    this.resolver = resolver;
    this.policy = policy;
    this.clock = clock;
  }

  /** The platform this worker sends to. */
  public String platform() {
    return deliverer.platform();
  }

  /** What one round did. */
  public record Round(int sent, int retrying, int dead) {
    public boolean idle() {
      return sent + retrying + dead == 0;
    }
  }

  /** Sends what is due now; returns what happened. */
  public Round deliverDue() {
    List<OutboxItem> due = outbox.due(deliverer.platform(), clock.instant(), ROUND);
    Map<String, List<OutboxItem>> groups = new LinkedHashMap<>();
    for (OutboxItem item : due) {
      groups.computeIfAbsent(item.channel() + "#" + item.batch(), k -> new ArrayList<>()).add(item);
    }
    int[] tally = new int[3];
    Set<ChannelRef> limited = new HashSet<>();
    for (List<OutboxItem> group : groups.values()) {
      ChannelRef channel = group.get(0).channel();
      if (!limited.contains(channel) && !send(channel, group, tally)) {
        limited.add(channel);
      }
    }
    return new Round(tally[0], tally[1], tally[2]);
  }

  /** Sends one channel's alerts of one batch; false when the platform asked to slow down. */
  private boolean send(ChannelRef channel, List<OutboxItem> group, int[] tally) {
    ChannelOptions options = channels.options(channel);
    List<AlertMessage> messages = new ArrayList<>();
    for (OutboxItem item : group) {
      messages.add(
          composer.compose(
              item.event(), resolver.resolve(item.event().agreement()), options.language()));
    }
    if (group.size() <= options.digestThreshold()) {
      for (int i = 0; i < group.size(); i++) {
        DeliveryResult result = deliverer.deliver(channel, messages.get(i));
        if (!record(result, List.of(group.get(i)), tally)) {
          return false;
        }
      }
      return true;
    }
    Deliverer.DigestBudget budget = deliverer.digestBudget();
    int next = 0;
    for (DigestPart part :
        digest.split(messages, options.language(), budget.maxItems(), budget.maxChars())) {
      List<OutboxItem> items = group.subList(next, next + part.lines().size());
      next += part.lines().size();
      if (!record(deliverer.deliver(channel, part), items, tally)) {
        return false;
      }
    }
    return true;
  }

  /** Records an outcome for the rows of one message; false when the platform asked to wait. */
  private boolean record(DeliveryResult result, List<OutboxItem> items, int[] tally) {
    List<Long> ids = items.stream().map(OutboxItem::id).toList();
    Instant now = clock.instant();
    if (result instanceof DeliveryResult.Sent) {
      outbox.markSent(ids, now);
      tally[0] += ids.size();
      return true;
    }
    int attempts = items.stream().mapToInt(OutboxItem::attempts).max().orElse(0) + 1;
    Optional<Instant> retry =
        policy.retryAt(result, attempts, now, () -> ThreadLocalRandom.current().nextDouble());
    String reason = reason(result);
    if (retry.isPresent()) {
      outbox.retryAt(ids, retry.get(), reason);
      tally[1] += ids.size();
    } else {
      outbox.deadLetter(ids, reason);
      tally[2] += ids.size();
    }
    return !(result instanceof DeliveryResult.RetryAfter);
  }

  private static String reason(DeliveryResult result) {
    if (result instanceof DeliveryResult.RetryAfter r) {
      return "rate limited: " + r.reason();
    }
    if (result instanceof DeliveryResult.Failed f) {
      return f.reason();
    }
    if (result instanceof DeliveryResult.Rejected r) {
      return "refused: " + r.reason();
    }
    return "sent";
  }
}
