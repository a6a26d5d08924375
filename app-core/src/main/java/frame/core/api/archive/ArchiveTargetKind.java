package frame.core.api.archive;

/** Where an archive target keeps its copies. */
public enum ArchiveTargetKind {
  /** S3-compatible object storage: MinIO, Garage, SeaweedFS, AWS. */
  S3,
  /** A folder: an external disk or a mounted NAS share. */
  FOLDER
}
