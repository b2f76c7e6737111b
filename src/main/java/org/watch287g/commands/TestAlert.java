package org.watch287g.commands;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.watch287g.alerts.AlertComposer;
import org.watch287g.alerts.AlertMessage;
import org.watch287g.alerts.ChannelOptions;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.DeliveryResult;
import org.watch287g.alerts.Matcher;
import org.watch287g.alerts.Subscription;
import org.watch287g.alerts.Texts;
import org.watch287g.changes.ChangeEvent;
import org.watch287g.dataset.Agreement;
import org.watch287g.dataset.ListKind;
import org.watch287g.geo.AgencyResolver;
import org.watch287g.geo.Coverage;

/**
 * {@code /287g test}: posts one sample alert to the channel now, through the same platform call
 * real alerts use, so that an organizer setting up a channel sees at once whether the bot may post
 * there and how alerts look with the channel's language, models and note.
 *
 * <p>The sample is real data: an agreement in force (or, failing that, a pending request) in a
 * place the channel follows, of a model it hears about, written as the alert its signing would have
 * been, and marked as a test in its headline. Nothing is stored and nothing is queued: a failure is
 * the answer, said in one sentence (the bot cannot post here, the platform asks to wait).
 */
final class TestAlert {
  private final PublishedLists lists;
  private final AgencyResolver resolver;
  private final AlertComposer composer;
  private final ChannelSettings settings;
  private final AlertPoster poster;
  private final Matcher matcher = new Matcher();

  TestAlert(
      PublishedLists lists,
      AgencyResolver resolver,
      AlertComposer composer,
      ChannelSettings settings,
      AlertPoster poster) {
    this.lists = lists;
    this.resolver = resolver;
    this.composer = composer;
    this.settings = settings;
    this.poster = poster;
  }

  /** Sends the sample to the channel and says how it went. */
  Reply send(ChannelRef channel) {
    Optional<Subscription> found = settings.find(channel);
    if (found.isEmpty() || found.get().targets().isEmpty()) {
      return Reply.Text.privately(Phrase.of("reply.test.nothingFollowed"));
    }
    Subscription subscription = found.get();
    ChannelOptions options = subscription.options();
    Optional<Sample> sample =
        sample(ListKind.PARTICIPATING, subscription)
            .or(() -> sample(ListKind.PENDING, subscription));
    if (sample.isEmpty()) {
      return Reply.Text.privately(Phrase.of("reply.test.nothingThere"));
    }
    Agreement agreement = sample.get().agreement();
    ListKind list = sample.get().list();
    ChangeEvent event =
        new ChangeEvent(
            list == ListKind.PENDING
                ? ChangeEvent.Type.NEW_PENDING
                : ChangeEvent.Type.NEW_AGREEMENT,
            list,
            agreement,
            null,
            Set.of());
    AlertMessage alert = composer.compose(event, sample.get().coverage(), options.language());
    String headline = Texts.of(options.language()).text("alert.test.headline", alert.headline());
    DeliveryResult result =
        // A sample pings no one: the channel's mention is kept for real news.
        poster.post(channel, alert.withHeadline(headline).withNote(options.note()));
    return Reply.Text.privately(outcome(result));
  }

  /** What the platform's answer means to the person who asked for the test. */
  private static Phrase outcome(DeliveryResult result) {
    if (result instanceof DeliveryResult.Sent) {
      return Phrase.of("reply.test.sent");
    }
    if (result instanceof DeliveryResult.RetryAfter r) {
      return Phrase.of("reply.test.wait", Math.max(1, r.delay().toSeconds()));
    }
    if (result instanceof DeliveryResult.Unconfirmed r) {
      // Only an outbox message can be in doubt; a test is not one, but the answer stays sensible.
      return Phrase.of("reply.test.wait", Math.max(1, r.delay().toSeconds()));
    }
    if (result instanceof DeliveryResult.Unavailable r) {
      return Phrase.of("reply.test.cannotPost", r.reason());
    }
    String reason =
        result instanceof DeliveryResult.Failed f
            ? f.reason()
            : result instanceof DeliveryResult.Rejected r
                ? r.reason()
                : ((DeliveryResult.Unauthorized) result).reason();
    return Phrase.of("reply.test.failed", reason);
  }

  private record Sample(Agreement agreement, ListKind list, Coverage coverage) {}

  /** The first agreement of a list, by agency, in a followed place and of a followed model. */
  private Optional<Sample> sample(ListKind kind, Subscription subscription) {
    List<Agreement> rows =
        lists.latestGood(kind).map(s -> s.publication().agreements()).orElse(List.of()).stream()
            .sorted(Comparator.comparing(Agreement::agency))
            .toList();
    List<Subscription> only = List.of(subscription);
    for (Agreement a : rows) {
      Coverage coverage = resolver.resolve(a);
      // The matcher decides, options included, exactly as it does for real alerts.
      if (!matcher.channels(coverage, a.model(), kind, only).isEmpty()) {
        return Optional.of(new Sample(a, kind, coverage));
      }
    }
    return Optional.empty();
  }
}
