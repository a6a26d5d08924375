package frame.core.api;

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
}
