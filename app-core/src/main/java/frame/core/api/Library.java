package frame.core.api;

import frame.core.api.library.Image;
import frame.core.api.library.ImageFiles;
import frame.core.api.library.ImageQuery;
import frame.core.api.library.ImageState;
import frame.core.api.library.LibraryQuery;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The photos of the library: browsing, counting, one photo with its details and files. */
public interface Library {
  /** A page of the library grid: photos matching the query, in its order, removed ones never. */
  List<Image> browse(LibraryQuery query, int offset, int limit);

  long count(LibraryQuery query);

  /** Every id the query matches, in its order: what "select all" selects. */
  List<Long> ids(LibraryQuery query);

  /** Photos in the library (not the trash) in each state. */
  Map<ImageState, Long> countsByState();

  /** Photos of one state (every state when it is null), newest first: the API's and the command line's list. */
  List<Image> list(ImageQuery query);

  /** How many photos the query matches (its state and culling filters), every page together. */
  long count(ImageQuery query);

  /** How many photos are in {@code state} (every photo when it is null). */
  long countIn(ImageState state);

  /** A photo in the library; one in the trash is not found ({@link FrameException} image_not_found). */
  Image image(long id);

  /** The photo with these bytes, unless it is in the trash (a phone uploads it again, which restores it). */
  Optional<Image> bySha256(String sha256);

  /** Everything about one photo: its row, metadata, jobs (oldest first) and files. */
  ImageDetails details(long id);

  /** Where a photo's original and made files are. */
  ImageFiles files(Image image);

  /**
   * The original on this computer to read: the stored file, or, once freed to save space, a copy
   * fetched back from an archive target and verified against its SHA-256 on the way.
   */
  default java.nio.file.Path original(Image image) {
    return files(image).original();
  }

  /**
   * The original decoded at full size and turned upright (EXIF orientation), for a 1:1 look. Slow
   * and large: call it off any UI thread, one at a time.
   */
  BufferedImage decodeOriginal(long id);
}
