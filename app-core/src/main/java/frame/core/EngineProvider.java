package frame.core;

import frame.core.api.Engine;
import frame.core.api.FrameLibrary;
import frame.core.api.bench.Benchmarks;
import frame.core.api.config.FrameConfig;
import frame.core.api.library.Image;
import frame.core.api.library.ImageFiles;
import frame.core.db.DataFolderLock;
import frame.core.media.Codecs;
import frame.core.store.FileStore;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/** The core's engine as {@link FrameLibrary} finds it (registered in META-INF/services). */
public final class EngineProvider implements Engine {
  @Override
  public FrameLibrary open(FrameConfig config, boolean startRunner) {
    return Frame.open(config, Frame.nodeClock(), Frame.settingsFor(config), startRunner);
  }

  @Override
  public OptionalLong runningOn(Path dataDir) {
    return DataFolderLock.holder(dataDir);
  }

  @Override
  public ImageFiles filesIn(FrameConfig config, Image image) {
    return new FileStore(config.storageDir()).filesOf(image);
  }

  @Override
  public List<String> codecs() {
    return Codecs.describe();
  }

  @Override
  public Benchmarks benchmarks() {
    return new Benchmarking();
  }
}
