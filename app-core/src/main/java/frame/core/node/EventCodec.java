package frame.core.node;

import frame.core.api.events.FrameEvent;
import frame.core.api.library.ImageState;
import frame.core.api.jobs.JobState;
import frame.core.api.jobs.JobType;
import java.util.Optional;

/**
 * Events as one short line each for a notification payload: ids and states only (PostgreSQL
 * payloads must stay under 8 kB, and a receiver reads anything else it needs from the rows).
 */
final class EventCodec {
  private EventCodec() {}

  /** Empty for an event kind other nodes have no use for. */
  static Optional<String> encode(FrameEvent event) {
    if (event instanceof FrameEvent.ImageChanged image) {
      return Optional.of("I," + image.imageId() + "," + image.state());
    }
    if (event instanceof FrameEvent.ImageMarked marked) return Optional.of("M," + marked.imageId());
    if (event instanceof FrameEvent.JobChanged job) {
      return Optional.of("J," + job.jobId() + "," + (job.imageId() == null ? "-" : job.imageId()) + ","
          + job.type() + "," + job.state());
    }
    return Optional.empty();
  }

  /** Whether an encoded line says a job became due (so idle runners elsewhere should claim). */
  static boolean isNewWork(String line) {
    return line.startsWith("J,") && line.endsWith("," + JobState.PENDING);
  }

  /** Empty for a line this version cannot read (a newer node's event kind). */
  static Optional<FrameEvent> decode(String line) {
    String[] f = line.split(",");
    try {
      if (f[0].equals("I") && f.length == 3) {
        return Optional.of(new FrameEvent.ImageChanged(Long.parseLong(f[1]), ImageState.valueOf(f[2])));
      }
      if (f[0].equals("M") && f.length == 2) return Optional.of(new FrameEvent.ImageMarked(Long.parseLong(f[1])));
      if (f[0].equals("J") && f.length == 5) {
        return Optional.of(new FrameEvent.JobChanged(Long.parseLong(f[1]), f[2].equals("-") ? null : Long.parseLong(f[2]),
            JobType.valueOf(f[3]), JobState.valueOf(f[4])));
      }
    } catch (IllegalArgumentException e) {
      // an unknown state or type from a newer node
    }
    return Optional.empty();
  }
}
