package frame.core.api;

import frame.core.api.bench.Benchmarks;
import frame.core.api.config.FrameConfig;
import frame.core.api.library.Image;
import frame.core.api.library.ImageFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.ServiceLoader;

/**
 * What the core's engine provides to {@link FrameLibrary}: found with {@link ServiceLoader}, so
 * this package names no engine class.
 */
public interface Engine {
  FrameLibrary open(FrameConfig config, boolean startRunner);

  OptionalLong runningOn(Path dataDir);

  ImageFiles filesIn(FrameConfig config, Image image);

  List<String> codecs();

  Benchmarks benchmarks();

  /** The engine on the class path. */
  static Engine get() {
    return Holder.ENGINE;
  }

  /** Loaded once, on first use. */
  final class Holder {
    private static final Engine ENGINE = ServiceLoader.load(Engine.class).findFirst()
        .orElseThrow(() -> new IllegalStateException("FRAME's engine (app-core) is not on the class path"));

    private Holder() {}
  }
}
