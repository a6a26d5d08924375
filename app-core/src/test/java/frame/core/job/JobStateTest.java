package frame.core.job;

import frame.core.api.jobs.JobState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JobStateTest {
  @Test
  void the_table_allows_the_runners_and_the_admins_moves_and_nothing_else() {
    assertThat(JobState.PENDING.next()).containsExactlyInAnyOrder(JobState.RUNNING, JobState.CANCELLED);
    assertThat(JobState.RUNNING.next()).containsExactlyInAnyOrder(JobState.COMPLETED, JobState.FAILED, JobState.PENDING);
    for (JobState ended : new JobState[] {JobState.COMPLETED, JobState.FAILED, JobState.CANCELLED}) {
      assertThat(ended.next()).as("%s: only an admin's retry or regenerate", ended).containsExactly(JobState.PENDING);
    }
  }

  @Test
  void an_illegal_move_throws() {
    assertThatThrownBy(() -> JobState.COMPLETED.requireCanBecome(JobState.RUNNING))
        .isInstanceOf(IllegalStateException.class).hasMessage("A job cannot go from COMPLETED to RUNNING");
    assertThatThrownBy(() -> JobState.RUNNING.requireCanBecome(JobState.CANCELLED)).isInstanceOf(IllegalStateException.class);
    JobState.FAILED.requireCanBecome(JobState.PENDING);
  }
}
