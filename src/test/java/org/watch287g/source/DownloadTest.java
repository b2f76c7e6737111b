package org.watch287g.source;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DownloadTest {

  static Download.Fetched fetched(String body) {
    return new Download.Fetched(
        "https://www.ice.gov/x.xlsx", body.getBytes(UTF_8), "sha", Validators.none());
  }

  @Test
  @DisplayName("two downloads of the same bytes are equal, with equal hash codes")
  void equalByContent() {
    assertEquals(fetched("abc"), fetched("abc"));
    assertEquals(fetched("abc").hashCode(), fetched("abc").hashCode());
  }

  @Test
  @DisplayName("downloads of different bytes are not equal")
  void differentBytes() {
    assertNotEquals(fetched("abc"), fetched("abd"));
  }

  @Test
  @DisplayName("a download prints its size, not its bytes")
  void printsSize() {
    assertEquals(
        "Fetched[url=https://www.ice.gov/x.xlsx, 3 bytes, sha256=sha, validators=Validators[etag=null,"
            + " lastModified=null]]",
        fetched("abc").toString());
  }
}
