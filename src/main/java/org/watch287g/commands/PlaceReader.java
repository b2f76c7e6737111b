package org.watch287g.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.watch287g.geo.County;
import org.watch287g.geo.CountyQuery;
import org.watch287g.geo.PlaceCounties;

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
   * @param notes what to tell the person about how the text was read ("Hialeah, FL is in Miami-Dade
   *     County, FL."); may be empty
   */
  record Found(Place place, boolean corrected, List<Phrase> notes) implements Reading {
    Found {
      notes = List.copyOf(notes);
    }

    Found(Place place, boolean corrected) {
      this(place, corrected, List.of());
    }
  }

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
          : new Found(Place.of(m.county()), m.corrected(), city(m));
    }
    if (result instanceof CountyQuery.Ambiguous a) {
      return new Asked(ambiguous(verb, text, a.candidates()));
    }
    // NoMatch: offer the closest counties when there are any, else say how to write a place.
    List<County> closest = result.candidates();
    return closest.isEmpty()
        ? new Asked(new Reply.Invalid(Phrase.of("reply.place.notFound", text), verb))
        : new Asked(choices(verb, "reply.didYouMean.notFound", text, closest));
  }

  /**
   * Where the city named lies, when the text named one city or town ("Hialeah, FL is in Miami-Dade
   * County", "Houston, TX is mostly in Harris County"), in the reader's language.
   */
  private static List<Phrase> city(CountyQuery.CountyMatch m) {
    PlaceCounties city = m.place();
    if (m.basis() != CountyQuery.Basis.PLACE || city == null) {
      return List.of();
    }
    // A city in several counties lies mostly in the one the query chose.
    String key = city.shares().size() > 1 ? "reply.status.cityMostly" : "reply.status.city";
    return List.of(Phrase.of(key, city.name() + ", " + city.state().code(), Place.of(m.county())));
  }

  /**
   * Choices for a name several counties have; when they lie in several states, how many there are
   * and how to name one by adding a state (the example names a state not among the choices shown
   * when there is one, so that the person learns the list goes on).
   */
  private static Reply ambiguous(Verb verb, String text, List<County> candidates) {
    Reply.DidYouMean choices =
        (Reply.DidYouMean) choices(verb, "reply.didYouMean.ambiguous", text, candidates);
    if (candidates.stream().map(County::state).distinct().count() < 2) {
      return choices;
    }
    County example = candidates.get(Math.min(CHOICES, candidates.size() - 1));
    String withState = text.strip() + " " + example.state().code().toLowerCase(Locale.ROOT);
    List<Phrase> hints = new ArrayList<>();
    if (candidates.size() > CHOICES) {
      hints.add(Phrase.of("reply.didYouMean.count", candidates.size(), CHOICES));
    }
    hints.add(Phrase.of("reply.didYouMean.addState", verb.word() + " " + withState));
    return new Reply.DidYouMean(verb, choices.question(), choices.choices(), hints);
  }

  private static Reply choices(Verb verb, String key, String text, List<County> counties) {
    return new Reply.DidYouMean(
        verb, Phrase.of(key, text), counties.stream().limit(CHOICES).map(Place::of).toList());
  }
}
