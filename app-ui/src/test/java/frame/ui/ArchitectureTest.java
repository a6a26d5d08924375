package frame.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering the design promises: ui -> core (through its facade), never back. */
class ArchitectureTest {
  private static final JavaClasses FRAME = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("frame");

  @Test
  void core_knows_nothing_of_javafx_javalin_or_its_front_ends() {
    noClasses().that().resideInAPackage("frame.core..")
        .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.javalin..", "frame.server..", "frame.ui..")
        .check(FRAME);
  }

  @Test
  void server_does_not_depend_on_the_desktop() {
    noClasses().that().resideInAPackage("frame.server..")
        .should().dependOnClassesThat().resideInAnyPackage("javafx..", "frame.ui..")
        .check(FRAME);
  }

  @Test
  void ui_goes_through_the_facade_not_the_database_or_storage() {
    noClasses().that().resideInAPackage("frame.ui..")
        .should().dependOnClassesThat().resideInAnyPackage("frame.core.db..", "frame.core.store..")
        .orShould().dependOnClassesThat().haveSimpleName("JobRepository")
        .orShould().dependOnClassesThat().haveSimpleName("ImageRepository")
        .orShould().dependOnClassesThat().haveSimpleName("Ingestor")
        .orShould().dependOnClassesThat().haveSimpleName("JobRunner")
        .check(FRAME);
  }
}
