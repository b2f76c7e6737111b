package org.watch287g.commands;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.watch287g.alerts.Language;
import org.watch287g.alerts.Texts;
import org.watch287g.geo.County;
import org.watch287g.maps.MapPainter;

/**
 * Draws maps, and keeps the latest ones: a second ask for the same map in the same language is
 * answered from memory.
 *
 * <p>The key is the map's data itself and the language, which is stronger than "the place and the
 * lists' versions": a new list that changes nothing there keeps the picture, and any change there
 * (a new list, a resolver that places an agency differently) makes a new one. The cache holds at
 * most {@link #MAX_IMAGES} pictures and {@link #MAX_BYTES} bytes of PNG, the least recently used
 * going first, so that it stays small next to a 64 MB heap. Thread-safe; two threads asking for a
 * new map at once may both draw it.
 */
final class MapImages {
  static final int MAX_IMAGES = 32;
  static final long MAX_BYTES = 4L * 1024 * 1024;

  private final Supplier<MapPainter> painters;
  private @Nullable MapPainter painter;
  private final Map<Key, MapImage> images = new LinkedHashMap<>(16, 0.75f, true);
  private long bytes;

  private record Key(AgreementMap map, Language language) {}

  /**
   * @param painters makes the painter on the first map asked for, so that a bot nobody asks for a
   *     map never reads the outlines
   */
  MapImages(Supplier<MapPainter> painters) {
    this.painters = painters;
  }

  private synchronized MapPainter painter() {
    MapPainter p = painter;
    if (p == null) {
      p = painters.get();
      painter = p;
    }
    return p;
  }

  /** The map drawn in a language, from the cache when it was drawn before. */
  MapImage image(AgreementMap map, Language language) {
    Key key = new Key(map, language);
    synchronized (this) {
      MapImage cached = images.get(key);
      if (cached != null) {
        return cached;
      }
    }
    Texts words = Texts.of(language);
    MapImage drawn =
        new MapImage(
            fileName(map), painter().png(MapWords.picture(map, words)), MapWords.alt(map, words));
    synchronized (this) {
      MapImage previous = images.put(key, drawn);
      if (previous != null) {
        bytes -= previous.png().length;
      }
      bytes += drawn.png().length;
      Iterator<Map.Entry<Key, MapImage>> oldest = images.entrySet().iterator();
      while ((images.size() > MAX_IMAGES || bytes > MAX_BYTES) && oldest.hasNext()) {
        Map.Entry<Key, MapImage> gone = oldest.next();
        if (gone.getKey().equals(key)) {
          break; // the newest one stays, however large
        }
        bytes -= gone.getValue().png().length;
        oldest.remove();
      }
    }
    return drawn;
  }

  /** How many pictures are kept (for tests). */
  synchronized int size() {
    return images.size();
  }

  /** "287g-map-TX-2026-05-18.png", "287g-map-48201-2026-05-18.png", "287g-map-US-....png". */
  static String fileName(AgreementMap map) {
    Place place = map.place();
    County county = place == null ? null : place.county();
    String where = place == null ? "US" : county == null ? place.state().code() : county.fips();
    LocalDate asOf = map.agreementsAsOf();
    return "287g-map-" + where + (asOf == null ? "" : "-" + asOf) + ".png";
  }
}
