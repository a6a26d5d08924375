package frame.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/** The core's layering: its api names no engine class, and no two of its packages need each other. */
class ArchitectureTest {
  private static final JavaClasses CORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("frame.core");

  /** Each package its own slice, the root package included. */
  static final SliceAssignment EACH_PACKAGE = new SliceAssignment() {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
      String name = javaClass.getPackageName();
      return name.startsWith("frame.") ? SliceIdentifier.of(name) : SliceIdentifier.ignore();
    }

    @Override
    public String getDescription() {
      return "each package of FRAME";
    }
  };

  @Test
  void the_api_depends_on_no_engine_package() {
    noClasses().that().resideInAPackage("frame.core.api..")
        .should().dependOnClassesThat(resideInAPackage("frame.core..").and(not(resideInAPackage("frame.core.api.."))))
        .check(CORE);
  }

  @Test
  void the_core_has_no_package_cycles() {
    slices().assignedFrom(EACH_PACKAGE).should().beFreeOfCycles().check(CORE);
  }

  @Test
  void the_core_knows_nothing_of_its_front_ends() {
    noClasses().that().resideInAPackage("frame.core..")
        .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.javalin..", "picocli..",
            "frame.server..", "frame.cli..", "frame.ui..")
        .check(CORE);
  }
}
