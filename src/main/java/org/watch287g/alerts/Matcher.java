package org.watch287g.alerts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.watch287g.changes.ChangeEvent;
import org.watch287g.dataset.Agreement;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Model;
import org.watch287g.dataset.UsState;
import org.watch287g.geo.Coverage;

/**
 * Which channels hear about an agreement: those following one of the counties it covers, or its
 * whole state. A statewide agency, and one nobody could place, reaches every channel following
 * anything in its state, so that no follower misses it. A channel's options then filter: pending
 * requests only if it includes them, and only the models it chose. A model switch concerns both its
 * models: a channel following either hears of it.
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
    return prepare(subscriptions).channels(coverage, model, list);
  }

  /**
   * The subscriptions indexed by state, for matching many events against the same ones: a
   * publication's hundreds of events against thousands of subscriptions would otherwise parse every
   * target's state once per event.
   */
  public Prepared prepare(Collection<Subscription> subscriptions) {
    return new Prepared(subscriptions);
  }

  /** Subscriptions ready for {@link #channels}; immutable, so thread-safe. */
  public static final class Prepared {
    private final List<Subscription> subscriptions;
    private final Map<UsState, List<Integer>> byState = new EnumMap<>(UsState.class);
    private final List<List<ParsedTarget>> targets = new ArrayList<>();

    private Prepared(Collection<Subscription> subscriptions) {
      this.subscriptions = List.copyOf(subscriptions);
      for (int index = 0; index < this.subscriptions.size(); index++) {
        List<ParsedTarget> parsed = new ArrayList<>();
        EnumSet<UsState> states = EnumSet.noneOf(UsState.class);
        for (Target target : this.subscriptions.get(index).targets()) {
          UsState state = target.state();
          parsed.add(new ParsedTarget(state, target.wholeState().isPresent(), target.code()));
          states.add(state);
        }
        targets.add(parsed);
        for (UsState state : states) {
          byState.computeIfAbsent(state, unused -> new ArrayList<>()).add(index);
        }
      }
    }

    /** As {@link Matcher#channels}, in the order the subscriptions were given. */
    public List<ChannelRef> channels(Coverage coverage, Model model, ListKind list) {
      return channels(coverage, EnumSet.of(model), list);
    }

    /**
     * The channels an event reaches: by its agreement's model, and for a {@code MODEL_CHANGED} by
     * the previous model too, so that a channel following only JEM hears that an agency left JEM
     * for TFM.
     */
    public List<ChannelRef> channels(Coverage coverage, ChangeEvent event) {
      Set<Model> models = EnumSet.of(event.agreement().model());
      Agreement previous = event.previous();
      if (event.type() == ChangeEvent.Type.MODEL_CHANGED && previous != null) {
        models.add(previous.model());
      }
      return channels(coverage, models, event.list());
    }

    private List<ChannelRef> channels(Coverage coverage, Set<Model> models, ListKind list) {
      List<ChannelRef> reached = new ArrayList<>();
      for (int index : byState.getOrDefault(coverage.state(), List.of())) {
        Subscription subscription = subscriptions.get(index);
        if (wants(subscription.options(), models, list) && follows(targets.get(index), coverage)) {
          reached.add(subscription.channel());
        }
      }
      return reached;
    }
  }

  /** A target with its state worked out once. */
  private record ParsedTarget(UsState state, boolean wholeState, String code) {}

  private static boolean wants(ChannelOptions options, Set<Model> models, ListKind list) {
    return models.stream().anyMatch(options.models()::contains)
        && (list == ListKind.PARTICIPATING || options.includePending());
  }

  private static boolean follows(List<ParsedTarget> targets, Coverage coverage) {
    for (ParsedTarget target : targets) {
      if (target.state() != coverage.state()) {
        continue;
      }
      if (target.wholeState() || coverage.alertsWholeState()) {
        return true;
      }
      if (coverage.counties().contains(target.code())) {
        return true;
      }
    }
    return false;
  }
}
