package org.watch287g.changes;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.watch287g.dataset.AgencyType;
import org.watch287g.dataset.Agreement;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Model;
import org.watch287g.dataset.Publication;
import org.watch287g.dataset.UsState;
import org.watch287g.source.SpreadsheetParser;
import org.watch287g.source.UnreadablePublicationException;
import org.watch287g.watch.BundledSnapshots;

/** Hand-made rows and lists in ICE's 2025-07 shape, and the real bundled ones. */
final class Rows {
  static final List<String> PARTICIPATING_COLUMNS =
      List.of(
          "STATE",
          "LAW ENFORCEMENT AGENCY",
          "TYPE",
          "COUNTY",
          "SUPPORT TYPE",
          "SIGNED",
          "MOA",
          "ADDENDUM");

  static final List<String> PENDING_COLUMNS =
      List.of("STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE");

  private Rows() {}

  /** A signed agreement, MOA "link pending". */
  static Agreement signed(String state, String agency, Model model, String date) {
    return new Agreement(
        2,
        UsState.parse(state).orElseThrow(),
        agency,
        AgencyType.COUNTY,
        null,
        model,
        LocalDate.parse(date),
        null,
        true,
        null);
  }

  /** A pending request. */
  static Agreement request(String state, String agency, Model model) {
    return new Agreement(
        2,
        UsState.parse(state).orElseThrow(),
        agency,
        AgencyType.COUNTY,
        null,
        model,
        null,
        null,
        false,
        null);
  }

  static Agreement withMoa(Agreement a, String url) {
    return new Agreement(
        a.row(),
        a.state(),
        a.agency(),
        a.type(),
        a.county(),
        a.model(),
        a.signed(),
        url,
        false,
        a.addendumUrl());
  }

  static Agreement withAddendum(Agreement a, String url) {
    return new Agreement(
        a.row(),
        a.state(),
        a.agency(),
        a.type(),
        a.county(),
        a.model(),
        a.signed(),
        a.moaUrl(),
        a.moaPending(),
        url);
  }

  static Agreement withSigned(Agreement a, String date) {
    return new Agreement(
        a.row(),
        a.state(),
        a.agency(),
        a.type(),
        a.county(),
        a.model(),
        LocalDate.parse(date),
        a.moaUrl(),
        a.moaPending(),
        a.addendumUrl());
  }

  static Agreement withCounty(Agreement a, String county) {
    return new Agreement(
        a.row(),
        a.state(),
        a.agency(),
        a.type(),
        county,
        a.model(),
        a.signed(),
        a.moaUrl(),
        a.moaPending(),
        a.addendumUrl());
  }

  static Agreement withType(Agreement a, AgencyType type) {
    return new Agreement(
        a.row(),
        a.state(),
        a.agency(),
        type,
        a.county(),
        a.model(),
        a.signed(),
        a.moaUrl(),
        a.moaPending(),
        a.addendumUrl());
  }

  static Publication participating(Agreement... rows) {
    return new Publication(ListKind.PARTICIPATING, PARTICIPATING_COLUMNS, List.of(rows), List.of());
  }

  static Publication pending(Agreement... rows) {
    return new Publication(ListKind.PENDING, PENDING_COLUMNS, List.of(rows), List.of());
  }

  private static final Map<String, Publication> PARSED = new ConcurrentHashMap<>();

  /** A bundled ICE file, parsed (once per test run), e.g. "2025-05-19-participating.xlsx". */
  static Publication real(String name) {
    return PARSED.computeIfAbsent(name, Rows::parse);
  }

  private static Publication parse(String name) {
    try {
      return new SpreadsheetParser().parse(BundledSnapshots.read(name), name);
    } catch (UnreadablePublicationException e) {
      throw new AssertionError(e);
    }
  }

  /** One line per event, for comparing whole lists: "TYPE list ST MODEL agency <- previous". */
  static String line(ChangeEvent e) {
    String previous =
        e.previous() == null || e.previous().agency().equals(e.agreement().agency())
            ? ""
            : " <- " + e.previous().agency();
    return e.type()
        + " "
        + e.list().id()
        + " "
        + e.agreement().state().code()
        + " "
        + e.agreement().model()
        + " "
        + e.agreement().agency()
        + previous;
  }
}
