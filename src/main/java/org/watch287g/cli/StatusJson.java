package org.watch287g.cli;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.watch287g.alerts.Language;
import org.watch287g.changes.ChangeEvent;
import org.watch287g.commands.Place;
import org.watch287g.commands.Reply;
import org.watch287g.commands.Status;
import org.watch287g.dataset.Agreement;
import org.watch287g.geo.County;

/**
 * {@code status --json}: a reply as one JSON object. Dates are ISO ({@code 2025-05-08}); a missing
 * date or link is null, and {@code moaPending} says whether ICE wrote "link pending".
 */
final class StatusJson {
  private StatusJson() {}

  static Map<String, @Nullable Object> of(Reply reply) {
    Map<String, @Nullable Object> json = new LinkedHashMap<>();
    if (reply instanceof Reply.StatusReply s) {
      Status status = s.status();
      json.put("place", place(status.place()));
      json.put("agreementsAsOf", text(status.agreementsAsOf()));
      json.put("pendingAsOf", text(status.pendingAsOf()));
      json.put("agreements", status.agreements().stream().map(StatusJson::entry).toList());
      json.put("pending", status.pending().stream().map(StatusJson::entry).toList());
      json.put("recent", status.recent().stream().map(StatusJson::change).toList());
      return json;
    }
    json.put("error", reply.plainText(Language.EN));
    List<Place> choices = reply instanceof Reply.DidYouMean d ? d.choices() : List.of();
    json.put(
        "choices",
        choices.stream()
            .map(p -> Map.of("code", p.code(), "label", p.label(Language.EN)))
            .toList());
    return json;
  }

  private static Map<String, @Nullable Object> place(Place place) {
    Map<String, @Nullable Object> json = new LinkedHashMap<>();
    County county = place.county();
    json.put("kind", county == null ? "state" : "county");
    json.put("fips", county == null ? null : county.fips());
    json.put("name", place.label(Language.EN));
    json.put("state", place.state().code());
    return json;
  }

  private static Map<String, @Nullable Object> entry(Status.Entry e) {
    Map<String, @Nullable Object> json = row(e.agreement());
    json.put("reach", e.reach().name().toLowerCase(Locale.ROOT));
    json.put("counties", e.counties());
    return json;
  }

  private static Map<String, @Nullable Object> change(Status.Change c) {
    ChangeEvent e = c.event();
    Map<String, @Nullable Object> json = new LinkedHashMap<>();
    json.put("type", e.type().name());
    json.put("list", e.list().id());
    json.put("detected", c.detected().toString());
    json.putAll(row(e.agreement()));
    Agreement previous = e.previous();
    if (previous != null && e.type() == ChangeEvent.Type.RENAMED) {
      json.put("previousAgency", previous.agency());
    }
    json.put("details", e.details().stream().map(Enum::name).toList());
    json.put("counties", c.counties());
    return json;
  }

  private static Map<String, @Nullable Object> row(Agreement a) {
    Map<String, @Nullable Object> json = new LinkedHashMap<>();
    json.put("agency", a.agency());
    json.put("state", a.state().code());
    json.put("model", a.model().name());
    json.put("signed", text(a.signed()));
    json.put("moa", a.moaUrl());
    json.put("moaPending", a.moaPending());
    return json;
  }

  private static @Nullable String text(@Nullable LocalDate date) {
    return date == null ? null : date.toString();
  }
}
