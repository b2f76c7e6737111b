package org.watch287g.cli;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.watch287g.changes.ChangeEvent;
import org.watch287g.changes.Verdict;
import org.watch287g.dataset.Agreement;
import org.watch287g.geo.AgencyResolver;
import org.watch287g.geo.Coverage;

/** What {@code diff} prints: the verdict and the events, as JSON or as lines for people. */
final class DiffReport {
  private final Verdict verdict;
  private final List<ChangeEvent> events;
  private final AgencyResolver resolver;
  private final boolean pendingAlone;

  /**
   * @param pendingAlone whether only pending lists were diffed, so signings look like withdrawals
   */
  DiffReport(
      Verdict verdict, List<ChangeEvent> events, AgencyResolver resolver, boolean pendingAlone) {
    this.verdict = verdict;
    this.events = events;
    this.resolver = resolver;
    this.pendingAlone = pendingAlone;
  }

  /**
   * The one JSON object: {@code {"verdict","reasons","events":[{"type","list","state","agency",
   * "previousAgency"?,"model","counties","signed","moa","details","alerts"}]}}.
   */
  Map<String, Object> json() {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("verdict", verdict.ok() ? "ok" : "quarantined");
    report.put("reasons", verdict.reasons());
    List<Map<String, Object>> list = new ArrayList<>();
    events.forEach(e -> list.add(json(e)));
    report.put("events", list);
    return report;
  }

  private Map<String, Object> json(ChangeEvent e) {
    Agreement a = e.agreement();
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("type", e.type().name());
    event.put("list", e.list().id());
    event.put("state", a.state().code());
    event.put("agency", a.agency());
    String previous = previousName(e);
    if (previous != null) {
      event.put("previousAgency", previous);
    }
    event.put("model", a.model().name());
    event.put("counties", counties(resolver.resolve(a)));
    event.put("signed", a.signed() == null ? null : a.signed().toString());
    event.put("moa", a.moaUrl());
    event.put("details", e.details().stream().map(Enum::name).toList());
    event.put("alerts", e.alerts());
    return event;
  }

  /** The county codes as {@code resolve} writes them: FIPS, ["ST:XX"] statewide, [] unknown. */
  static List<String> counties(Coverage coverage) {
    if (coverage.statewide()) {
      return List.of("ST:" + coverage.state().code());
    }
    return List.copyOf(coverage.counties());
  }

  /** The lines for people: the reasons, or one line per event; then a summary. */
  List<String> lines() {
    List<String> lines = new ArrayList<>();
    if (verdict.quarantined()) {
      verdict.reasons().forEach(r -> lines.add("quarantined: " + r));
      lines.add("quarantined: nothing diffed");
      return lines;
    }
    events.forEach(e -> lines.add(line(e)));
    lines.add(summary());
    if (pendingAlone) {
      lines.add(
          "note: with the pending lists alone, a request signed shows as withdrawn; give the"
              + " participating lists as OLD and NEW and these with --pending to tell them apart");
    }
    return lines;
  }

  private String line(ChangeEvent e) {
    Agreement a = e.agreement();
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT, "%-18s %s  %s (%s, ", e.type(), a.state().code(), a.agency(), a.model()));
    s.append(a.signed() == null ? "pending" : "signed " + a.signed()).append(')');
    String previous = previousName(e);
    Agreement was = e.previous();
    boolean signing = was != null && was.signed() == null && a.signed() != null;
    if (previous != null) {
      s.append(signing ? ", requested as " : ", was ").append(previous);
    }
    if (e.type() == ChangeEvent.Type.MODEL_CHANGED && was != null) {
      s.append(signing ? ", requested " : ", from ").append(was.model());
    }
    List<String> details = new ArrayList<>();
    for (ChangeEvent.Detail d : e.details()) {
      // The earlier name is already on the line.
      if (d != ChangeEvent.Detail.NAME_CHANGED) {
        details.add(d.name().toLowerCase(Locale.ROOT).replace('_', ' ').replace("moa", "MOA"));
      }
    }
    if (!details.isEmpty()) {
      s.append(": ").append(String.join(", ", details));
    }
    Coverage coverage = resolver.resolve(a);
    s.append("  -> ")
        .append(coverage.resolved() ? coverage.predictedFips() : "unresolved, whole state");
    if (!e.alerts()) {
      s.append("  [no alert]");
    }
    return s.toString();
  }

  private String summary() {
    if (events.isEmpty()) {
      return "ok: no changes";
    }
    Map<ChangeEvent.Type, Integer> byType = new EnumMap<>(ChangeEvent.Type.class);
    events.forEach(e -> byType.merge(e.type(), 1, Integer::sum));
    long alerting = events.stream().filter(ChangeEvent::alerts).count();
    List<String> counts = new ArrayList<>();
    byType.forEach((type, n) -> counts.add(type + " " + n));
    return String.format(
        Locale.ROOT,
        "ok: %d %s, %d would alert (%s)",
        events.size(),
        events.size() == 1 ? "change" : "changes",
        alerting,
        String.join(", ", counts));
  }

  /** The earlier row's name, when it was spelt differently. */
  private static @Nullable String previousName(ChangeEvent e) {
    Agreement previous = e.previous();
    if (previous == null || previous.agency().equals(e.agreement().agency())) {
      return null;
    }
    return previous.agency();
  }
}
