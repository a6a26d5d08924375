package frame.core.api.jobs;

import java.util.EnumSet;
import java.util.Set;

/** What a job does; see the handlers in {@code frame.core.pipeline}. */
public enum JobType {
  /** Marks the image PROCESSING and enqueues the three derived jobs (this phase: no file move). */
  OFFLOAD_ORIGINAL,
  /** 64, 128, 256 and 512 px centre-cropped squares. */
  THUMBNAIL_GENERATION,
  /** A web preview, longest side at most 2000 px. */
  PREVIEW_GENERATION,
  /** Every metadata directory of the original, kept queryable. */
  EXIF_ENRICHMENT,
  /** Copies the original to one archive target, reads it back and records the verified copy. */
  ARCHIVE_ORIGINAL,
  /** A 64-bit perceptual hash of the preview, then the photo's place in a stack (background). */
  PERCEPTUAL_HASH,
  /** The focus measure of the preview (background); the sharpest frame goes on top of its stack. */
  SHARPNESS,
  /** Does nothing: measures the runner itself (benchmark, tests). */
  NOOP;

  /** What the job is doing, as a sentence ends: "... while making the preview". */
  public String activity() {
    return switch (this) {
      case OFFLOAD_ORIGINAL -> "storing the original";
      case THUMBNAIL_GENERATION -> "making the thumbnails";
      case PREVIEW_GENERATION -> "making the preview";
      case EXIF_ENRICHMENT -> "reading the metadata";
      case ARCHIVE_ORIGINAL -> "archiving the original";
      case PERCEPTUAL_HASH -> "comparing it with similar photos";
      case SHARPNESS -> "measuring its sharpness";
      case NOOP -> "running a no-op job";
    };
  }

  /**
   * Analysis for culling: runs at background priority after the preview, from the preview, and
   * never fails its photo (a photo without a sharpness is still a photo).
   */
  public boolean isAnalysis() {
    return ANALYSIS.contains(this);
  }

  /** The analysis jobs each photo gets once its preview exists. */
  public static final Set<JobType> ANALYSIS = EnumSet.of(PERCEPTUAL_HASH, SHARPNESS);

  /** The step as a photographer reads it: "Making the preview". */
  public String stepName() {
    return switch (this) {
      case OFFLOAD_ORIGINAL -> "Storing the original";
      case THUMBNAIL_GENERATION -> "Making thumbnails";
      case PREVIEW_GENERATION -> "Making the preview";
      case EXIF_ENRICHMENT -> "Reading metadata";
      case ARCHIVE_ORIGINAL -> "Archiving the original";
      case PERCEPTUAL_HASH -> "Finding similar photos";
      case SHARPNESS -> "Measuring sharpness";
      case NOOP -> "No-op";
    };
  }

  /** The jobs that make an image PROCESSED once all of them completed. */
  public static final Set<JobType> DERIVED =
      EnumSet.of(THUMBNAIL_GENERATION, PREVIEW_GENERATION, EXIF_ENRICHMENT);
}
