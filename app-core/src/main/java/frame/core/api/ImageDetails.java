package frame.core.api;

import frame.core.api.library.DetailText;
import frame.core.api.library.ExifSummary;
import frame.core.api.library.Image;
import frame.core.api.library.ImageFiles;
import frame.core.api.jobs.Job;
import java.util.List;
import java.util.Optional;

/**
 * Everything about one image: its row, its metadata (once read), its jobs and its files, and
 * {@code previewNote}: for a camera RAW whose embedded preview is smaller than FRAME's preview,
 * how it is shown (developed with LibRaw, or that preview and why: LibRaw missing or unable).
 */
public record ImageDetails(Image image, Optional<ExifSummary> exif, List<Job> jobs, ImageFiles files,
    Optional<String> previewNote) {

  /**
   * The camera as one name ("Canon EOS 6D", the make not repeated), from the full metadata once
   * read, else from the library row; empty when the photo names none.
   */
  public Optional<String> camera() {
    return exif.isPresent() ? DetailText.camera(exif.get().cameraMake(), exif.get().cameraModel())
        : DetailText.camera(image.cameraMake(), image.cameraModel());
  }

  /** When the photo was taken, as a person reads it ("6 Jun 2019, 07:29:51 +02:00"); empty when unknown. */
  public Optional<String> dateTaken() {
    String stored = exif.map(ExifSummary::takenAt).orElse(null);
    return DetailText.dateTaken(stored != null ? stored : image.takenAt());
  }
}
