package frame.core.job;

import frame.core.api.jobs.Job;
import frame.core.api.jobs.JobPriority;
import frame.core.api.jobs.JobState;
import frame.core.api.jobs.JobType;
import frame.core.db.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** A row of the job table as a {@link Job}. */
final class JobRows {
  private JobRows() {}

  static Job map(ResultSet r) throws SQLException {
    return new Job(
        r.getLong("id"),
        JobType.valueOf(r.getString("type")),
        Jdbc.nullableLong(r, "image_id"),
        r.getString("payload"),
        JobState.valueOf(r.getString("state")),
        r.getInt("attempts"),
        r.getInt("max_attempts"),
        Instant.ofEpochMilli(r.getLong("run_after")),
        r.getString("worker_id"),
        instant(r, "locked_at"),
        instant(r, "lease_until"),
        r.getLong("lease_token"),
        r.getString("last_error"),
        Instant.ofEpochMilli(r.getLong("created_at")),
        Instant.ofEpochMilli(r.getLong("updated_at")),
        instant(r, "completed_at"),
        r.getInt("interruptions"),
        r.getInt("max_interruptions"),
        JobPriority.ofRank(r.getInt("priority")));
  }

  static Instant instant(ResultSet r, String column) throws SQLException {
    Long millis = Jdbc.nullableLong(r, column);
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }
}
