package org.watch287g.commands;

import java.util.List;
import org.watch287g.geo.County;
import org.watch287g.geo.CountyQuery;

/**
 * Reads the place of a {@code status}, {@code subscribe} or {@code unsubscribe}: a {@link Place}
 * when the text names one county or state, else the reply to give instead (choices, or what to
 * write).
 */
final class PlaceReader {
  /** The most choices offered: enough for a common name, few enough to read (Discord allows 25). */
  static final int CHOICES = 10;

  private final CountyQuery query;

  PlaceReader(CountyQuery query) {
    this.query = query;
  }

  /** What some text came to: a place, or the reply that asks again. */
  sealed interface Reading permits Found, Asked {}

  /**
   * A place.
   *
   * @param corrected whether the text was read as a misspelling
   */
  record Found(Place place, boolean corrected) implements Reading {}

  /** No single place: the reply to give. */
  record Asked(Reply reply) implements Reading {}

  /**
   * Reads a place for a verb.
   *
   * @param confirmCorrections whether a misspelling should be confirmed before acting on it (true
   *     when the command changes what a channel follows; a status can simply say how it read it)
   */
  Reading read(Verb verb, String text, boolean confirmCorrections) {
    if (text.isEmpty()) {
      return new Asked(new Reply.Invalid(Phrase.of("reply.place.missing"), verb));
    }
    CountyQuery.Result result = query.parse(text);
    if (result instanceof CountyQuery.StateMatch s) {
      return new Found(Place.of(s.state()), false);
    }
    if (result instanceof CountyQuery.CountyMatch m) {
      return m.corrected() && confirmCorrections
          ? new Asked(choices(verb, "reply.didYouMean.corrected", text, List.of(m.county())))
          : new Found(Place.of(m.county()), m.corrected());
    }
    if (result instanceof CountyQuery.Ambiguous a) {
      return new Asked(choices(verb, "reply.didYouMean.ambiguous", text, a.candidates()));
    }
    // NoMatch: offer the closest counties when there are any, else say how to write a place.
    List<County> closest = result.candidates();
    return closest.isEmpty()
        ? new Asked(new Reply.Invalid(Phrase.of("reply.place.notFound", text), verb))
        : new Asked(choices(verb, "reply.didYouMean.notFound", text, closest));
  }

  private static Reply choices(Verb verb, String key, String text, List<County> counties) {
    return new Reply.DidYouMean(
        verb, Phrase.of(key, text), counties.stream().limit(CHOICES).map(Place::of).toList());
  }
}
