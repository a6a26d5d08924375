package frame.core.api;

import frame.core.api.culling.ExportRequest;
import frame.core.api.culling.ExportResult;
import frame.core.api.culling.ImageMarks;
import frame.core.api.culling.LookAlike;
import frame.core.api.culling.MarkChange;
import frame.core.api.culling.Shoot;
import frame.core.api.culling.Tombstone;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Culling, as the window, the REST API and the command line use it: flags, stars and colour labels,
 * shoots, and the tombstones that keep deleted photos deleted. Every change goes out as an event.
 */
public interface Culling {
  /** Changes one photo's marks; an unknown id (or one in the trash) is an error. */
  ImageMarks mark(long imageId, MarkChange change);

  /** Changes the marks of every photo given, all or none. */
  List<ImageMarks> markAll(Collection<Long> imageIds, MarkChange change);

  /** The marks of these photos; an unknown id is left out. */
  Map<Long, ImageMarks> marks(Collection<Long> imageIds);

  /** The photos of a stack, sharpest first (unmeasured last); an unknown stack is an error. */
  List<ImageMarks> stack(long stackId);

  /** Puts this photo on top of its stack (kept until chosen again); a photo in no stack is an error. */
  ImageMarks chooseStackTop(long imageId);

  /**
   * Photos anywhere in the library that look like this one (perceptual hashes within a few bits),
   * its own stack left out, closest first; empty until its hash is made.
   */
  List<LookAlike> lookAlikes(long imageId);

  /**
   * Copies the originals matching the request into its folder, one sub-folder per shoot, each
   * with an {@code .xmp} sidecar (xmp:Rating, xmp:Label, pick and reject) that editors read.
   */
  ExportResult export(ExportRequest request);

  /** Every shoot with photos in the library, newest first. */
  List<Shoot> shoots();

  /** Renames a shoot; a blank name or an unknown id is an error. */
  Shoot renameShoot(long shootId, String name);

  /** Photos deleted for good, newest first: importing the same bytes again skips them. */
  List<Tombstone> tombstones();

  /**
   * Deletes the rejects (of one shoot, or of the whole library when {@code shootId} is null) for
   * good, leaving tombstones; returns how many.
   */
  int deleteRejects(Long shootId);

  /**
   * Whether culling's analysis (sharpness, perceptual hash, so stacks) follows each new preview:
   * the data folder's {@code culling.properties}, {@code analysis=off} for off.
   */
  boolean analysisOn();

  /**
   * Turns analysis on or off for the photos to come (written to {@code culling.properties}); on
   * also queues it, at background priority, for photos that never had it. Returns how many photos
   * were queued.
   */
  int setAnalysis(boolean on);
}
