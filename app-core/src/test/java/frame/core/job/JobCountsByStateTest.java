package frame.core.job;

import static org.assertj.core.api.Assertions.assertThat;

import frame.core.api.jobs.JobState;
import frame.core.api.jobs.JobType;
import frame.core.api.library.ImageFormat;
import frame.core.db.Database;
import frame.core.db.Jdbc;
import frame.core.image.ImageRepository;
import frame.core.testing.TestPostgres;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The status bar's counts of waiting, running and failed jobs, on HSQLDB and PostgreSQL: the same
 * as the whole overview's for those states, without reading the completed jobs (most of a
 * library's) that the whole overview groups.
 */
class JobCountsByStateTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"hsqldb", "postgresql"})
  void counts_of_some_states_match_the_whole_overview_and_leave_the_others_out(String engine) {
    TestPostgres postgres = engine.equals("postgresql") ? TestPostgres.create() : null;
    try (Database database = postgres == null ? Database.open("jdbc:hsqldb:file:" + dir.resolve("db"), 2)
        : Database.open(postgres.url(), TestPostgres.login(), 2)) {
      Jdbc jdbc = database.jdbc();
      JobRepository jobs = new JobRepository(jdbc);
      ImageRepository images = new ImageRepository(jdbc);
      // photo i: its thumbnail job in STATES[i % 4], its preview job completed, its sharpness job pending for every 3rd
      List<JobState> states = List.of(JobState.COMPLETED, JobState.PENDING, JobState.RUNNING, JobState.FAILED);
      for (int i = 0; i < 40; i++) {
        int photo = i;
        jdbc.inTransaction(tx -> {
          long id = images.insert(tx, new ImageRepository.NewImage("%064x".formatted(photo), ImageFormat.JPEG, 10, 10, 1,
              "IMG_" + photo + ".JPG", null, null, null), Instant.EPOCH);
          set(tx, jobs.enqueue(tx, NewJob.forImage(JobType.THUMBNAIL_GENERATION, id), Instant.EPOCH), states.get(photo % 4));
          set(tx, jobs.enqueue(tx, NewJob.forImage(JobType.PREVIEW_GENERATION, id), Instant.EPOCH), JobState.COMPLETED);
          if (photo % 3 == 0) jobs.enqueue(tx, NewJob.forImage(JobType.SHARPNESS, id), Instant.EPOCH);
          return null;
        });
      }

      Map<JobType, Map<JobState, Long>> shown = jobs.countByTypeIn(EnumSet.of(JobState.PENDING, JobState.RUNNING, JobState.FAILED));

      assertThat(shown).isEqualTo(Map.of(
          JobType.THUMBNAIL_GENERATION, Map.of(JobState.PENDING, 10L, JobState.RUNNING, 10L, JobState.FAILED, 10L),
          JobType.SHARPNESS, Map.of(JobState.PENDING, 14L)));
      Map<JobType, Map<JobState, Long>> all = jobs.countByTypeAndState();
      assertThat(all.get(JobType.PREVIEW_GENERATION)).isEqualTo(Map.of(JobState.COMPLETED, 40L));
      shown.forEach((type, byState) -> byState.forEach((state, n) ->
          assertThat(all.get(type).get(state)).as("%s %s in the whole overview", type, state).isEqualTo(n)));
      if (postgres == null) {
        // the completed jobs are not read: the count walks the state index to its state's rows only
        String plan = String.join("\n", jdbc.query(
            "EXPLAIN PLAN FOR SELECT type, COUNT(*) FROM job WHERE state = 'PENDING' GROUP BY type", r -> r.getString(1)));
        assertThat(plan).containsIgnoringCase("JOB_DUE_IDX").doesNotContainIgnoringCase("full scan");
      }
    }
  }

  private static void set(Jdbc.Tx tx, long jobId, JobState state) throws java.sql.SQLException {
    tx.update("UPDATE job SET state = ? WHERE id = ?", state.name(), jobId);
  }
}
