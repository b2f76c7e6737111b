package org.watch287g.commands;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.watch287g.alerts.Language;
import org.watch287g.alerts.Texts;

/**
 * An answer to a command, not yet in any platform's format nor in any language. Platforms render
 * each kind their own way (Slack blocks, Discord embeds); {@link #plainText} is the console's
 * rendering and every platform's fallback.
 *
 * <p>{@link #ephemeral()} says who should see it: true for the person who asked only (Slack's
 * ephemeral responses, Discord's ephemeral flag), false for the whole channel (confirmations of
 * what the channel follows, and {@code status ... share}).
 */
public sealed interface Reply {

  /** Whether only the person who asked should see this. */
  boolean ephemeral();

  /** A file the reply carries (the CSV of {@code status TX csv}); empty for most replies. */
  default Optional<Attachment> attachment() {
    return Optional.empty();
  }

  /** The picture the reply carries (the PNG of {@code map TX}), drawn in a language; most none. */
  default Optional<MapImage> image(Language language) {
    return Optional.empty();
  }

  /**
   * The command that draws this reply's map ({@code map 48201}), for platforms to offer as a
   * button; empty when the reply has no place to map.
   */
  default Optional<String> mapCommand() {
    return Optional.empty();
  }

  /** The reply as plain text in a language: lines separated by '\n', no trailing newline. */
  default String plainText(Language language) {
    return PlainText.render(this, Texts.of(language));
  }

  /** Sentences, one per line: confirmations, what a channel follows, its options. */
  record Text(List<Phrase> lines, boolean ephemeral) implements Reply {
    public Text {
      lines = List.copyOf(lines);
    }

    static Text shared(Phrase... lines) {
      return new Text(List.of(lines), false);
    }

    static Text privately(Phrase... lines) {
      return new Text(List.of(lines), true);
    }
  }

  /**
   * The answer to {@code status}.
   *
   * @param notes what to say first, e.g. that a misspelling was read as a county; may be empty
   * @param view what was asked of the place: its status, its state's statewide agencies ({@code
   *     status FL statewide}) or the full list as a file ({@code status TX csv})
   */
  record StatusReply(Status status, List<Phrase> notes, boolean ephemeral, View view)
      implements Reply {
    public StatusReply {
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(view, "view");
      notes = List.copyOf(notes);
    }

    public StatusReply(Status status, List<Phrase> notes, boolean ephemeral) {
      this(status, notes, ephemeral, View.PLACE);
    }

    /** What a status shows. */
    public enum View {
      /** The place: a county's own agencies first, or a state's summary. */
      PLACE,
      /** The statewide agencies of the place's state, listed. */
      STATEWIDE,
      /** Everything there, as a CSV file attached. */
      CSV
    }

    @Override
    public Optional<Attachment> attachment() {
      return view == View.CSV ? Optional.of(StatusCsv.attachment(status)) : Optional.empty();
    }

    @Override
    public Optional<String> mapCommand() {
      return view == View.PLACE
          ? Optional.of(Verb.MAP.word() + " " + status.place().code())
          : Optional.empty();
    }
  }

  /**
   * The answer to {@code map}: where the agreements are, as data, and the picture drawn from it.
   *
   * @param map the map's data (what {@code map --json} prints)
   * @param notes what to say first, e.g. that a misspelling was read as a county; may be empty
   * @param drawer draws the picture (from a cache when it was drawn before)
   */
  record MapReply(AgreementMap map, List<Phrase> notes, boolean ephemeral, Drawer drawer)
      implements Reply {
    public MapReply {
      Objects.requireNonNull(map, "map");
      Objects.requireNonNull(drawer, "drawer");
      notes = List.copyOf(notes);
    }

    /** Draws a map in a language. */
    @FunctionalInterface
    public interface Drawer {
      MapImage draw(AgreementMap map, Language language);
    }

    @Override
    public Optional<MapImage> image(Language language) {
      return Optional.of(drawer.draw(map, language));
    }

    /** The picture's file name ("287g-map-TX-2026-05-18.png"), known before it is drawn. */
    public String fileName() {
      return MapImages.fileName(map);
    }

    /** The map's title in a language ("287(g) agreements in Texas"). */
    public String title(Language language) {
      return MapWords.title(map, Texts.of(language));
    }

    /**
     * The legend's labels in a language, in the order TFM, JEM, WSO, pending, none (the picture's
     * order), each with its count of counties.
     */
    public List<String> legend(Language language) {
      return MapWords.legend(map, Texts.of(language)).stream()
          .map(org.watch287g.maps.MapPicture.Legend::text)
          .toList();
    }
  }

  /**
   * The place was ambiguous, misspelt or not found: the places it may have meant, to offer as
   * choices (buttons, autocomplete, or commands to copy). Each choice's {@link Place#code()} reads
   * back as exactly that place: {@code /287g <verb> <code>}.
   *
   * @param verb the command to run with the choice
   * @param question what to ask ("\"springfield\" could be several places. Did you mean:")
   * @param choices the places offered, at most {@link PlaceReader#CHOICES}
   * @param hints what to say after the choices, e.g. how many places matched and how to name one
   *     ("add a state"); may be empty
   */
  record DidYouMean(Verb verb, Phrase question, List<Place> choices, List<Phrase> hints)
      implements Reply {
    public DidYouMean {
      choices = List.copyOf(choices);
      hints = List.copyOf(hints);
    }

    public DidYouMean(Verb verb, Phrase question, List<Place> choices) {
      this(verb, question, choices, List.of());
    }

    @Override
    public boolean ephemeral() {
      return true;
    }
  }

  /** The person may not do this here; the reason says why and what they can do instead. */
  record Refused(Phrase reason) implements Reply {
    @Override
    public boolean ephemeral() {
      return true;
    }
  }

  /**
   * The input could not be used. Named for what it is rather than "Error", which would shadow
   * {@link java.lang.Error} wherever it is imported.
   *
   * @param problem what was wrong, and how to write it instead
   * @param usage the verb whose usage and example to show after it; null for none
   */
  record Invalid(Phrase problem, @Nullable Verb usage) implements Reply {
    @Override
    public boolean ephemeral() {
      return true;
    }
  }

  /** Every verb with its usage, what it does and an example, and how places can be written. */
  record Help(List<Verb> verbs) implements Reply {
    public Help {
      verbs = List.copyOf(verbs);
    }

    @Override
    public boolean ephemeral() {
      return true;
    }
  }
}
