package frame.core.api;

import frame.core.api.trash.RemovalSize;
import frame.core.api.trash.TrashedPhoto;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/** Removed photos: restorable for {@link #KEPT_FOR}, then deleted for good. */
public interface Trash {
  /** How long a removed photo stays in the trash before it is deleted for good. */
  Duration KEPT_FOR = Duration.ofDays(30);

  /** How many photos and bytes removing these would free once the trash is emptied. */
  RemovalSize removalSize(Collection<Long> imageIds);

  /** Moves photos to the trash, all or none (an unknown id removes nothing). */
  RemovalSize remove(Collection<Long> imageIds);

  /** The photos in the trash, most recently removed first. */
  List<TrashedPhoto> list();

  /** Brings photos back from the trash; returns how many. */
  int restore(Collection<Long> imageIds);

  /** Deletes every photo in the trash for good: rows, jobs, derived files, the original. Returns how many. */
  int empty();

  /** Deletes for good only what has been in the trash longer than {@link #KEPT_FOR} (done at each start too). */
  int emptyExpired();
}
