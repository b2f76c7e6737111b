package org.watch287g.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Point;
import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The pictures, read back pixel by pixel. */
class MapPainterTest {
  static final Outlines OUTLINES = Outlines.bundled();
  static final MapPainter PAINTER = new MapPainter(OUTLINES);

  static MapPicture picture(
      String state, Map<String, Category> counties, Map<String, Category> statewide) {
    return new MapPicture(
        state,
        counties,
        null,
        statewide,
        List.of("Title", "Subtitle"),
        List.of(new MapPicture.Legend(Category.TFM, "Task force: 1 county")),
        List.of("A note"),
        "Source line");
  }

  /**
   * A pixel well inside a county (at least 4 pixels from its edge) as drawn in a picture, or null
   * when the county is too small to have one.
   */
  static Point interior(MapPicture picture, String fips) {
    Shape shape = OUTLINES.county(fips).orElseThrow().path(PAINTER.transform(picture));
    Area area = new Area(shape);
    Rectangle2D b = shape.getBounds2D();
    Point best = null;
    for (int margin = 8; margin >= 4 && best == null; margin -= 2) {
      for (int y = (int) b.getMinY(); y <= b.getMaxY() && best == null; y++) {
        for (int x = (int) b.getMinX(); x <= b.getMaxX(); x++) {
          if (area.contains(x - margin + 0.5, y - margin + 0.5, 2 * margin, 2 * margin)) {
            best = new Point(x, y);
            break;
          }
        }
      }
    }
    return best;
  }

  static Color at(BufferedImage image, Point p) {
    return new Color(image.getRGB(p.x, p.y));
  }

  @Test
  @DisplayName(
      "a county with an agreement is drawn in its model's colour at an interior point, and a"
          + " county with none is not")
  void aCountyWithAnAgreementIsDrawnInItsModelsColour() {
    MapPicture texas =
        picture(
            "48",
            Map.of("48201", Category.TFM, "48113", Category.JEM, "48029", Category.WSO),
            Map.of());
    BufferedImage image = PAINTER.draw(texas);

    assertEquals(Category.TFM.fill(), at(image, interior(texas, "48201")), "Harris");
    assertEquals(Category.JEM.fill(), at(image, interior(texas, "48113")), "Dallas");
    assertEquals(Category.WSO.fill(), at(image, interior(texas, "48029")), "Bexar");
    Color travis = at(image, interior(texas, "48453"));
    assertEquals(Category.NONE.fill(), travis, "Travis has none");
    for (Category c : List.of(Category.TFM, Category.JEM, Category.WSO)) {
      assertNotEquals(c.fill(), travis);
    }
  }

  @Test
  @DisplayName("a county with only a pending request is hatched over the colour of none")
  void aPendingCountyIsHatched() {
    MapPicture texas = picture("48", Map.of("48453", Category.PENDING), Map.of());
    BufferedImage image = PAINTER.draw(texas);
    Point p = interior(texas, "48453");

    int hatch = 0;
    int plain = 0;
    for (int dy = -4; dy <= 4; dy++) {
      for (int dx = -4; dx <= 4; dx++) {
        Color c = new Color(image.getRGB(p.x + dx, p.y + dy));
        if (c.equals(Category.NONE.fill())) {
          plain++;
        } else if (c.getRed() < 200 && c.getRed() == c.getGreen() && c.getGreen() == c.getBlue()) {
          hatch++; // grey: the hatching (or its anti-aliased edge)
        }
      }
    }
    assertTrue(hatch > 5 && plain > 5, "hatch " + hatch + ", plain " + plain);
  }

  @Test
  @DisplayName(
      "Alaska's and Hawaii's counties are drawn, on their own maps and on the national one")
  void alaskaAndHawaiiAreDrawn() {
    MapPicture alaska = picture("02", Map.of("02020", Category.TFM), Map.of());
    MapPicture hawaii = picture("15", Map.of("15003", Category.JEM), Map.of());
    MapPicture nation =
        picture(null, Map.of("02290", Category.WSO, "48043", Category.TFM), Map.of());

    assertEquals(Category.TFM.fill(), at(PAINTER.draw(alaska), interior(alaska, "02020")));
    assertEquals(Category.JEM.fill(), at(PAINTER.draw(hawaii), interior(hawaii, "15003")));
    BufferedImage us = PAINTER.draw(nation);
    assertEquals(Category.WSO.fill(), at(us, interior(nation, "02290")), "Yukon-Koyukuk");
    assertEquals(Category.TFM.fill(), at(us, interior(nation, "48043")), "Brewster, TX");
  }

  @Test
  @DisplayName("the model colours stay apart in greyscale: darker is broader, none is lightest")
  void theColoursStayApartInGreyscale() {
    double none = luma(Category.NONE.fill());
    double wso = luma(Category.WSO.fill());
    double jem = luma(Category.JEM.fill());
    double tfm = luma(Category.TFM.fill());

    assertTrue(none - wso > 30 && wso - jem > 30 && jem - tfm > 30, none + " " + wso + " " + jem);
  }

  @Test
  @DisplayName("a picture is a PNG of the painter's size")
  void aPictureIsAPng() throws Exception {
    byte[] png = PAINTER.png(picture("48", Map.of(), Map.of("48", Category.TFM)));

    BufferedImage back = ImageIO.read(new ByteArrayInputStream(png));
    assertEquals(MapPainter.WIDTH, back.getWidth());
    assertEquals(MapPainter.HEIGHT, back.getHeight());
  }

  @Test
  @DisplayName(
      "the bundled outlines hold every county of the 50 states and DC, in well under a megabyte")
  void theOutlinesAreCompleteAndSmall() {
    assertEquals(3144, OUTLINES.counties().size());
    assertEquals(51, OUTLINES.states().size());
    assertEquals("Harris", OUTLINES.county("48201").orElseThrow().name());
    assertTrue(OUTLINES.county("72001").isEmpty(), "no territories");
    assertTrue(OUTLINES.heapBytes() < 1_000_000, OUTLINES.heapBytes() + " bytes");
  }

  private static double luma(Color c) {
    return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
  }
}
