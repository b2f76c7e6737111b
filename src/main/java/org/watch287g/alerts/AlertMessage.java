package org.watch287g.alerts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.watch287g.changes.ChangeEvent;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.UsState;

/**
 * One alert, written out in one language and ready for any platform: Slack, Discord and the console
 * lay out the same words their own way. Every text is final (no keys, no placeholders); {@link
 * AlertComposer} makes them.
 *
 * @param language the language of every text here
 * @param type what happened, for platforms that colour or mark alerts by kind
 * @param list the list the event is about (a signed agreement or a pending request)
 * @param headline what happened, in one line, e.g. "Harris County Sheriff's Office signed a 287(g)
 *     agreement with ICE (Harris County, TX)"
 * @param agency the agency as ICE lists it now
 * @param previousAgency the name ICE listed it under before, when that differs (a corrected name,
 *     or a request signed under another spelling); null otherwise
 * @param place where the agreement reaches: the counties ("Harris County, TX"), the state and
 *     "statewide", or the state with why no county is known
 * @param date the signing date in the language ("May 8, 2025", "8 de mayo de 2025"), or why there
 *     is none (pending requests have no date)
 * @param moa the MOA's URL, or why there is none ("ICE says the link is pending")
 * @param moaUrl the MOA's URL; null when {@code moa} says why there is none
 * @param addendumUrl the addendum's URL, if ICE posted one
 * @param modelTitle the model's name, e.g. "Task Force Model (TFM)"
 * @param modelExplainer what the model lets local officers do, in one or two plain sentences
 * @param links "what you can do": the toolkit links suited to this event and model
 * @param labels the words that introduce each line, in the same language
 * @param model the model's short name, e.g. "TFM", for lines that have room for no more (digests)
 * @param state the agreement's state, e.g. for pointing to {@code /287g status TX}
 * @param note the channel's own line for "what you can do" ({@code /287g note}), shown first there;
 *     empty when the channel has none
 * @param mention who this alert pings: the channel's {@link Mention} token when the event's type
 *     pings ({@link Mention#pings}), else empty; platforms write it their own way, first
 * @param facts the event as data, for destinations that read rather than show (webhooks); {@link
 *     Facts#NONE} where no event stands behind the message
 */
public record AlertMessage(
    Language language,
    ChangeEvent.Type type,
    ListKind list,
    String headline,
    String agency,
    @Nullable String previousAgency,
    String place,
    String date,
    String moa,
    @Nullable String moaUrl,
    @Nullable String addendumUrl,
    String modelTitle,
    String modelExplainer,
    List<Link> links,
    Labels labels,
    String model,
    UsState state,
    String note,
    String mention,
    Facts facts) {

  /** An alert with no channel note yet: {@link AlertComposer} writes it for any channel. */
  public AlertMessage(
      Language language,
      ChangeEvent.Type type,
      ListKind list,
      String headline,
      String agency,
      @Nullable String previousAgency,
      String place,
      String date,
      String moa,
      @Nullable String moaUrl,
      @Nullable String addendumUrl,
      String modelTitle,
      String modelExplainer,
      List<Link> links,
      Labels labels,
      String model,
      UsState state) {
    this(
        language,
        type,
        list,
        headline,
        agency,
        previousAgency,
        place,
        date,
        moa,
        moaUrl,
        addendumUrl,
        modelTitle,
        modelExplainer,
        links,
        labels,
        model,
        state,
        "",
        Mention.NONE,
        Facts.NONE);
  }

  public AlertMessage {
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(list, "list");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(facts, "facts");
    if (headline.contains("\n")) {
      throw new IllegalArgumentException("a headline is one line: " + headline);
    }
    links = List.copyOf(links);
    if (note.contains("\n")) {
      throw new IllegalArgumentException("a note is one line");
    }
    if (!Mention.wellFormed(mention)) {
      throw new IllegalArgumentException("not a mention token: " + mention);
    }
  }

  /** The same alert under another headline (one line). */
  public AlertMessage withHeadline(String value) {
    return copy(value, note, mention, facts);
  }

  /** The same alert for a channel with this note (empty for none). */
  public AlertMessage withNote(String value) {
    return copy(headline, value, mention, facts);
  }

  /** The same alert pinging this {@link Mention} token (empty for no one). */
  public AlertMessage withMention(String value) {
    return copy(headline, note, value, facts);
  }

  /** This alert with the parts a channel or a test changes; the rest as composed. */
  private AlertMessage copy(String headline, String note, String mention, Facts facts) {
    return new AlertMessage(
        language,
        type,
        list,
        headline,
        agency,
        previousAgency,
        place,
        date,
        moa,
        moaUrl,
        addendumUrl,
        modelTitle,
        modelExplainer,
        links,
        labels,
        model,
        state,
        note,
        mention,
        facts);
  }

  /** Whether there is anything under "what you can do": the channel's note or a link. */
  public boolean hasActions() {
    return !note.isEmpty() || !links.isEmpty();
  }

  /**
   * The alert's details as labelled lines, in the order people read them: agency, previous name (if
   * any), place, date, MOA, addendum (if any), model. The model comes last so that {@link
   * #modelExplainer} can follow it directly. Platforms with fields (Slack sections, Discord embeds)
   * show these; {@code url}, when set, is what the value should link to.
   */
  public List<Field> fields() {
    List<Field> fields = new ArrayList<>();
    fields.add(new Field(labels.agency(), agency, null));
    if (previousAgency != null) {
      fields.add(new Field(labels.previousAgency(), previousAgency, null));
    }
    fields.add(new Field(labels.place(), place, null));
    fields.add(new Field(labels.date(), date, null));
    fields.add(new Field(labels.moa(), moa, moaUrl));
    if (addendumUrl != null) {
      fields.add(new Field(labels.addendum(), addendumUrl, addendumUrl));
    }
    fields.add(new Field(labels.model(), modelTitle, null));
    return fields;
  }

  /**
   * The whole alert as plain text, for platforms' notification fallbacks and anywhere markup is not
   * understood: the headline, one "label: value" line per field, the model's explainer, then the
   * links, one per line with its URL. Lines end with {@code \n}, the last one included.
   */
  public String plainText() {
    StringBuilder out = new StringBuilder(headline).append('\n');
    for (Field f : fields()) {
      out.append(f.label()).append(": ").append(f.value()).append('\n');
    }
    out.append(modelExplainer).append('\n');
    if (hasActions()) {
      out.append(labels.whatYouCanDo()).append(":\n");
      if (!note.isEmpty()) {
        out.append("- ").append(note).append('\n');
      }
      for (Link link : links) {
        out.append("- ").append(link.title()).append(": ").append(link.url()).append('\n');
      }
    }
    return out.toString();
  }

  /**
   * A labelled line of an alert.
   *
   * @param label e.g. "Agency"
   * @param value e.g. "Harris County Sheriff's Office"
   * @param url what the value links to, if anything
   */
  public record Field(String label, String value, @Nullable String url) {}

  /**
   * The event behind an alert as data rather than words, for destinations that read it (a webhook's
   * JSON): the same in every language.
   *
   * @param coverage where the agency reaches, as {@code resolve} prints it: county FIPS codes
   *     joined by ";", "ST:XX" for a statewide agency, empty when nobody could place it
   * @param signed the signing date ICE gives; null for pending requests and undated rows
   * @param county the county as ICE's COUNTY cell names it; null when empty
   */
  public record Facts(String coverage, @Nullable LocalDate signed, @Nullable String county) {
    /** No event behind the message. */
    public static final Facts NONE = new Facts("", null, null);
  }

  /**
   * A "what you can do" link.
   *
   * @param title in the alert's language (or English, when the toolkit has no title in it)
   * @param url where it goes
   */
  public record Link(String title, String url) {}

  /**
   * The words that introduce an alert's lines, in its language.
   *
   * @param date "Signed" for agreements, "Requested" for pending requests
   */
  public record Labels(
      String agency,
      String previousAgency,
      String place,
      String date,
      String moa,
      String addendum,
      String model,
      String whatYouCanDo) {}
}
