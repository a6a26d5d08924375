package frame.ui;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/** The layering the design promises: front ends -> core (through its api), never back; no package cycles. */
class ArchitectureTest {
  private static final JavaClasses FRAME = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .withImportOption(location -> !location.contains("-tests.jar")) // app-core's test fixtures
      .importPackages("frame");

  /** Each package of the window its own slice, the root package included. */
  private static final SliceAssignment UI_PACKAGES = new SliceAssignment() {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
      String name = javaClass.getPackageName();
      return name.equals("frame.ui") || name.startsWith("frame.ui.") ? SliceIdentifier.of(name) : SliceIdentifier.ignore();
    }

    @Override
    public String getDescription() {
      return "the packages of frame.ui";
    }
  };

  @Test
  void core_knows_nothing_of_javafx_javalin_or_its_front_ends() {
    noClasses().that().resideInAPackage("frame.core..")
        .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.javalin..", "picocli..",
            "frame.server..", "frame.cli..", "frame.ui..")
        .check(FRAME);
  }

  @Test
  void the_window_has_no_package_cycles() {
    slices().assignedFrom(UI_PACKAGES).should().beFreeOfCycles().check(FRAME);
  }

  @Test
  void server_and_command_line_do_not_depend_on_the_desktop() {
    noClasses().that().resideInAnyPackage("frame.server..", "frame.cli..")
        .should().dependOnClassesThat().resideInAnyPackage("javafx..", "frame.ui..")
        .check(FRAME);
  }

  @Test
  void front_ends_reach_the_core_only_through_its_api() {
    noClasses().that().resideInAnyPackage("frame.server..", "frame.cli..", "frame.ui..")
        .should().dependOnClassesThat(resideInAPackage("frame.core..").and(not(resideInAPackage("frame.core.api.."))))
        .check(FRAME);
  }
}
