package frame.core;

import frame.core.image.ImageFormat;
import frame.core.media.color.RgbProfiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code frame bench} needs to run inside the core: the pipeline's stages timed one by one
 * on real files, the physical limit of the fastest codec here, and the job runner's own cost
 * with no-op jobs. Nothing here is used by FRAME itself; the facade serves the rest of the bench.
 */
public final class Benchmarking {
  private Benchmarking() {}

  /** Milliseconds of one photo's stages, one after another on the calling thread. */
  public record PhotoStages(Path file, int width, int height, String decodePath, boolean iccProfile, double hash,
      double decode, double working, double renditions, double encodePreview, double encodeThumbnails,
      double exif) {
    public double total() {
      return hash + decode + working + renditions + encodePreview + encodeThumbnails + exif;
    }
  }

  /** Each photo's stages, as the pipeline runs them (the first pass over the photos warms the JIT and is not kept). */
  public static List<PhotoStages> stages(List<Path> photos) {
    return StageTimings.measure(photos);
  }

  /**
   * The physical limit per photo on one core, in ms: decode at the scale a 2000 px preview needs
   * plus the progressive preview encode, with the fastest codec on this machine (named by
   * {@link #fastestCodec()}), nothing else: no scaling filter, thumbnails, database or disk.
   */
  public static double limitMillisPerPhoto(List<Path> photos) {
    return StageTimings.limit(photos);
  }

  /** "libjpeg-turbo (...)" when the native library is in use, else "ImageIO (libjpeg-turbo not loaded)". */
  public static String fastestCodec() {
    return StageTimings.codec();
  }

  /** The format a file's bytes say it is, empty when FRAME does not take it. */
  public static Optional<ImageFormat> formatOf(Path file) {
    return StageTimings.formatOf(file);
  }

  /** A Display P3 ICC profile (a wide-gamut space phones write), to tag generated test photos with. */
  public static byte[] displayP3Profile() {
    return RgbProfiles.displayP3();
  }

  /** The database's share of one photo on one thread: four jobs enqueued, claimed and completed, each step durable. */
  public static double databaseMillisPerPhoto(Path dataDir, int photos) {
    return RunnerTimings.databaseMillisPerPhoto(dataDir, photos);
  }

  /** No-op jobs per second through the real runner and durable database. */
  public static double noopJobsPerSecond(Path dataDir, int jobs, int workers) throws Exception {
    return RunnerTimings.noopJobsPerSecond(dataDir, jobs, workers);
  }
}
