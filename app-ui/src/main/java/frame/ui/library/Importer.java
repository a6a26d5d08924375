package frame.ui.library;

import frame.core.api.Imports;
import frame.core.api.culling.ImportBatch;
import frame.core.api.imports.ImportSources;
import frame.core.api.imports.IngestResult;
import frame.core.api.jobs.JobPriority;
import frame.ui.common.Background;
import frame.ui.common.FailureMessages;
import frame.ui.common.Notice;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports dropped files and folders one file at a time on the import queue, so the window stays
 * responsive; the activity bar follows them and each outcome lands on the FX thread: a stored photo
 * refreshes the grid, a duplicate or a rejected file becomes a tile of this session.
 */
final class Importer {
  private static final Logger log = LoggerFactory.getLogger(Importer.class);

  /** Where outcomes go, on the FX thread. */
  interface Outcomes {
    void stored();

    /** A file of this session that did not become a photo; returns its tile. */
    TileModel notStored(Path file, TileStep step, String message);

    Map<Integer, Path> renditionsOf(frame.core.api.library.Image image);
  }

  private final Imports imports;
  private final Background background;
  private final ExecutorService ingestQueue;
  private final ImportActivity activity;
  private final Outcomes outcomes;
  private final Notice notice;

  /** A null {@code ingestQueue} imports on the calling thread (view-model tests). */
  Importer(Imports imports, Background background, ExecutorService ingestQueue, ImportActivity activity,
      Outcomes outcomes, Notice notice) {
    this.imports = imports;
    this.background = background;
    this.ingestQueue = ingestQueue;
    this.activity = activity;
    this.outcomes = outcomes;
    this.notice = notice;
  }

  /** One thread, so files go in in order and the disk is not asked for two at once. */
  static ExecutorService newQueue() {
    return java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
      Thread thread = new Thread(r, "frame-ui-import");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Imports as one shoot named after the sources; {@code includeDeleted} brings back photos deleted for good. */
  void importPaths(List<Path> sources, boolean includeDeleted) {
    ImportBatch batch = ImportBatch.forSources(sources).includingDeleted(includeDeleted);
    String action = sources.size() == 1 ? "import " + sources.getFirst().getFileName() : "import " + sources.size() + " files and folders";
    background.run(() -> ImportSources.expand(sources), files -> {
      notice.clear();
      if (files.isEmpty()) return;
      AtomicBoolean cancelled = activity.begin(files.size());
      JobPriority priority = ImportSources.priorityFor(files.size()); // a large import lets a photo dropped later go first
      for (Path file : files) submit(() -> importOne(file, priority, batch, cancelled));
    }, notice.onFailure(action));
  }

  private void importOne(Path file, JobPriority priority, ImportBatch batch, AtomicBoolean cancelled) {
    if (cancelled.get()) {
      background.onFx(activity::skippedOne);
      return;
    }
    IngestResult result;
    try {
      result = imports.importFile(file, priority, batch);
    } catch (RuntimeException e) {
      log.warn("Could not import {}", file, e);
      result = new IngestResult.Rejected(file.getFileName().toString(), "error", "Not imported: " + FailureMessages.reason(e));
    }
    IngestResult outcome = result;
    Map<Integer, Path> renditions = switch (outcome) {
      case IngestResult.Duplicate d -> outcomes.renditionsOf(d.existing());
      case IngestResult.Restored r -> outcomes.renditionsOf(r.image());
      default -> Map.of();
    };
    background.onFx(() -> settle(file, outcome, renditions));
  }

  private void submit(Runnable work) {
    if (ingestQueue == null) work.run();
    else ingestQueue.execute(work);
  }

  private void settle(Path file, IngestResult result, Map<Integer, Path> renditions) {
    switch (result) {
      case IngestResult.Stored stored -> {
        activity.stored(stored.image().id());
        outcomes.stored();
      }
      case IngestResult.Duplicate duplicate -> {
        TileModel tile = outcomes.notStored(file, TileStep.DUPLICATE, "Already in the library as "
            + duplicate.existing().originalName() + " (#" + duplicate.existing().id() + ")");
        tile.duplicateOf().set(duplicate.existing().id());
        tile.renditions().set(renditions);
        activity.notStored(false);
      }
      case IngestResult.Restored restored -> {
        TileModel tile = outcomes.notStored(file, TileStep.DUPLICATE, "Restored the original of "
            + restored.image().originalName() + " (#" + restored.image().id() + "), which had no good copy left");
        tile.duplicateOf().set(restored.image().id());
        tile.renditions().set(renditions);
        activity.notStored(false);
      }
      case IngestResult.Rejected rejected -> {
        outcomes.notStored(file, TileStep.REJECTED, rejected.reason());
        activity.notStored(true);
      }
      case IngestResult.Skipped skipped -> {
        outcomes.notStored(file, TileStep.DUPLICATE, "Skipped: " + skipped.reason());
        activity.skippedAsDeleted(skipped.deletedAt());
      }
    }
  }
}
