package org.watch287g.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.watch287g.alerts.AlertComposer;
import org.watch287g.alerts.AlertMessage;
import org.watch287g.alerts.Language;
import org.watch287g.changes.ChangeEvent;
import org.watch287g.config.ToolkitLoader;
import org.watch287g.dataset.Agreement;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.UsState;
import org.watch287g.geo.AgencyResolver;
import org.watch287g.geo.Gazetteer;

/**
 * The alerts of a busy day for one channel: the first agreements of one state in ICE's latest
 * bundled publication, as new agreements, composed as the bot composes them.
 */
public final class BigDigest {
  public static final String LATEST = "2026-05-18-participating.xlsx";

  private BigDigest() {}

  /**
   * The first {@code n} agreements of {@code state}, as alerts in {@code language}.
   *
   * @throws AssertionError when the publication has fewer than {@code n} agreements in the state
   */
  public static List<AlertMessage> alerts(UsState state, int n, Language language) {
    AlertComposer composer = new AlertComposer(Gazetteer.bundled(), new ToolkitLoader().bundled());
    AgencyResolver resolver = AgencyResolver.bundled();
    List<AlertMessage> alerts = new ArrayList<>();
    for (Agreement a : RealAgreements.publication(LATEST).agreements()) {
      if (a.state() == state && alerts.size() < n) {
        ChangeEvent e =
            new ChangeEvent(
                ChangeEvent.Type.NEW_AGREEMENT, ListKind.PARTICIPATING, a, null, Set.of());
        alerts.add(composer.compose(e, resolver.resolve(a), language));
      }
    }
    if (alerts.size() < n) {
      throw new AssertionError(alerts.size() + " agreements in " + state + " in " + LATEST);
    }
    return alerts;
  }
}
