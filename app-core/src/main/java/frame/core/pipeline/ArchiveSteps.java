package frame.core.pipeline;

import frame.core.db.Jdbc.Tx;
import frame.core.api.events.FrameEvent;
import frame.core.api.jobs.Job;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** What the pipeline asks of the archive, in the transaction of the job that ended. */
public interface ArchiveSteps {
  /** The image was just PROCESSED: queue its missing copies, or make it STORED if none is missing. */
  void processed(Tx tx, long imageId, Instant now, List<FrameEvent> events) throws SQLException;

  /** An {@code ARCHIVE_ORIGINAL} job completed: STORED once every target holds a verified copy. */
  void archived(Tx tx, Job job, Instant now, List<FrameEvent> events) throws SQLException;

  /** No archive: images stop at PROCESSED. */
  ArchiveSteps NONE = new ArchiveSteps() {
    @Override
    public void processed(Tx tx, long imageId, Instant now, List<FrameEvent> events) {}

    @Override
    public void archived(Tx tx, Job job, Instant now, List<FrameEvent> events) {}
  };
}
