package frame.core.api;

import frame.core.api.archive.ArchiveCopy;
import frame.core.api.archive.ArchiveStatus;
import frame.core.api.archive.ArchiveTarget;
import frame.core.api.archive.FileHash;
import frame.core.api.archive.FreeReport;
import frame.core.api.archive.NewArchiveTarget;
import frame.core.api.archive.SafeReport;
import frame.core.api.archive.ScrubReport;
import java.util.List;

/**
 * The archive (the seed's phase 8): targets that hold a second, verified copy of every original,
 * freeing local space, "is this card safe to format" and scrubbing. One port for the window, the
 * REST adapter and the CLI, in-process or over HTTP.
 */
public interface Archive {
  /** Every target with its state, the copies it holds and its backlog, and the one-place count. */
  ArchiveStatus status();

  /** Photos that exist in one place only (no verified archive copy), cheaply: for a status bar. */
  long onePlaceOnly();

  /** Adds a target, checks it can be written, and queues a copy of every processed photo for it. */
  ArchiveTarget add(NewArchiveTarget target);

  /** Forgets a target and its copies (the files on it stay); false when no target has that name. */
  boolean remove(String name);

  /** The verified copies of one photo's original. */
  List<ArchiveCopy> copies(long imageId);

  /** Removes local originals held in at least {@code minCopies} verified archive copies. */
  FreeReport free(int minCopies);

  /** For each file (given by its hash), whether its exact bytes are held in {@code copies} verified places. */
  SafeReport safe(List<FileHash> files, int copies);

  /** Re-reads local originals and archive copies (a {@code samplePercent} share of photos) and mends bad ones. */
  ScrubReport scrub(int samplePercent);
}
