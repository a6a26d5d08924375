package frame.core.media.codec;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.nio.file.Path;

/** The EXIF orientation (1-8) of a file that carries it in its own metadata. */
public final class ExifOrientation {
  public static final int NORMAL = 1;

  private ExifOrientation() {}

  /** 1 (as stored) when absent or unreadable. */
  public static int of(Path file) {
    try {
      Metadata metadata = ImageMetadataReader.readMetadata(file.toFile());
      for (ExifIFD0Directory ifd0 : metadata.getDirectoriesOfType(ExifIFD0Directory.class)) {
        Integer value = ifd0.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
        if (value != null) return value;
      }
    } catch (Exception | StackOverflowError e) {
      // a broken metadata block leaves the photo as stored
    }
    return NORMAL;
  }
}
