package frame.core.crash;

import static org.assertj.core.api.Assertions.assertThat;

import frame.core.job.JobHandler;
import frame.core.job.JobOutcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seam's two forms: nothing at all in production, the crash tests' form only when asked for. */
class FailpointsTest {
  @Test
  void without_the_test_properties_frame_gets_the_form_that_does_nothing() {
    assertThat(System.getProperty(Failpoints.CRASH_PROPERTY)).isNull();
    assertThat(System.getProperty(Failpoints.HOLD_PROPERTY)).isNull();
    assertThat(Failpoints.forThisJvm()).isSameAs(Failpoints.NONE);
    JobHandler handler = (job, context) -> JobOutcome.completed();
    assertThat(handler.reaching(Failpoints.NONE)).as("no wrapper in production").isSameAs(handler);
  }

  @Test
  void a_crash_or_hold_property_selects_the_child_jvm_form() {
    assertThat(ChildJvmFailpoints.of(null, " ")).isEmpty();
    assertThat(ChildJvmFailpoints.of("ingest:after-commit", null)).isPresent();
    assertThat(ChildJvmFailpoints.of(null, "job:#3")).isPresent();
  }

  @Test
  void places_other_than_the_named_ones_pass() {
    ChildJvmFailpoints points = ChildJvmFailpoints.of("trash:empty-after-commit", "ingest:#2").orElseThrow();
    List<String> passed = new ArrayList<>();
    for (String name : List.of("trash:empty-before-commit", "ingest:after-blob-move", "job:NOOP:1")) {
      points.reach(name); // would halt or park this JVM if it were a named place
      passed.add(name);
    }
    assertThat(passed).hasSize(3);
  }
}
