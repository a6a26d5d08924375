package frame.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import frame.core.Frame;
import frame.core.image.ImageState;
import frame.core.testing.FrameFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A FRAME killed with kill -9 leaves HSQLDB's lock file behind, its heartbeat seconds old; HSQLDB
 * alone would refuse the database for ten seconds more. Restarted at once, FRAME opens it (the
 * data folder's own lock, which the OS dropped with the dead process, says nobody else uses it).
 */
class LeftoverLockTest {
  @TempDir Path dataDir;

  @Test
  void a_frame_restarted_right_after_a_kill_opens_its_database() throws Exception {
    Path lockFile = dataDir.resolve("db").resolve("frame.lck");
    byte[] leftBehind;
    try (Frame frame = FrameFixture.open(dataDir)) {
      leftBehind = Files.readAllBytes(lockFile); // as it is while that FRAME runs: a fresh heartbeat
    }
    Files.write(lockFile, leftBehind); // what kill -9 leaves: the file, not the process

    // HSQLDB alone polls the leftover heartbeat until it is ten seconds old, and refuses the
    // database if it is not by then: a restart must neither wait for that nor fail on it
    Frame reopened = assertTimeoutPreemptively(Duration.ofSeconds(8), () -> FrameFixture.open(dataDir));
    try (Frame frame = reopened) {
      assertThat(frame.countImages(ImageState.PROCESSED)).isZero();
    }
  }
}
