package frame.core.media;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.metadata.exif.ExifReader;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.Tag;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.exif.PanasonicRawIFD0Directory;
import com.drew.metadata.xmp.XmpReader;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frame.core.api.library.ExifSummary;
import frame.core.api.library.ImageFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads all the metadata of a photo with metadata-extractor. Like the library itself it returns
 * what it could read and lists the problems: one broken tag never fails a photo.
 */
public final class PhotoMetadata {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PhotoMetadata() {}

  public static ExifSummary read(Path file) {
    List<String> problems = new ArrayList<>();
    Metadata metadata;
    try {
      Optional<Metadata> fromContainer = ContainerExif.read(file);
      metadata = fromContainer.isPresent() ? fromContainer.get() : ImageMetadataReader.readMetadata(file.toFile());
    } catch (Exception | StackOverflowError e) {
      problems.add("metadata unreadable: " + e.getMessage());
      return new ExifSummary(null, null, null, null, null, null, null, null, null, null, "{}", String.join("\n", problems));
    }
    Directory ifd0 = ifd0(metadata);
    ExifSubIFDDirectory sub = Exif.settings(metadata);
    GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
    GeoLocation location = field(problems, "GPS", () -> gps == null ? null : gps.getGeoLocation());
    for (Directory directory : metadata.getDirectories()) {
      for (String error : directory.getErrors()) problems.add(directory.getName() + ": " + error);
    }
    return new ExifSummary(
        field(problems, "date taken", () -> CaptureTime.of(metadata, ifd0)),
        field(problems, "make", () -> text(ifd0, ExifIFD0Directory.TAG_MAKE)),
        field(problems, "model", () -> text(ifd0, ExifIFD0Directory.TAG_MODEL)),
        field(problems, "lens", () -> text(sub, ExifSubIFDDirectory.TAG_LENS_MODEL)),
        field(problems, "exposure", () -> sub == null ? null : sub.getDescription(ExifSubIFDDirectory.TAG_EXPOSURE_TIME)),
        field(problems, "aperture", () -> sub == null ? null : sub.getDoubleObject(ExifSubIFDDirectory.TAG_FNUMBER)),
        field(problems, "ISO", () -> sub == null ? null : sub.getInteger(ExifSubIFDDirectory.TAG_ISO_EQUIVALENT)),
        field(problems, "focal length", () -> sub == null ? null : sub.getDoubleObject(ExifSubIFDDirectory.TAG_FOCAL_LENGTH)),
        location == null || location.isZero() ? null : location.getLatitude(),
        location == null || location.isZero() ? null : location.getLongitude(),
        directoriesJson(metadata, problems),
        problems.isEmpty() ? null : String.join("\n", problems));
  }

  /** What the library row needs at import: the date taken, make and model, and the marks in embedded XMP. */
  public record Basics(String takenAt, String cameraMake, String cameraModel, XmpMarks marks) {
    static final Basics NONE = new Basics(null, null, null, XmpMarks.NONE);
  }

  /**
   * The {@link Basics}, read while a photo is imported: from a JPEG's EXIF and XMP segments alone, with
   * no tag descriptions and no JSON, since an upload waits for it. The full read comes later, in
   * the metadata job. Unreadable metadata is no basics, never a failed import.
   */
  public static Basics basics(Path file, ImageFormat format) {
    try {
      Optional<Metadata> fromContainer = format == ImageFormat.JPEG ? Optional.empty() : ContainerExif.read(file);
      Metadata metadata = fromContainer.isPresent() ? fromContainer.get()
          : format == ImageFormat.JPEG ? JpegMetadataReader.readMetadata(file.toFile(), List.of(new ExifReader(), new XmpReader()))
          : ImageMetadataReader.readMetadata(file.toFile());
      Directory ifd0 = ifd0(metadata);
      List<String> ignored = new ArrayList<>();
      return new Basics(field(ignored, "date taken", () -> CaptureTime.of(metadata, ifd0)),
          field(ignored, "make", () -> text(ifd0, ExifIFD0Directory.TAG_MAKE)),
          field(ignored, "model", () -> text(ifd0, ExifIFD0Directory.TAG_MODEL)),
          Objects.requireNonNullElse(field(ignored, "XMP", () -> XmpMarks.of(metadata)), XmpMarks.NONE));
    } catch (Exception | StackOverflowError e) {
      return Basics.NONE;
    }
  }

  /** IFD0, wherever the reader filed it: RW2's is a Panasonic directory of its own. */
  private static Directory ifd0(Metadata metadata) {
    Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
    return ifd0 != null ? ifd0 : metadata.getFirstDirectoryOfType(PanasonicRawIFD0Directory.class);
  }

  private static String text(Directory directory, int tag) {
    if (directory == null) return null;
    String value = directory.getString(tag);
    if (value == null) return null;
    String trimmed = value.replace('\0', ' ').trim();
    return trimmed.isEmpty() ? null : trimmed.substring(0, Math.min(trimmed.length(), 120));
  }

  private static String directoriesJson(Metadata metadata, List<String> problems) {
    ObjectNode root = JSON.createObjectNode();
    for (Directory directory : metadata.getDirectories()) {
      ObjectNode node = root.has(directory.getName()) ? (ObjectNode) root.get(directory.getName()) : root.putObject(directory.getName());
      for (Tag tag : directory.getTags()) {
        try {
          String description = tag.getDescription();
          if (description != null) node.put(tag.getTagName(), clean(description));
        } catch (RuntimeException e) {
          problems.add(directory.getName() + "/" + tag.getTagName() + ": " + e.getMessage());
        }
      }
    }
    return root.toString();
  }

  private static String clean(String text) {
    String noControls = text.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "");
    return noControls.length() > 2000 ? noControls.substring(0, 2000) + "..." : noControls;
  }

  private static <T> T field(List<String> problems, String name, Supplier<T> read) {
    try {
      return read.get();
    } catch (RuntimeException e) {
      problems.add(name + ": " + e.getMessage());
      return null;
    }
  }
}
