package frame.core.api.library;

/**
 * The full metadata of an image: key fields as values (null where the photo has none) and every
 * directory metadata-extractor could read as JSON ({@code {"Exif IFD0": {"Make": "..."}}}).
 * {@code problems} lists what could not be read; a broken tag leaves the rest intact.
 */
public record ExifSummary(
    String takenAt,
    String cameraMake,
    String cameraModel,
    String lens,
    String exposureTime,
    Double fNumber,
    Integer iso,
    Double focalLength,
    Double gpsLatitude,
    Double gpsLongitude,
    String directoriesJson,
    String problems) {}
