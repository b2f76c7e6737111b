package org.watch287g;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of DESIGN.md, enforced as allow-lists: a new import is refused unless a rule
 * here names it, so the core cannot learn about an edge by accident.
 *
 * <p>The layers, inside out: {@code dataset} (ICE's rows as values) and {@code retry} (the one
 * backoff schedule); {@code geo}, {@code changes} and {@code maps} (each over {@code dataset} only;
 * maps also draw with Java2D and write PNGs with ImageIO); {@code alerts} (over those and {@code
 * retry}); {@code commands} (over the whole core). Every other package is an edge: it may use the
 * core, never the reverse. The platforms ({@code slack}, {@code discord}, {@code console}, {@code
 * web}) talk to the core through its ports, never to {@code store}, {@code source} or {@code watch}
 * directly. Only {@code cli} and the root package ({@code App}, {@code Wiring}) see everything.
 */
class ArchitectureTest {
  private static final String ROOT = "org.watch287g";

  /** What every class may use: the JDK's base and the nullness annotations. */
  private static final String[] BASE = {"java..", "org.jspecify.."};

  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
  }

  private static String[] allowed(String... packages) {
    String[] all = new String[BASE.length + packages.length];
    System.arraycopy(BASE, 0, all, 0, BASE.length);
    for (int i = 0; i < packages.length; i++) {
      all[BASE.length + i] = ROOT + "." + packages[i] + "..";
    }
    return all;
  }

  private static void layer(String layer, String... mayUse) {
    String[] withItself = new String[mayUse.length + 1];
    withItself[0] = layer;
    System.arraycopy(mayUse, 0, withItself, 1, mayUse.length);
    classes()
        .that()
        .resideInAPackage(ROOT + "." + layer + "..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(allowed(withItself))
        .check(classes);
  }

  @Test
  @DisplayName("ICE's rows as values and the retry schedule depend on nothing else of ours")
  void datasetAndRetryAreTheInnermostLayer() {
    layer("dataset");
    layer("retry");
  }

  @Test
  @DisplayName("places and changes each depend only on the dataset")
  void geoAndChangesStandOnTheDatasetAlone() {
    layer("geo", "dataset");
    layer("changes", "dataset");
  }

  @Test
  @DisplayName("maps depend only on the dataset, Java2D and ImageIO")
  void mapsStandOnTheDatasetAlone() {
    classes()
        .that()
        .resideInAPackage(ROOT + ".maps..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..", "javax.imageio..", "org.jspecify..", ROOT + ".maps..", ROOT + ".dataset..")
        .check(classes);
  }

  @Test
  @DisplayName("alerts depend only on the dataset, places and changes")
  void alertsStandOnTheInnerLayers() {
    layer("alerts", "dataset", "geo", "changes", "retry");
  }

  @Test
  @DisplayName("commands depend only on the core")
  void commandsStandOnTheCore() {
    layer("commands", "dataset", "geo", "changes", "maps", "alerts", "retry");
  }

  @Test
  @DisplayName("the core uses no JDBC and no HTTP client of the JDK")
  void theCoreUsesNoIoCornerOfTheJdk() {
    noClasses()
        .that()
        .resideInAnyPackage(
            ROOT + ".dataset..",
            ROOT + ".geo..",
            ROOT + ".changes..",
            ROOT + ".alerts..",
            ROOT + ".commands..",
            ROOT + ".maps..",
            ROOT + ".retry..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.sql..", "javax.sql..", "java.net.http..", "com.sun.net..")
        .check(classes);
  }

  @Test
  @DisplayName(
      "the platforms reach the core through its ports, never storage, the source or the watch")
  void platformsNeverReachIntoStorageSourceOrWatch() {
    noClasses()
        .that()
        .resideInAnyPackage(
            ROOT + ".slack..", ROOT + ".discord..", ROOT + ".console..", ROOT + ".web..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(ROOT + ".store..", ROOT + ".source..", ROOT + ".watch..")
        .check(classes);
  }

  @Test
  @DisplayName("Slack code and Discord code do not know each other")
  void platformsAreIndependent() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".slack..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(ROOT + ".discord..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".discord..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(ROOT + ".slack..")
        .check(classes);
  }

  @Test
  @DisplayName("stages do not call each other: only the watch joins the source and storage")
  void onlyTheWatchJoinsSourceAndStorage() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".source..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(ROOT + ".store..", ROOT + ".watch..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".store..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(ROOT + ".source..", ROOT + ".watch..")
        .check(classes);
  }

  @Test
  @DisplayName("only the command line and the composition root see the composition root")
  void onlyTheCommandLineSeesTheCompositionRoot() {
    noClasses()
        .that()
        .resideOutsideOfPackages(ROOT, ROOT + ".cli..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(ROOT, ROOT + ".cli..")
        .check(classes);
  }

  @Test
  @DisplayName("no two packages depend on each other, directly or around a loop")
  void packagesAreFreeOfCycles() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
  }
}
