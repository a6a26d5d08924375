package frame.core;

import frame.core.api.bench.Benchmarks;
import frame.core.api.config.DatabaseLogin;
import frame.core.api.library.ImageFormat;
import frame.core.media.color.RgbProfiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What {@code frame bench} measures inside the core (see {@link Benchmarks}). */
final class Benchmarking implements Benchmarks {
  @Override
  public List<PhotoStages> stages(List<Path> photos) {
    return StageTimings.measure(photos);
  }

  @Override
  public double limitMillisPerPhoto(List<Path> photos) {
    return StageTimings.limit(photos);
  }

  @Override
  public String fastestCodec() {
    return StageTimings.codec();
  }

  @Override
  public Optional<ImageFormat> formatOf(Path file) {
    return StageTimings.formatOf(file);
  }

  @Override
  public byte[] displayP3Profile() {
    return RgbProfiles.displayP3();
  }

  @Override
  public double databaseMillisPerPhoto(Path dataDir, int photos) {
    return RunnerTimings.databaseMillisPerPhoto(dataDir, photos);
  }

  @Override
  public double noopJobsPerSecond(Path dataDir, int jobs, int workers) throws Exception {
    return RunnerTimings.noopJobsPerSecond(dataDir, jobs, workers);
  }

  @Override
  public ScratchDatabase scratchPostgres(String serverUrl, DatabaseLogin login) {
    return ScratchPostgres.create(serverUrl, login);
  }
}
