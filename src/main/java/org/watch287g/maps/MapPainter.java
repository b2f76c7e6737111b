package org.watch287g.maps;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws a {@link MapPicture} with plain Java2D, headless: a title, the map (counties shaded by
 * category, pending ones hatched, state borders, the asked county outlined, states with statewide
 * agencies outlined thick in their category's colour), a legend and notes on the right, the source
 * at the bottom.
 *
 * <p>The image is {@link #WIDTH} x {@link #HEIGHT}: the texts are sized so that they stay readable
 * when Slack or Discord show the picture at about 400 pixels wide. Thread-safe (stateless).
 */
public final class MapPainter {
  public static final int WIDTH = 1000;
  public static final int HEIGHT = 680;

  /** Where the map is drawn; the legend takes the rest of the width. */
  static final Rectangle2D MAP_AREA = new Rectangle2D.Double(16, 104, 652, 528);

  private static final int PANEL_X = 688;
  private static final int PANEL_WIDTH = WIDTH - PANEL_X - 16;
  private static final Color TEXT = new Color(0x1A1A1A);
  private static final Color GREY_TEXT = new Color(0x555555);
  private static final Color COUNTY_BORDER = new Color(0xA0A0A0);
  private static final Color STATE_BORDER = new Color(0x333333);

  static {
    // Pictures are drawn off screen only; a server has no display (set also on the command line).
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private final Outlines outlines;

  public MapPainter(Outlines outlines) {
    this.outlines = outlines;
  }

  /** The picture as PNG bytes. */
  public byte[] png(MapPicture picture) {
    BufferedImage image = draw(picture);
    ByteArrayOutputStream out = new ByteArrayOutputStream(128 * 1024);
    try {
      if (!ImageIO.write(image, "png", out)) {
        throw new IllegalStateException("no PNG writer in this Java runtime");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode a PNG in memory", e);
    }
    return out.toByteArray();
  }

  /** The picture as an image (for tests that read its pixels). */
  public BufferedImage draw(MapPicture picture) {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      drawMap(g, picture);
      drawTexts(g, picture);
    } finally {
      g.dispose();
    }
    return image;
  }

  /**
   * Where the frame's pixels land in the image: the drawn region (the state, or the whole frame)
   * scaled to fit {@link #MAP_AREA} and centred in it.
   */
  public AffineTransform transform(MapPicture picture) {
    Rectangle2D region = region(picture);
    double scale =
        Math.min(
            MAP_AREA.getWidth() / region.getWidth(), MAP_AREA.getHeight() / region.getHeight());
    double dx = MAP_AREA.getX() + (MAP_AREA.getWidth() - region.getWidth() * scale) / 2;
    double dy = MAP_AREA.getY() + (MAP_AREA.getHeight() - region.getHeight() * scale) / 2;
    AffineTransform t = new AffineTransform();
    t.translate(dx, dy);
    t.scale(scale, scale);
    t.translate(-region.getX(), -region.getY());
    return t;
  }

  /** The outlines of the counties a picture draws: its state's, or every one. */
  public List<Outline> counties(MapPicture picture) {
    String state = picture.state();
    List<Outline> drawn = new ArrayList<>();
    for (Outline o : outlines.counties()) {
      if (state == null || o.id().startsWith(state)) {
        drawn.add(o);
      }
    }
    return drawn;
  }

  private Rectangle2D region(MapPicture picture) {
    String state = picture.state();
    if (state != null) {
      Outline outline = outlines.state(state).orElse(null);
      if (outline != null) {
        return outline.bounds();
      }
    }
    return new Rectangle2D.Double(0, 0, Outlines.FRAME_WIDTH, Outlines.FRAME_HEIGHT);
  }

  private void drawMap(Graphics2D g, MapPicture picture) {
    AffineTransform t = transform(picture);
    boolean national = picture.state() == null;
    float countyLine = national ? 0.25f : 0.8f;
    List<Shape> borders = new ArrayList<>();
    Shape outlined = null;
    for (Outline o : counties(picture)) {
      Shape shape = o.path(t);
      Category category = picture.counties().getOrDefault(o.id(), Category.NONE);
      g.setColor(category.fill());
      g.fill(shape);
      if (category == Category.PENDING) {
        hatch(g, shape, national ? 3 : 7);
      }
      borders.add(shape);
      if (o.id().equals(picture.outlined())) {
        outlined = shape;
      }
    }
    g.setColor(COUNTY_BORDER);
    g.setStroke(new BasicStroke(countyLine));
    borders.forEach(g::draw);
    for (Outline s : outlines.states()) {
      if (national || s.id().equals(picture.state())) {
        Shape shape = s.path(t);
        g.setColor(STATE_BORDER);
        g.setStroke(new BasicStroke(national ? 0.7f : 1.6f));
        g.draw(shape);
        Category statewide = picture.statewide().get(s.id());
        if (statewide != null) {
          g.setColor(statewide == Category.WSO ? statewide.fill().darker() : statewide.fill());
          g.setStroke(
              new BasicStroke(
                  national ? 2.2f : 3.5f,
                  BasicStroke.CAP_BUTT,
                  BasicStroke.JOIN_ROUND,
                  10f,
                  national ? new float[] {5f, 3f} : new float[] {10f, 5f},
                  0f));
          g.draw(shape);
        }
      }
    }
    if (outlined != null) {
      g.setColor(Color.WHITE);
      g.setStroke(new BasicStroke(5.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.draw(outlined);
      g.setColor(Color.BLACK);
      g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.draw(outlined);
    }
  }

  /** Diagonal lines over a shape, clipped to it. */
  private static void hatch(Graphics2D g, Shape shape, int spacing) {
    Shape clip = g.getClip();
    g.clip(shape);
    g.setColor(Category.HATCH);
    g.setStroke(new BasicStroke(spacing > 4 ? 1.6f : 0.8f));
    Rectangle2D b = shape.getBounds2D();
    int x0 = (int) Math.floor(b.getMinX()) - (int) Math.ceil(b.getHeight());
    // Lines anchored to the image, not the county, so that neighbours' hatching lines up.
    x0 -= Math.floorMod(x0, spacing);
    int y0 = (int) Math.floor(b.getMinY());
    int y1 = (int) Math.ceil(b.getMaxY());
    for (int x = x0; x <= b.getMaxX(); x += spacing) {
      g.drawLine(x, y1, x + (y1 - y0), y0);
    }
    g.setClip(clip);
  }

  private static void drawTexts(Graphics2D g, MapPicture picture) {
    int y = 42;
    Font titleFont = new Font(Font.SANS_SERIF, Font.BOLD, 34);
    Font subFont = new Font(Font.SANS_SERIF, Font.PLAIN, 21);
    for (int i = 0; i < picture.title().size(); i++) {
      g.setFont(i == 0 ? titleFont : subFont);
      g.setColor(i == 0 ? TEXT : GREY_TEXT);
      for (String line : wrap(g.getFontMetrics(), picture.title().get(i), WIDTH - 32)) {
        g.drawString(line, 16, y);
        y += i == 0 ? 36 : 26;
      }
    }
    y = 128;
    Font legendFont = new Font(Font.SANS_SERIF, Font.PLAIN, 22);
    g.setFont(legendFont);
    FontMetrics fm = g.getFontMetrics();
    for (MapPicture.Legend entry : picture.legend()) {
      swatch(g, entry.category(), PANEL_X, y - 19);
      List<String> lines = wrap(fm, entry.text(), PANEL_WIDTH - 42);
      for (String line : lines) {
        g.setColor(TEXT);
        g.drawString(line, PANEL_X + 42, y);
        y += 26;
      }
      y += 9;
    }
    y += 6;
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
    fm = g.getFontMetrics();
    g.setColor(GREY_TEXT);
    notes:
    for (String note : picture.notes()) {
      List<String> lines = wrap(fm, note, PANEL_WIDTH);
      for (int i = 0; i < lines.size(); i++) {
        boolean last = y + 22 > HEIGHT - 44;
        if (last && i < lines.size() - 1) {
          // No room for the rest: say so rather than stop mid-sentence (the alt text has it all).
          g.drawString(lines.get(i) + " …", PANEL_X, y);
          break notes;
        }
        g.drawString(lines.get(i), PANEL_X, y);
        y += 22;
        if (last) {
          break notes;
        }
      }
      y += 8;
    }
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
    g.setColor(GREY_TEXT);
    g.drawString(wrap(g.getFontMetrics(), picture.source(), WIDTH - 32).get(0), 16, HEIGHT - 14);
  }

  private static void swatch(Graphics2D g, Category category, int x, int y) {
    Rectangle2D box = new Rectangle2D.Double(x, y, 30, 22);
    g.setColor(category.fill());
    g.fill(box);
    if (category == Category.PENDING) {
      hatch(g, box, 7);
    }
    g.setColor(COUNTY_BORDER);
    g.setStroke(new BasicStroke(1f));
    g.draw(box);
  }

  /** Words laid into lines no wider than {@code width}; a word too long on its own is cut. */
  static List<String> wrap(FontMetrics fm, String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ", -1)) {
      String candidate = line.length() == 0 ? word : line + " " + word;
      if (fm.stringWidth(candidate) <= width || line.length() == 0) {
        line.setLength(0);
        line.append(candidate);
      } else {
        lines.add(line.toString());
        line.setLength(0);
        line.append(word);
      }
    }
    if (line.length() > 0 || lines.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }
}
