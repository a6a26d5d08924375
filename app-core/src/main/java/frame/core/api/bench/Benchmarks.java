package frame.core.api.bench;

import frame.core.api.config.DatabaseLogin;
import frame.core.api.library.ImageFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code frame bench} measures inside the core: the pipeline's stages timed one by one on real
 * files, the physical limit of the fastest codec here, and the job runner's own cost with no-op
 * jobs. Nothing here is used by FRAME itself; the ports serve the rest of the bench.
 */
public interface Benchmarks {
  /** Each photo's stages, as the pipeline runs them (the first pass warms the JIT and is not kept). */
  List<PhotoStages> stages(List<Path> photos);

  /**
   * The physical limit per photo on one core, in ms: decode at the scale a 2000 px preview needs
   * plus the progressive preview encode, with the fastest codec on this machine (named by
   * {@link #fastestCodec()}), nothing else.
   */
  double limitMillisPerPhoto(List<Path> photos);

  /** "libjpeg-turbo (...)" when the native library is in use, else "FRAME's Java codec". */
  String fastestCodec();

  /** The format a file's bytes say it is, empty when FRAME does not take it. */
  Optional<ImageFormat> formatOf(Path file);

  /** A Display P3 ICC profile (a wide-gamut space phones write), to tag generated test photos with. */
  byte[] displayP3Profile();

  /** The database's share of one photo on one thread: four jobs enqueued, claimed and completed, each durable. */
  double databaseMillisPerPhoto(Path dataDir, int photos);

  /** No-op jobs per second through the real runner and durable database. */
  double noopJobsPerSecond(Path dataDir, int jobs, int workers) throws Exception;

  /** A throw-away PostgreSQL database on {@code serverUrl}, dropped when closed. */
  ScratchDatabase scratchPostgres(String serverUrl, DatabaseLogin login);

  /** Milliseconds of one photo's stages, one after another on the calling thread. */
  record PhotoStages(Path file, int width, int height, String decodePath, boolean iccProfile, double hash,
      double decode, double working, double renditions, double encodePreview, double encodeThumbnails,
      double exif) {
    public double total() {
      return hash + decode + working + renditions + encodePreview + encodeThumbnails + exif;
    }
  }

  /** A scratch database and the counts a multi-node bench watches. */
  interface ScratchDatabase extends AutoCloseable {
    String url();

    void enqueueNoops(int count);

    long completedJobs();

    /** Whether a job is still PENDING or RUNNING: one row looked up, so watching costs the database little. */
    boolean anyUnfinished();

    long finishedImages();

    long aliveNodes();

    /**
     * Empties the job tables while the nodes stay up (the job ids go on from where they were), so
     * the next jobs meet the tables and indexes a new database's first jobs met, not the ones
     * hundreds of thousands of earlier jobs grew and bloated. Only while no job is live.
     */
    void emptyJobTables();

    @Override
    void close();
  }
}
