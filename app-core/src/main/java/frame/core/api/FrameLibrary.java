package frame.core.api;

import frame.core.api.bench.Benchmarks;
import frame.core.api.config.FrameConfig;
import frame.core.api.library.Image;
import frame.core.api.library.ImageFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * An open FRAME library: its ports, until closed. One database, one store, one job runner per
 * process. Opened through {@link #open}, which finds the engine on the class path.
 */
public interface FrameLibrary extends AutoCloseable {
  Ports ports();

  FrameConfig config();

  @Override
  void close();

  /** Opens FRAME on a data folder and starts its job runner. */
  static FrameLibrary open(FrameConfig config) {
    return Engine.get().open(config, true);
  }

  /** Opens FRAME without a job runner: for a command that lists, pairs or shows, and exits. */
  static FrameLibrary openWithoutRunner(FrameConfig config) {
    return Engine.get().open(config, false);
  }

  /**
   * The pid of the FRAME running on this data folder now (window, {@code frame serve} or any
   * other), if one is.
   */
  static OptionalLong runningOn(Path dataDir) {
    return Engine.get().runningOn(dataDir);
  }

  /** Where a photo's files are in a data folder, for a process that reads them without opening FRAME. */
  static ImageFiles filesIn(FrameConfig config, Image image) {
    return Engine.get().filesIn(config, image);
  }

  /**
   * The codecs this machine uses, one line per family ("HEIC/HEIF/AVIF: libheif 1.15.1 (native)"),
   * for {@code frame --version} and the About box. Loads the native libraries if not yet loaded.
   */
  static List<String> codecs() {
    return Engine.get().codecs();
  }

  /** What {@code frame bench} measures inside the core. */
  static Benchmarks benchmarks() {
    return Engine.get().benchmarks();
  }
}
