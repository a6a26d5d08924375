package frame.core.job;

import frame.core.api.jobs.Job;

import frame.core.db.Jdbc.Tx;
import frame.core.api.events.FrameEvent;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * What else changes when a job ends, inside the same transaction as the job's own row (so an
 * image never says PROCESSED while its job says RUNNING). Events are published after commit.
 */
public interface JobLifecycle {
  void completed(Tx tx, Job job, Instant now, List<FrameEvent> events) throws SQLException;

  void failed(Tx tx, Job job, String reason, Instant now, List<FrameEvent> events) throws SQLException;

  /** An ended job was sent back to the queue by an admin (retry, regenerate). */
  default void requeued(Tx tx, Job job, Instant now, List<FrameEvent> events) throws SQLException {}

  JobLifecycle NONE = new JobLifecycle() {
    @Override
    public void completed(Tx tx, Job job, Instant now, List<FrameEvent> events) {}

    @Override
    public void failed(Tx tx, Job job, String reason, Instant now, List<FrameEvent> events) {}
  };
}
