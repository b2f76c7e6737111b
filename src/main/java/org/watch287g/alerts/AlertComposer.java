package org.watch287g.alerts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.watch287g.changes.ChangeEvent;
import org.watch287g.dataset.Agreement;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.OfficialUrl;
import org.watch287g.geo.Coverage;
import org.watch287g.geo.Gazetteer;

/**
 * Writes a change event as an {@link AlertMessage} in one language: every word from the {@code
 * i18n/messages} bundles, the place from the gazetteer, the links from the toolkit.
 *
 * <p>Pure and thread-safe; one composer serves every channel and language.
 */
public final class AlertComposer {
  private final Places places;
  private final Toolkit toolkit;
  private final PageLinks pages;

  public AlertComposer(Gazetteer gazetteer, Toolkit toolkit) {
    this(gazetteer, toolkit, PageLinks.NONE);
  }

  /** A composer whose alerts link first to the page of the place they are about. */
  public AlertComposer(Gazetteer gazetteer, Toolkit toolkit, PageLinks pages) {
    this.places = new Places(gazetteer);
    this.toolkit = toolkit;
    this.pages = pages;
  }

  /**
   * The alert for one event.
   *
   * @param coverage where the event's agreement reaches, as the resolver decided
   * @throws IllegalArgumentException when the coverage is of another state than the agreement
   */
  public AlertMessage compose(ChangeEvent event, Coverage coverage, Language language) {
    Agreement agreement = event.agreement();
    if (coverage.state() != agreement.state()) {
      throw new IllegalArgumentException(
          "coverage of " + coverage.state() + " for an agreement in " + agreement.state());
    }
    Texts texts = Texts.of(language);
    String model = agreement.model().name();
    return new AlertMessage(
        language,
        event.type(),
        event.list(),
        headline(event, places.brief(coverage, texts), texts),
        agreement.agency(),
        previousName(event),
        places.full(coverage, texts),
        date(event, texts),
        moa(agreement, texts),
        OfficialUrl.orNull(agreement.moaUrl()),
        OfficialUrl.orNull(agreement.addendumUrl()),
        texts.text("model." + model + ".title"),
        texts.text("model." + model),
        links(event, coverage, texts),
        labels(event.list(), texts),
        model,
        agreement.state(),
        "",
        Mention.NONE,
        new AlertMessage.Facts(coverage.predictedFips(), agreement.signed(), agreement.county()));
  }

  /**
   * The one-line headline of an event at a place: a model switch says from which model to which,
   * and whether the new one lets officers do more or less.
   */
  public static String headline(ChangeEvent event, String place, Texts texts) {
    Agreement now = event.agreement();
    Agreement previous = event.previous();
    if (event.type() != ChangeEvent.Type.MODEL_CHANGED || previous == null) {
      return texts.text(headlineKey(event), now.agency(), place);
    }
    String key =
        event.list() == ListKind.PENDING
            ? "event.MODEL_CHANGED.pending"
            : previous.signed() == null ? "event.MODEL_CHANGED.requested" : "event.MODEL_CHANGED";
    String reach =
        now.model().broaderThan(previous.model())
            ? "model.switch.broader"
            : "model.switch.narrower";
    return texts.text(
        key,
        now.agency(),
        place,
        texts.text("model." + previous.model().name() + ".short"),
        texts.text("model." + now.model().name() + ".short"),
        texts.text(reach));
  }

  /**
   * Corrections alert only when they post the MOA (see {@link ChangeEvent#alerts()}), so that is
   * what their headline says; a renamed agreement's old name still shows on its own line.
   */
  private static String headlineKey(ChangeEvent event) {
    boolean correction =
        event.type() == ChangeEvent.Type.DETAILS_CHANGED
            || event.type() == ChangeEvent.Type.RENAMED;
    if (correction && event.details().contains(ChangeEvent.Detail.MOA_POSTED)) {
      return "event.MOA_POSTED";
    }
    return "event." + event.type().name();
  }

  private static @Nullable String previousName(ChangeEvent event) {
    Agreement previous = event.previous();
    if (previous == null || previous.agency().equals(event.agreement().agency())) {
      return null;
    }
    return previous.agency();
  }

  private static String date(ChangeEvent event, Texts texts) {
    LocalDate signed = event.agreement().signed();
    if (signed == null) {
      // ICE's list of requests has no date column; a signed agreement without one is ICE's gap.
      return texts.text(event.list() == ListKind.PENDING ? "label.notSigned" : "label.noDate");
    }
    Agreement previous = event.previous();
    LocalDate before = previous == null ? null : previous.signed();
    if (event.type() == ChangeEvent.Type.RENEWED && before != null) {
      return texts.text("label.renewedFrom", texts.date(signed), texts.date(before));
    }
    return texts.date(signed);
  }

  /**
   * The MOA's URL, or why there is none. Only ICE's and DHS's own URLs are passed on: the source
   * drops others, but snapshots stored before it did may still hold one.
   */
  private static String moa(Agreement agreement, Texts texts) {
    String url = OfficialUrl.orNull(agreement.moaUrl());
    if (url != null) {
      return url;
    }
    return texts.text(agreement.moaPending() ? "label.moaPending" : "label.moaNone");
  }

  private List<AlertMessage.Link> links(ChangeEvent event, Coverage coverage, Texts texts) {
    Language language = texts.language();
    List<AlertMessage.Link> links = new ArrayList<>();
    pages
        .of(coverage.state(), coverage.counties())
        .ifPresent(
            url ->
                links.add(
                    new AlertMessage.Link(
                        texts.text("alert.page", places.brief(coverage, texts)), url)));
    for (Toolkit.Link link : toolkit.linksFor(event.type(), event.agreement().model())) {
      links.add(new AlertMessage.Link(link.title(language), link.url()));
    }
    return links;
  }

  private static AlertMessage.Labels labels(ListKind list, Texts texts) {
    return new AlertMessage.Labels(
        texts.text("label.agency"),
        texts.text("label.previousAgency"),
        texts.text("label.place"),
        texts.text(list == ListKind.PENDING ? "label.requested" : "label.signed"),
        texts.text("label.moa"),
        texts.text("label.addendum"),
        texts.text("label.model"),
        texts.text("label.whatYouCanDo"));
  }
}
