package frame.core.pipeline;

import frame.core.job.JobType;

/** Job types as a photographer reads them. */
public final class StepNames {
  private StepNames() {}

  public static String of(JobType type) {
    return switch (type) {
      case OFFLOAD_ORIGINAL -> "Storing the original";
      case THUMBNAIL_GENERATION -> "Making thumbnails";
      case PREVIEW_GENERATION -> "Making the preview";
      case EXIF_ENRICHMENT -> "Reading metadata";
      case PERCEPTUAL_HASH -> "Finding similar photos";
      case SHARPNESS -> "Measuring sharpness";
      case NOOP -> "No-op";
    };
  }
}
