package org.watch287g.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.watch287g.alerts.Language;
import org.watch287g.commands.AgreementMap;
import org.watch287g.commands.Reply;
import org.watch287g.maps.Category;

/**
 * {@code map --json}: a map's data as one JSON object, the fields issue 16 names: {@code title},
 * {@code asOf} ({@code participating}, {@code pending}: ISO dates or null), {@code counties} (every
 * county drawn, with its {@code category}: {@code none}, {@code pending}, {@code JEM}, {@code TFM}
 * or {@code WSO}), {@code legend} and {@code statewide}.
 */
final class MapJson {
  private MapJson() {}

  static Map<String, @Nullable Object> of(Reply.MapReply reply, Language language) {
    AgreementMap map = reply.map();
    Map<String, @Nullable Object> json = new LinkedHashMap<>();
    json.put("title", reply.title(language));
    Map<String, @Nullable Object> asOf = new LinkedHashMap<>();
    asOf.put("participating", text(map.agreementsAsOf()));
    asOf.put("pending", text(map.pendingAsOf()));
    json.put("asOf", asOf);
    List<Map<String, String>> counties = new ArrayList<>();
    for (AgreementMap.Shade s : map.counties()) {
      Map<String, String> county = new LinkedHashMap<>();
      county.put("fips", s.fips());
      county.put("name", s.name());
      county.put("category", s.category().code());
      counties.add(county);
    }
    json.put("counties", counties);
    List<Map<String, Object>> legend = new ArrayList<>();
    List<String> labels = reply.legend(language);
    List<Category> order =
        List.of(Category.TFM, Category.JEM, Category.WSO, Category.PENDING, Category.NONE);
    for (int i = 0; i < order.size(); i++) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("category", order.get(i).code());
      entry.put("label", labels.get(i));
      entry.put("counties", map.count(order.get(i)));
      legend.add(entry);
    }
    json.put("legend", legend);
    List<Map<String, Object>> statewide = new ArrayList<>();
    for (AgreementMap.Statewide s : map.statewide()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("agency", s.agency());
      entry.put("state", s.state().code());
      entry.put("model", s.model().name());
      entry.put("pending", s.pending());
      statewide.add(entry);
    }
    json.put("statewide", statewide);
    return json;
  }

  private static @Nullable String text(@Nullable LocalDate date) {
    return date == null ? null : date.toString();
  }
}
