package frame.core.db;

import static org.assertj.core.api.Assertions.assertThat;

import frame.core.api.config.FrameConfig;
import frame.core.job.JobRepository;
import frame.core.api.jobs.JobState;
import frame.core.api.jobs.JobType;
import frame.core.job.NewJob;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A library made by an earlier FRAME opens in this one with its queue intact. */
class SchemaUpgradeTest {
  @TempDir Path dataDir;

  @Test
  void a_version_2_database_is_migrated_and_its_pending_jobs_are_still_claimed_in_order() throws Exception {
    String url = FrameConfig.inDataDir(dataDir).databaseUrl();
    try (Connection connection = DriverManager.getConnection(url, "SA", "")) {
      Flyway.configure().dataSource(url, "SA", "").locations("classpath:db/migration").target("2").load().migrate();
      try (Statement statement = connection.createStatement()) {
        for (int i = 0; i < 3; i++) {
          statement.execute("INSERT INTO job (type, payload, state, attempts, max_attempts, run_after, lease_token,"
              + " created_at, updated_at) VALUES ('NOOP', '{}', 'PENDING', 0, 3, " + (1000 - i) + ", 0, 1, 1)");
        }
        statement.execute("INSERT INTO api_token (name, token_hash, created_at) VALUES ('nas', '" + "a".repeat(64)
            + "', 1)");
        // an earlier FRAME called an interrupted run LOST
        statement.execute("INSERT INTO job_attempt (job_id, attempt, worker_id, started_at, ended_at, outcome, error)"
            + " VALUES (3, 1, 'old', 1, 2, 'LOST', 'stopped responding')");
        statement.execute("SHUTDOWN");
      }
    }

    try (Database database = Database.open(url, 2)) {
      assertThat(database.jdbc().queryOne("SELECT MAX(CAST(\"version\" AS INT)) FROM \"flyway_schema_history\"",
          r -> r.getInt(1))).contains(ShippedMigrations.newest());
      // tokens made before pairing existed were the owner's: they become admin tokens (V6)
      assertThat(new frame.core.auth.ApiTokens(database.jdbc(), java.time.Clock.systemUTC()).list())
          .extracting(t -> t.name() + " " + t.kind()).containsExactly("nas ADMIN");
      JobRepository jobs = new JobRepository(database.jdbc());
      assertThat(jobs.attempts(3)).extracting(frame.core.api.jobs.JobAttempt::outcome)
          .containsExactly(frame.core.api.jobs.JobAttempt.Outcome.INTERRUPTED);
      List<JobRepository.Candidate> due = jobs.findDue(Instant.ofEpochMilli(5000), 10);
      assertThat(due).extracting(JobRepository.Candidate::id).containsExactly(3L, 2L, 1L); // by run_after
      assertThat(jobs.claimAll(due, "worker", Instant.ofEpochMilli(5000), java.time.Duration.ofSeconds(30)))
          .hasSize(3).allMatch(job -> job.state() == JobState.RUNNING && job.attempts() == 1)
          .allMatch(job -> job.interruptions() == 0 && job.maxInterruptions() == NewJob.DEFAULT_MAX_INTERRUPTIONS);
      database.jdbc().inTransaction(tx -> jobs.enqueue(tx, new NewJob(JobType.NOOP, null, "{}", 3), Instant.ofEpochMilli(6000)));
      assertThat(jobs.findDue(Instant.ofEpochMilli(7000), 10)).hasSize(1);
    }
  }
}
