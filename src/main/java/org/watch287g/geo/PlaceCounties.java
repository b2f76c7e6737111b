package org.watch287g.geo;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.watch287g.dataset.UsState;

/**
 * A city, town, village, Census-designated place or New York town, and the counties its people live
 * in.
 *
 * @param state the state
 * @param name the name without its Census suffix, e.g. "Yoakum"
 * @param kind the Census suffix ("city", "town", "village", "borough", "cdp", "ny-town"...) or
 *     "geonames" or "postal" for a name known only from GeoNames or the postal list
 * @param shares county FIPS to the share of the place's 2020 population living there (1 when only
 *     the county is known)
 */
public record PlaceCounties(UsState state, String name, String kind, Map<String, Double> shares) {

  public PlaceCounties {
    shares = Map.copyOf(new TreeMap<>(shares));
  }

  /**
   * Every county with part of the place's people in it. The threshold is one resident: a county
   * holding 183 of Southside, Alabama's 9,400 people keeps the city's alerts, because a police
   * department's reach matters to whoever lives under it, however few; a part where nobody lives
   * (Sardinia, Ohio's corner of Highland County; a road or reservoir) was dropped when the table
   * was built ({@code tools/build-gazetteer.py} keeps parts with 2020 population above zero), since
   * no follower there is affected and Geocorr's block-based split leaves such slivers by chance.
   */
  public Set<String> counties() {
    return new java.util.TreeSet<>(shares.keySet());
  }

  /** Whether this is a municipality (which has police) rather than a statistical area. */
  public boolean incorporated() {
    return !kind.equals("cdp") && !kind.equals("geonames") && !kind.equals("postal");
  }
}
