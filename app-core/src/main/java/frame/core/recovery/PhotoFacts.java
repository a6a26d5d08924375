package frame.core.recovery;

import frame.core.api.FrameException;
import frame.core.api.library.ImageFormat;
import frame.core.archive.ArchivedPhoto;
import frame.core.archive.RecoverySource;
import frame.core.image.ImageRepository.NewImage;
import frame.core.ingest.FileNames;
import frame.core.media.ImageHeader;
import frame.core.media.PhotoMetadata;
import java.time.Instant;

/**
 * What a recovered photo's row is made of: its sidecar's facts, checked against the bytes read
 * from the archive; or, with no readable sidecar, what the file itself says (hash, format, size,
 * EXIF taken-at and camera) and a name from the archive's key.
 */
record PhotoFacts(NewImage image, ArchivedPhoto marks) {

  /** An archived file that cannot come back as a photo, and why. */
  static final class Unusable extends Exception {
    Unusable(String reason) {
      super(reason);
    }
  }

  Instant importedAt(Instant now) {
    return marks.importedAt() == null ? now : marks.importedAt();
  }

  static PhotoFacts of(String key, RecoverySource.Found sidecar, FetchedOriginal fetched) throws Unusable {
    if (sidecar instanceof RecoverySource.Found.Read(ArchivedPhoto photo)) return fromSidecar(key, photo, fetched);
    return fromFile(key, fetched);
  }

  private static PhotoFacts fromSidecar(String key, ArchivedPhoto photo, FetchedOriginal fetched) throws Unusable {
    if (!photo.sha256().equals(fetched.sha256()) || (photo.size() >= 0 && photo.size() != fetched.size())) {
      throw new Unusable("its bytes (" + fetched.size() + " bytes, SHA-256 " + fetched.sha256()
          + ") do not match its sidecar's SHA-256 " + photo.sha256() + ": the copy on the archive is damaged");
    }
    ImageFormat format = photo.format() != null ? photo.format() : sniff(fetched);
    int width = photo.width();
    int height = photo.height();
    if (width <= 0 || height <= 0) {
      ImageHeader header = header(fetched, format);
      width = header.width();
      height = header.height();
    }
    String name = photo.originalName() == null ? nameOf(key, fetched.sha256(), format) : photo.originalName();
    return new PhotoFacts(new NewImage(fetched.sha256(), format, width, height, fetched.size(),
        FileNames.displayName(name), photo.takenAt(), photo.cameraMake(), photo.cameraModel()), photo);
  }

  private static PhotoFacts fromFile(String key, FetchedOriginal fetched) throws Unusable {
    ImageFormat format = sniff(fetched);
    ImageHeader header = header(fetched, format);
    PhotoMetadata.Basics basics = PhotoMetadata.basics(fetched.file(), format);
    String name = nameOf(key, fetched.sha256(), format);
    NewImage image = new NewImage(fetched.sha256(), format, header.width(), header.height(), fetched.size(),
        FileNames.displayName(name), basics.takenAt(), basics.cameraMake(), basics.cameraModel());
    ArchivedPhoto facts = new ArchivedPhoto(fetched.sha256(), name, format, fetched.size(), header.width(),
        header.height(), basics.takenAt(), basics.cameraMake(), basics.cameraModel(), null, null, 0, null, null, null);
    return new PhotoFacts(image, facts);
  }

  /** The camera's name on a folder target; an S3 key is the hash itself, which names nothing. */
  static String nameOf(String key, String sha256, ImageFormat format) {
    String last = key.substring(key.lastIndexOf('/') + 1);
    if (last.startsWith(sha256)) return "recovered-" + sha256.substring(0, 12) + "." + format.extension();
    return last;
  }

  private static ImageFormat sniff(FetchedOriginal fetched) throws Unusable {
    try {
      return fetched.sniff();
    } catch (FrameException e) {
      throw new Unusable("not a photo FRAME can read: " + e.getMessage());
    }
  }

  private static ImageHeader header(FetchedOriginal fetched, ImageFormat format) throws Unusable {
    try {
      return ImageHeader.read(fetched.file(), format);
    } catch (FrameException e) {
      throw new Unusable("its header cannot be read: " + e.getMessage());
    }
  }
}
