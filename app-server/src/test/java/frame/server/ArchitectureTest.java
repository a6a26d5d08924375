package frame.server;

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

/** The server, the command line and the benchmark use the core only through its ports and their values. */
class ArchitectureTest {
  private static final JavaClasses FRONT_ENDS = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .withImportOption(location -> !location.contains("-tests.jar")) // app-core's test fixtures
      .importPackages("frame.server", "frame.cli");

  /** Each package its own slice. */
  private static final SliceAssignment EACH_PACKAGE = new SliceAssignment() {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
      String name = javaClass.getPackageName();
      return name.startsWith("frame.server") || name.startsWith("frame.cli") ? SliceIdentifier.of(name)
          : SliceIdentifier.ignore();
    }

    @Override
    public String getDescription() {
      return "each package of the server and the command line";
    }
  };

  @Test
  void front_ends_reach_the_core_only_through_its_api() {
    noClasses().that().resideInAnyPackage("frame.server..", "frame.cli..")
        .should().dependOnClassesThat(resideInAPackage("frame.core..").and(not(resideInAPackage("frame.core.api.."))))
        .check(FRONT_ENDS);
  }

  @Test
  void server_and_command_line_have_no_package_cycles() {
    slices().assignedFrom(EACH_PACKAGE).should().beFreeOfCycles().check(FRONT_ENDS);
  }

  @Test
  void server_and_command_line_do_not_depend_on_the_desktop() {
    noClasses().that().resideInAnyPackage("frame.server..", "frame.cli..")
        .should().dependOnClassesThat().resideInAnyPackage("javafx..", "frame.ui..")
        .check(FRONT_ENDS);
  }
}
