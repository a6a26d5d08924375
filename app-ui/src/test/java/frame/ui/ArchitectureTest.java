package frame.ui;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/** The layering the design promises: front ends -> core (through its facade), never back. */
class ArchitectureTest {
  private static final JavaClasses FRAME = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .withImportOption(location -> !location.contains("-tests.jar")) // app-core's test fixtures
      .importPackages("frame");

  /**
   * What a front end may hold of the core: the facade and the classes beside it, and the values
   * it hands out (records, enums, the error family, the event types). Services stay inside.
   */
  private static final DescribedPredicate<JavaClass> CORE_BEYOND_THE_FACADE =
      DescribedPredicate.describe("core classes that are neither the facade's package nor value types", target ->
          target.getPackageName().startsWith("frame.core.")
              && !target.isRecord() && !target.isEnum()
              && !target.isAssignableTo(RuntimeException.class)
              && !isValueOf(target));

  /** Each package of the core its own slice, the root package (the facade) included. */
  private static final SliceAssignment CORE_PACKAGES = new SliceAssignment() {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
      String name = javaClass.getPackageName();
      return name.equals("frame.core") || name.startsWith("frame.core.") ? SliceIdentifier.of(name) : SliceIdentifier.ignore();
    }

    @Override
    public String getDescription() {
      return "the packages of frame.core";
    }
  };

  private static boolean isValueOf(JavaClass target) {
    // a sealed family of records (FrameEvent, IngestResult) is a value too
    if (target.isInterface() && !target.getAllSubclasses().isEmpty()
        && target.getAllSubclasses().stream().allMatch(c -> c.isRecord() || c.isInterface())) return true;
    // nested records and enums of a value (e.g. JobAttempt.Outcome) are values too
    return target.getEnclosingClass().map(enclosing -> enclosing.isRecord() || enclosing.isEnum()).orElse(false);
  }

  @Test
  void core_knows_nothing_of_javafx_javalin_or_its_front_ends() {
    noClasses().that().resideInAPackage("frame.core..")
        .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.javalin..", "picocli..",
            "frame.server..", "frame.cli..", "frame.ui..")
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

  @Test
  void the_core_has_no_package_cycles() {
    // Events name the state enums of jobs and images (leaf values); everything else is one way.
    slices().assignedFrom(CORE_PACKAGES).should().beFreeOfCycles()
        .ignoreDependency(resideInAPackage("frame.core.event"), simpleNameEndingWith("State").or(simpleName("JobType")))
        .check(FRAME);
  }

  @Test
  void server_and_command_line_do_not_depend_on_the_desktop() {
    noClasses().that().resideInAnyPackage("frame.server..", "frame.cli..")
        .should().dependOnClassesThat().resideInAnyPackage("javafx..", "frame.ui..")
        .check(FRAME);
  }

  @Test
  void front_ends_use_the_core_only_through_the_facade_and_its_value_types() {
    noClasses().that().resideInAnyPackage("frame.server..", "frame.cli..", "frame.ui..")
        .should().dependOnClassesThat(CORE_BEYOND_THE_FACADE)
        .check(FRAME);
  }
}
