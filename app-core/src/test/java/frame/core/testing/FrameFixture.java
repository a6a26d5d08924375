package frame.core.testing;

import static org.awaitility.Awaitility.await;

import frame.core.Frame;
import frame.core.api.config.FrameConfig;
import frame.core.api.library.Image;
import frame.core.api.library.ImageQuery;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Opens real FRAMEs on temp data folders and waits for their work, with a deadline. */
public final class FrameFixture {
  private FrameFixture() {}

  public static FrameConfig config(Path dataDir) {
    return FrameConfig.inDataDir(dataDir).withWorkers(2).withPollInterval(Duration.ofMillis(200));
  }

  public static Frame open(Path dataDir) {
    return Frame.open(config(dataDir));
  }

  /** Polls until every image is PROCESSED or FAILED; fails the test after {@code timeout}. */
  public static List<Image> awaitAllFinal(Frame frame, Duration timeout) {
    return await("every image PROCESSED or FAILED").atMost(timeout).pollInterval(Duration.ofMillis(20))
        .until(() -> frame.ports().library().list(ImageQuery.all()), images -> images.stream().allMatch(i -> i.state().isFinal()));
  }

}
