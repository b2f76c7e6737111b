package org.watch287g.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.watch287g.changes.ChangeEvent;
import org.watch287g.commands.Verb;
import org.watch287g.dataset.ListKind;
import org.watch287g.store.Vitals;

/**
 * What {@code /metrics} shows, in Prometheus's text format (0.0.4), named by Prometheus's
 * conventions: running totals are counters ending in {@code _total}, Unix times end in {@code
 * _timestamp_seconds}, each name has one meaning, and every series a fresh bot can have is there
 * from the start with 0.
 *
 * <p>The bot's own figures are counted from the database at each scrape ({@link Vitals}), so they
 * survive restarts. The totals among them are still counters: rows in {@code fetch_attempt}, {@code
 * change_event} and {@code outbox} are never deleted, an outbox row only leaves {@code pending}
 * (for {@code sent} or {@code dead}), and its {@code attempts} only grow, so a count over them
 * never decreases. Command latency is timed as commands are answered; the JVM's figures come from
 * Micrometer's binders.
 */
public final class Metrics {
  /** What the {@code fetch_attempt} table's {@code target} column may hold. */
  static final List<String> FETCH_TARGETS = List.of("page", "participating", "pending");

  /** What its {@code outcome} column may hold. */
  static final List<String> FETCH_OUTCOMES =
      List.of("stored", "unchanged", "quarantined", "failed", "not_linked");

  /** What the {@code snapshot} table's {@code status} column may hold. */
  static final List<String> SNAPSHOT_STATUSES = List.of("good", "quarantined");

  /** The verb recorded for text that is not a command. */
  static final String INVALID_VERB = "invalid";

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Vitals vitals;

  /** The database keys whose series are registered ("fetch/page/failed", "alerts/slack"). */
  private final Set<String> seen = new HashSet<>();

  private volatile Vitals.Reading latest =
      new Vitals.Reading(Map.of(), Optional.empty(), Map.of(), Map.of(), Map.of(), 0);

  /**
   * Registers every series.
   *
   * @param vitals where the figures are counted
   * @param platforms the platforms alerts may go to (the configured ones, or the console): each
   *     gets its alert and command series from the start
   * @param version the bot's version, for {@code watch287g_build_info}
   */
  public Metrics(Vitals vitals, Collection<String> platforms, String version) {
    this.vitals = vitals;
    Gauge.builder("watch287g.build.info", () -> 1)
        .description("Always 1; its labels say which build of the bot runs on which Java")
        .tags("version", version, "java", Runtime.version().toString())
        .strongReference(true)
        .register(registry);
    Gauge.builder(
            "watch287g.fetch.last.success.timestamp.seconds",
            this,
            m -> m.latest.lastGoodFetch().map(t -> (double) t.getEpochSecond()).orElse(0.0))
        .description(
            "Unix time ICE's lists were last read without a failure (stored, unchanged or"
                + " quarantined); 0 if never")
        .register(registry);
    FunctionCounter.builder(
            "watch287g.delivery.failed.attempts", this, m -> (double) m.latest.failedAttempts())
        .description("Attempts to deliver an alert that did not go through, since install")
        .register(registry);
    for (String target : FETCH_TARGETS) {
      for (String outcome : FETCH_OUTCOMES) {
        fetchAttempts(target, outcome);
        seen.add("fetch/" + target + "/" + outcome);
      }
    }
    for (ListKind kind : ListKind.values()) {
      for (String status : SNAPSHOT_STATUSES) {
        snapshots(kind.id(), status);
        seen.add("snapshot/" + kind.id() + "/" + status);
      }
    }
    for (ChangeEvent.Type type : ChangeEvent.Type.values()) {
      changeEvents(type.name());
      seen.add("event/" + type.name());
    }
    for (String platform : platforms) {
      alerts(platform);
      seen.add("alerts/" + platform);
      for (Verb verb : Verb.values()) {
        command(platform, verb.word());
      }
      command(platform, INVALID_VERB);
    }
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /**
   * Registers a figure a platform's adapter keeps (e.g. Discord's refused requests of the last ten
   * minutes), read at each scrape.
   */
  public void gauge(String name, String description, Supplier<Number> value, String... tags) {
    Gauge.builder(name, value)
        .description(description)
        .tags(tags)
        .strongReference(true)
        .register(registry);
  }

  /** Records how long a command took to answer, by platform and verb. */
  public void commandAnswered(String platform, String verb, Duration took) {
    command(platform, verb).record(took);
  }

  /**
   * The whole exposition, with the database figures read now. A label value the database holds but
   * that was not known at start (a platform no longer configured) gets its series here.
   */
  public synchronized String scrape() {
    Vitals.Reading r = vitals.read();
    latest = r;
    // Registering a meter again is harmless but makes Micrometer log a warning: only new ones.
    r.fetches().keySet().stream()
        .filter(k -> seen.add("fetch/" + k))
        .forEach(k -> fetchAttempts(first(k), second(k)));
    r.snapshots().keySet().stream()
        .filter(k -> seen.add("snapshot/" + k))
        .forEach(k -> snapshots(first(k), second(k)));
    r.events().keySet().stream().filter(k -> seen.add("event/" + k)).forEach(this::changeEvents);
    r.outbox().keySet().stream()
        .map(Metrics::first)
        .filter(p -> seen.add("alerts/" + p))
        .forEach(this::alerts);
    return registry.scrape();
  }

  private void fetchAttempts(String target, String outcome) {
    String key = target + "/" + outcome;
    FunctionCounter.builder("watch287g.fetch.attempts", this, m -> count(m.latest.fetches(), key))
        .description("Looks at ICE's page and lists, by target and outcome, since install")
        .tags("target", target, "outcome", outcome)
        .register(registry);
  }

  private void snapshots(String list, String status) {
    String key = list + "/" + status;
    Gauge.builder("watch287g.snapshots", this, m -> count(m.latest.snapshots(), key))
        .description("Publications kept in the database, by list and status (good or quarantined)")
        .tags("list", list, "status", status)
        .register(registry);
  }

  private void changeEvents(String type) {
    FunctionCounter.builder("watch287g.change.events", this, m -> count(m.latest.events(), type))
        .description("Changes found between publications, by type, since install")
        .tags("type", type)
        .register(registry);
  }

  private void alerts(String platform) {
    Gauge.builder(
            "watch287g.alerts.pending", this, m -> count(m.latest.outbox(), platform + "/pending"))
        .description("Alerts waiting in the outbox to be delivered, by platform")
        .tags("platform", platform)
        .register(registry);
    FunctionCounter.builder(
            "watch287g.alerts.sent", this, m -> count(m.latest.outbox(), platform + "/sent"))
        .description("Alerts the platform accepted, by platform, since install")
        .tags("platform", platform)
        .register(registry);
    FunctionCounter.builder(
            "watch287g.alerts.dead", this, m -> count(m.latest.outbox(), platform + "/dead"))
        .description(
            "Alerts given up on (refused by the platform, retries exhausted, channel gone), by"
                + " platform, since install")
        .tags("platform", platform)
        .register(registry);
  }

  private Timer command(String platform, String verb) {
    return Timer.builder("watch287g.command")
        .description("Time to answer a /287g command, by platform and verb")
        .tags("platform", platform, "verb", verb)
        .publishPercentiles(0.5, 0.99)
        .register(registry);
  }

  private static double count(Map<String, Long> counts, String key) {
    return counts.getOrDefault(key, 0L);
  }

  /** "a" of "a/b", or the whole key if it has no slash. */
  private static String first(String key) {
    int slash = key.indexOf('/');
    return slash < 0 ? key : key.substring(0, slash);
  }

  /** "b" of "a/b", or "" if it has no slash. */
  private static String second(String key) {
    int slash = key.indexOf('/');
    return slash < 0 ? "" : key.substring(slash + 1);
  }
}
