package frame.core.media;

import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * When a photo was taken: the Exif sub-IFD's DateTimeOriginal, with SubSecTimeOriginal and
 * OffsetTimeOriginal where the camera wrote them, from whichever Exif directory holds it (a DNG or
 * NEF also files its raw SubIFDs as Exif sub-IFDs, so the first one is often not it). IFD0's
 * DateTime is when the file was last written (a DNG converter's run), used only when no original
 * time exists. Written as ISO-8601: {@code 2019-06-06T07:29:51.120+02:00}, seconds always there.
 */
final class CaptureTime {
  private static final DateTimeFormatter EXIF_DATE = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");
  private static final DateTimeFormatter STORED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  private CaptureTime() {}

  static String of(Metadata metadata, Directory ifd0) {
    Optional<ExifSubIFDDirectory> original = Exif.subIfdWith(metadata, ExifDirectoryBase.TAG_DATETIME_ORIGINAL);
    if (original.isPresent()) {
      Directory exif = original.get();
      return format(exif.getString(ExifDirectoryBase.TAG_DATETIME_ORIGINAL),
          exif.getString(ExifDirectoryBase.TAG_SUBSECOND_TIME_ORIGINAL),
          exif.getString(ExifDirectoryBase.TAG_TIME_ZONE_ORIGINAL));
    }
    if (ifd0 == null) return null;
    return format(ifd0.getString(ExifIFD0Directory.TAG_DATETIME), ifd0.getString(ExifDirectoryBase.TAG_SUBSECOND_TIME),
        ifd0.getString(ExifDirectoryBase.TAG_TIME_ZONE));
  }

  static String format(String dateTime, String subSeconds, String offset) {
    if (dateTime == null || dateTime.isBlank()) return null;
    String text = STORED.format(LocalDateTime.parse(dateTime.trim().substring(0, 19), EXIF_DATE));
    String digits = subSeconds == null ? "" : subSeconds.trim().replaceAll("[^0-9]", "");
    if (!digits.isEmpty()) text += "." + (digits + "00").substring(0, 3);
    if (offset != null && !offset.isBlank()) {
      try {
        text += ZoneOffset.of(offset.trim()).getId().replace("Z", "+00:00");
      } catch (java.time.DateTimeException unreadable) {
        // a camera's odd offset: the local time alone is still right
      }
    }
    return text;
  }
}
