package org.watch287g.alerts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Model;
import org.watch287g.geo.Coverage;

/**
 * Which channels hear about an agreement: those following one of the counties it covers, or its
 * whole state. A statewide agency, and one nobody could place, reaches every channel following
 * anything in its state, so that no follower misses it. A channel's options then filter: pending
 * requests only if it includes them, and only the models it chose.
 */
public final class Matcher {

  /**
   * The channels an event about this agreement reaches, in the order of {@code subscriptions}.
   *
   * @param coverage where the agreement reaches
   * @param model its 287(g) model
   * @param list the list the event is about (a pending request, or a signed agreement)
   */
  public List<ChannelRef> channels(
      Coverage coverage, Model model, ListKind list, Collection<Subscription> subscriptions) {
    List<ChannelRef> reached = new ArrayList<>();
    for (Subscription s : subscriptions) {
      if (wants(s.options(), model, list) && follows(s, coverage)) {
        reached.add(s.channel());
      }
    }
    return reached;
  }

  private static boolean wants(ChannelOptions options, Model model, ListKind list) {
    return options.models().contains(model)
        && (list == ListKind.PARTICIPATING || options.includePending());
  }

  private static boolean follows(Subscription s, Coverage coverage) {
    for (Target t : s.targets()) {
      if (t.state() != coverage.state()) {
        continue;
      }
      if (t.wholeState().isPresent() || coverage.alertsWholeState()) {
        return true;
      }
      if (coverage.counties().contains(t.code())) {
        return true;
      }
    }
    return false;
  }
}
