package org.watch287g.ops;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.watch287g.alerts.Subscription;
import org.watch287g.alerts.Target;
import org.watch287g.dataset.ListKind;
import org.watch287g.store.FetchAttempt;
import org.watch287g.store.SourceCursor;
import org.watch287g.store.SourceLedger;
import org.watch287g.store.SubscriptionRepository;
import org.watch287g.store.Vitals;
import org.watch287g.web.HttpAnswer;

/**
 * The operator's page at {@code /} of the admin endpoint: is ICE being read (each list's last look
 * and last change, the latest attempts with their outcome, quarantines with their reason), is the
 * outbox draining (rows by platform and state), and which channels follow what (paused ones with
 * why). Read from the database on each request; the endpoint is the operator's alone (loopback by
 * default), so the channels' IDs are shown.
 */
public final class Dashboard {
  /** The most channels listed; a larger installation sees the count and the first ones. */
  static final int CHANNELS_SHOWN = 500;

  private static final int ATTEMPTS_SHOWN = 30;

  private final SourceLedger ledger;
  private final SubscriptionRepository subscriptions;
  private final Vitals vitals;
  private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

  public Dashboard(SourceLedger ledger, SubscriptionRepository subscriptions, Vitals vitals) {
    this.ledger = ledger;
    this.subscriptions = subscriptions;
    this.vitals = vitals;
  }

  /** What the page shows. */
  public record View(
      String now,
      List<ListRow> lists,
      List<AttemptRow> attempts,
      Map<String, Long> outbox,
      int channelCount,
      List<ChannelRow> channels) {
    public View {
      lists = List.copyOf(lists);
      attempts = List.copyOf(attempts);
      outbox = Map.copyOf(new TreeMap<>(outbox));
      channels = List.copyOf(channels);
    }
  }

  /** One of ICE's lists: where it was read from, when last looked at and last linked. */
  public record ListRow(String list, String url, String checked, String linked) {}

  /** One look at the source. */
  public record AttemptRow(String at, String target, String outcome, String detail) {}

  /** One channel: where, what it follows, and whether (and why) it is paused. */
  public record ChannelRow(
      String platform, String workspace, String channel, String follows, String paused) {}

  /** The page, as an HTTP answer. */
  public HttpAnswer page() {
    StringOutput out = new StringOutput();
    templates.render("dashboard.jte", view(), out);
    return new HttpAnswer(
        200,
        "text/html; charset=utf-8",
        out.toString().getBytes(StandardCharsets.UTF_8),
        Map.of(
            "Cache-Control", "no-store",
            "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'",
            "X-Content-Type-Options", "nosniff"));
  }

  View view() {
    List<ListRow> lists = new ArrayList<>();
    for (ListKind kind : ListKind.values()) {
      SourceCursor c = ledger.cursor(kind);
      lists.add(new ListRow(kind.id(), text(c.url()), text(c.checkedAt()), text(c.linkedAt())));
    }
    List<AttemptRow> attempts = new ArrayList<>();
    for (FetchAttempt a : ledger.recentAttempts(ATTEMPTS_SHOWN)) {
      attempts.add(
          new AttemptRow(
              a.at().toString(),
              a.target(),
              a.outcome().name().toLowerCase(java.util.Locale.ROOT),
              a.detail()));
    }
    List<Subscription> all = subscriptions.all();
    List<ChannelRow> channels = new ArrayList<>();
    for (Subscription s : all.subList(0, Math.min(CHANNELS_SHOWN, all.size()))) {
      List<String> follows = new ArrayList<>();
      for (Target t : s.targets()) {
        follows.add(t.code());
      }
      follows.sort(null);
      Optional<String> paused = subscriptions.pausedReason(s.channel());
      channels.add(
          new ChannelRow(
              s.channel().platform(),
              s.channel().workspace(),
              s.channel().channel(),
              String.join(", ", follows),
              paused.orElse("")));
    }
    return new View(
        Instant.now().toString(), lists, attempts, vitals.read().outbox(), all.size(), channels);
  }

  private static String text(@Nullable Object value) {
    return value == null ? "" : value.toString();
  }
}
