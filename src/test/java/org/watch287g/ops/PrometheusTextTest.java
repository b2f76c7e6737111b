package org.watch287g.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The test reader of Prometheus's text format refuses what a scraper or the conventions would. */
class PrometheusTextTest {
  @Test
  @DisplayName("a well-formed exposition is read into families with their samples and labels")
  void readsWellFormed() {
    Map<String, PrometheusText.Family> families =
        PrometheusText.parse(
            """
            # HELP a_total Things done.
            # TYPE a_total counter
            a_total{kind="x \\"y\\"",z=""} 3.0
            # HELP b_seconds Time.
            # TYPE b_seconds summary
            b_seconds{quantile="0.5"} NaN
            b_seconds_count 0
            b_seconds_sum 0.0 1700000000000
            """);

    assertEquals("counter", families.get("a_total").type());
    assertEquals(
        Map.of("kind", "x \"y\"", "z", ""), families.get("a_total").samples().get(0).labels());
    assertEquals(3, families.get("b_seconds").samples().size());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "# HELP a \n# TYPE a gauge\na 1\n", // empty HELP
        "# TYPE a gauge\na 1\n", // no HELP
        "# HELP a x\n# TYPE a gauge\n# TYPE a gauge\na 1\n", // two TYPEs
        "# HELP a_total x\n# TYPE a_total gauge\na_total 1\n", // _total on a gauge
        "# HELP a x\n# TYPE a counter\na 1\n", // a counter without _total
        "# HELP a x\n# TYPE a gauge\na{1b=\"v\"} 1\n", // bad label name
        "# HELP a x\n# TYPE a gauge\na{b=v} 1\n", // unquoted label value
        "# HELP a x\n# TYPE a gauge\na{b=\"v\\t\"} 1\n", // bad escape
        "# HELP a x\n# TYPE a gauge\na 1\na 2\n", // the same series twice
        "# HELP a x\n# TYPE a gauge\na one\n", // bad value
        "a 1\n", // no TYPE
        "# HELP 1a x\n# TYPE 1a gauge\n", // bad metric name
        "# HELP a x\n# TYPE a gauge\na 1", // no final line feed
        "# HELP a x\n# TYPE a gauge\na{b=\"1\"} 1\n# HELP c x\n# TYPE c gauge\nc 1\na{b=\"2\"} 1\n",
      })
  @DisplayName("what breaks the format or the naming conventions is refused")
  void refusesMalformed(String text) {
    assertThrows(IllegalArgumentException.class, () -> PrometheusText.parse(text));
  }
}
