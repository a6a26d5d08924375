package frame.core.archive;

import frame.core.api.archive.ArchiveTargetKind;
import java.time.Instant;

/** One archive_target row: a target as stored, without its credentials. */
record TargetRecord(long id, String name, ArchiveTargetKind kind, String location, String bucket, String prefix,
    String region, String problem, Instant problemSince) {

  /** Its place as a person reads it: "the folder /mnt/nas" or "bucket photos at http://nas:9000". */
  String where() {
    return kind == ArchiveTargetKind.FOLDER ? "the folder " + location : "bucket " + bucket + " at " + location;
  }
}
