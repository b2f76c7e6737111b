package org.watch287g;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The dependency rules of DESIGN.md, enforced: the core knows nothing of its edges. */
class ArchitectureTest {
  /** The pure core: values and decisions, no I/O libraries. */
  static final String[] CORE = {
    "org.watch287g.maps..",
    "org.watch287g.dataset..",
    "org.watch287g.geo..",
    "org.watch287g.changes..",
    "org.watch287g.alerts..",
    "org.watch287g.commands.."
  };

  static final String[] EDGES = {
    "org.watch287g.source..",
    "org.watch287g.store..",
    "org.watch287g.watch..",
    "org.watch287g.slack..",
    "org.watch287g.discord..",
    "org.watch287g.console..",
    "org.watch287g.admin..",
    "org.watch287g.web..",
    "org.watch287g.config.."
  };

  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.watch287g");
  }

  @Test
  @DisplayName("the core imports no Slack, Discord, HTTP, spreadsheet, YAML or SQL library")
  void theCoreImportsNoPlatformOrIoLibrary() {
    noClasses()
        .that()
        .resideInAnyPackage(CORE)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.slack..",
            "net.dv8tion..",
            "okhttp3..",
            "okio..",
            "java.sql..",
            "javax.sql..",
            "org.sqlite..",
            "org.dhatim..",
            "com.fasterxml..",
            "picocli..",
            "org.eclipse.jetty..",
            "java.net.http..")
        .check(classes);
  }

  @Test
  @DisplayName("the core never reaches out to an edge package")
  void theCoreNeverReachesOutToAnEdge() {
    noClasses()
        .that()
        .resideInAnyPackage(CORE)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(EDGES)
        .check(classes);
  }

  @Test
  @DisplayName("Slack code and Discord code do not know each other")
  void platformsAreIndependent() {
    noClasses()
        .that()
        .resideInAPackage("org.watch287g.slack..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.watch287g.discord..")
        .allowEmptyShould(true)
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("org.watch287g.discord..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.watch287g.slack..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  @DisplayName("stages do not call each other: only the poll cycle joins source and storage")
  void onlyTheOrchestratorJoinsSourceAndStorage() {
    noClasses()
        .that()
        .resideInAPackage("org.watch287g.source..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.watch287g.store..", "org.watch287g.watch..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("org.watch287g.store..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.watch287g.source..", "org.watch287g.watch..")
        .check(classes);
  }
}
