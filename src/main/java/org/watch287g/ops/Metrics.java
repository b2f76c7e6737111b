package org.watch287g.ops;

import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.watch287g.store.Vitals;

/**
 * What {@code /metrics} shows, in Prometheus's text format. The bot's own figures are read from the
 * database at each scrape ({@link Vitals}), so they survive restarts; command latency is timed as
 * commands are answered; the JVM's come from Micrometer's binders.
 */
public final class Metrics {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Vitals vitals;
  private final MultiGauge fetches;
  private final MultiGauge snapshots;
  private final MultiGauge events;
  private final MultiGauge alerts;
  private final AtomicLong lastGoodFetch = new AtomicLong();
  private final AtomicLong failedAttempts = new AtomicLong();

  public Metrics(Vitals vitals) {
    this.vitals = vitals;
    this.fetches =
        MultiGauge.builder("watch287g.fetch.attempts")
            .description("Looks at ICE's page and lists, by target and outcome, since install")
            .register(registry);
    this.snapshots =
        MultiGauge.builder("watch287g.snapshots")
            .description("Publications kept, by list and status (good or quarantined)")
            .register(registry);
    this.events =
        MultiGauge.builder("watch287g.change.events")
            .description("Changes found between publications, by type")
            .register(registry);
    this.alerts =
        MultiGauge.builder("watch287g.alerts")
            .description("Alerts by platform and status: pending (the outbox depth), sent, dead")
            .register(registry);
    registry.gauge("watch287g.fetch.last.success.seconds", lastGoodFetch, AtomicLong::doubleValue);
    registry.gauge("watch287g.delivery.failed.attempts", failedAttempts, AtomicLong::doubleValue);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** Records how long a command took to answer, by platform and verb. */
  public void commandAnswered(String platform, String verb, Duration took) {
    Timer.builder("watch287g.command")
        .description("Time to answer a /287g command")
        .tags("platform", platform, "verb", verb)
        .publishPercentiles(0.5, 0.99)
        .register(registry)
        .record(took);
  }

  /** The whole exposition, with the database figures read now. */
  public String scrape() {
    Vitals.Reading r = vitals.read();
    fetches.register(rows(r.fetches(), "target", "outcome"), true);
    snapshots.register(rows(r.snapshots(), "list", "status"), true);
    events.register(rows(r.events(), "type", null), true);
    alerts.register(rows(r.outbox(), "platform", "status"), true);
    lastGoodFetch.set(r.lastGoodFetch().map(t -> t.getEpochSecond()).orElse(0L));
    failedAttempts.set(r.failedAttempts());
    return registry.scrape();
  }

  /** Counts keyed "a/b" as gauge rows tagged {@code first=a, second=b}. */
  private static List<MultiGauge.Row<?>> rows(
      Map<String, Long> counts, String first, @org.jspecify.annotations.Nullable String second) {
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    counts.forEach(
        (key, count) -> {
          int slash = key.indexOf('/');
          Tags tags =
              second == null || slash < 0
                  ? Tags.of(first, key)
                  : Tags.of(first, key.substring(0, slash), second, key.substring(slash + 1));
          rows.add(MultiGauge.Row.of(tags, count));
        });
    return rows;
  }
}
