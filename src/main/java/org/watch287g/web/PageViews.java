package org.watch287g.web;

import java.util.List;

/**
 * What the templates in {@code src/main/jte} show, already in the reader's language: the templates
 * only lay it out, and jte escapes every value for HTML where it lands.
 */
public final class PageViews {
  private PageViews() {}

  /** A link: an address on this site (or ICE's) and its words. */
  public record Link(String href, String label) {}

  /**
   * What every page has: its language, title, the description shared links show, its own address
   * and the same page in the other language.
   *
   * @param canonical the page's full public address, or "" when {@code web.publicUrl} is not set
   */
  public record Head(
      String lang, String title, String description, String canonical, Link otherLanguage) {}

  /** One agency on a place's page. */
  public record Row(String agency, String model, String signed, String moaUrl, String where) {}

  /** One recorded change on a place's page. */
  public record Event(String date, String text) {}

  /** The words of a page's fixed parts, in its language. */
  public record Words(
      String agreements,
      String pending,
      String changes,
      String none,
      String agency,
      String model,
      String signed,
      String moa,
      String where,
      String found,
      String change,
      String searchLabel,
      String searchButton,
      String source) {}

  /** A county's or a state's page. */
  public record Place(
      Head head,
      Words words,
      String heading,
      String asOf,
      List<Row> agreements,
      List<Row> pending,
      List<Event> changes,
      List<Link> downloads,
      List<Link> up,
      Link map) {
    public Place {
      agreements = List.copyOf(agreements);
      pending = List.copyOf(pending);
      changes = List.copyOf(changes);
      downloads = List.copyOf(downloads);
      up = List.copyOf(up);
    }
  }

  /** The national page. */
  public record Home(
      Head head, Words words, String totals, String asOf, String statesHeading, List<Link> states) {
    public Home {
      states = List.copyOf(states);
    }
  }

  /** A place nobody could read, with what it may have meant. */
  public record NotFound(
      Head head, Words words, String text, String intro, List<Link> suggestions) {
    public NotFound {
      suggestions = List.copyOf(suggestions);
    }
  }

  /**
   * An Atom feed of the changes the bot alerts about, for a place or the whole country.
   *
   * @param id a URN that never changes for this feed
   * @param updated the newest entry's time (RFC 3339), or the feed's own when it has none
   * @param page the page the feed is about (absolute when {@code web.publicUrl} is set)
   * @param self the feed's own absolute address, or "" when {@code web.publicUrl} is not set
   */
  public record Feed(
      String lang,
      String title,
      String subtitle,
      String id,
      String updated,
      String page,
      String self,
      List<Entry> entries) {
    public Feed {
      entries = List.copyOf(entries);
    }
  }

  /**
   * One change in a feed.
   *
   * @param id a URN made from the stored change's id: a feed reader never shows it twice
   */
  public record Entry(String id, String title, String updated, String link, String summary) {}
}
