package org.watch287g.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.watch287g.Wiring;
import org.watch287g.config.Config;
import org.watch287g.config.ConfigLoader;
import org.watch287g.testing.FakeIce;

/**
 * The public pages in a real browser: Debian's headless Chromium, driven through its chromedriver
 * (nothing is downloaded). Reads a table, follows links, switches language and submits the search,
 * as a person would, with no JavaScript of ours; and takes the screenshots under {@code
 * docs/screenshots} (written to {@code target/screenshots}; {@code
 * -Dscreenshots.dir=docs/screenshots} refreshes the committed ones).
 *
 * <p>Skipped, with one line saying how to run it, where Chromium is not installed.
 */
class PagesInBrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir static Path dir;
  static FakeIce ice;
  static Wiring bot;
  static String base;
  ChromeDriver browser;

  @BeforeAll
  static void start() throws Exception {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!installed) {
      System.err.println(
          "PagesInBrowserTest skipped: no Chromium here; to run it: apt-get install chromium"
              + " chromium-driver, then mvn test -Dtest=PagesInBrowserTest");
    }
    Assumptions.assumeTrue(installed, "apt-get install chromium chromium-driver to run it");
    ice = new FakeIce();
    String yaml =
        "storage: {path: '"
            + dir.resolve("bot.db")
            + "'}\n"
            + "source: {pageUrl: '"
            + ice.pageUrl()
            + "', pollInterval: PT1H, retries: 0}\n"
            + "admin: {enabled: false}\n"
            + "web: {enabled: true, port: 0}\n";
    Config config = new ConfigLoader(Map.of()).parse(yaml, "test config");
    bot = new Wiring(config, Clock.systemUTC());
    bot.start();
    base = "http://127.0.0.1:" + bot.webPort().orElseThrow();
  }

  @AfterAll
  static void stop() throws Exception {
    if (bot != null) {
      bot.close();
      ice.close();
    }
  }

  @BeforeEach
  void openBrowser() {
    // Selenium finds nothing on its own: the driver and the browser are named, so it downloads
    // none.
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=en");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    browser.manage().window().setSize(new Dimension(1280, 900));
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  @DisplayName("a county's page shows its agencies in a table a person can read")
  void aCountyPageShowsItsTable() {
    browser.get(base + "/county/12021");

    assertEquals("287(g) in Collier County, FL", browser.getTitle());
    List<WebElement> rows = browser.findElements(By.cssSelector("#agreements + table tbody tr"));
    assertFalse(rows.isEmpty(), "Collier County has agreements in force");
    String agencies =
        String.join(
            "\n",
            rows.stream().map(r -> r.findElements(By.tagName("td")).get(0).getText()).toList());
    assertTrue(agencies.contains("Collier County Sheriff"), agencies);
  }

  @Test
  @DisplayName("a person follows the link up to the state, then switches to Spanish")
  void followALinkThenSwitchLanguage() {
    browser.get(base + "/county/12021");

    browser.findElement(By.linkText("All of Florida")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.titleIs("287(g) in Florida"));
    browser.findElement(By.linkText("En español")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.titleIs("287(g) en Florida"));

    assertEquals("es", browser.findElement(By.tagName("html")).getAttribute("lang"));
    assertTrue(browser.findElement(By.id("agreements")).getText().startsWith("Acuerdos vigentes"));
  }

  @Test
  @DisplayName("the search box takes a place written any way and opens its page")
  void theSearchOpensThePlace() {
    browser.get(base + "/");

    WebElement box = browser.findElement(By.id("q"));
    box.sendKeys("Collier County, Florida");
    box.submit();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.urlContains("/county/12021"));

    assertEquals("287(g) in Collier County, FL", browser.getTitle());
  }

  @Test
  @DisplayName(
      "screenshots of the home, a county and a state, in both languages, phone and desktop")
  void screenshots() throws IOException {
    Path out = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
    Files.createDirectories(out);
    Map<String, String> pages =
        Map.of("home", "/", "county", "/county/12021", "state", "/state/FL");
    Map<String, Dimension> sizes =
        Map.of("phone", new Dimension(390, 844), "desktop", new Dimension(1280, 900));
    int taken = 0;
    for (Map.Entry<String, String> page : pages.entrySet()) {
      for (String lang : List.of("en", "es")) {
        for (Map.Entry<String, Dimension> size : sizes.entrySet()) {
          browser.manage().window().setSize(size.getValue());
          browser.get(base + page.getValue() + "?lang=" + lang);
          File shot = browser.getScreenshotAs(OutputType.FILE);
          Path target = out.resolve(page.getKey() + "-" + lang + "-" + size.getKey() + ".png");
          Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
          assertTrue(Files.size(target) > 5_000, target + " is an empty picture");
          taken++;
        }
      }
    }
    assertEquals(12, taken);
  }
}
