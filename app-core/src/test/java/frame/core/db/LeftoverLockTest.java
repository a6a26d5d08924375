package frame.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import frame.core.Frame;
import frame.core.api.config.FrameConfig;
import frame.core.api.library.ImageState;
import frame.core.testing.FrameFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data folder's own lock (an OS lock, dropped with a killed process) is what keeps a second
 * FRAME out of an embedded database. HSQLDB's lock file is not used: its heartbeat would keep a
 * FRAME restarted right after kill -9 waiting for ten seconds, and its release sleeps a tenth of
 * a second at every exit.
 */
class LeftoverLockTest {
  @TempDir Path dataDir;

  @Test
  void a_running_frame_guards_its_database_with_the_data_folder_lock_alone() {
    try (Frame frame = FrameFixture.open(dataDir)) {
      assertThat(frame.ports().library().countIn(ImageState.PROCESSED)).isZero();
      assertThat(dataDir.resolve("frame.lock")).exists();
      assertThat(dataDir.resolve("db").resolve("frame.lck")).as("HSQLDB's own lock file").doesNotExist();
    }
  }

  @Test
  void a_frame_restarted_right_after_a_kill_opens_its_database() throws Exception {
    // What an older FRAME, which used HSQLDB's lock file, leaves when killed: the file with a
    // fresh heartbeat, not the process.
    String url = FrameConfig.inDataDir(dataDir).databaseUrl();
    Path lockFile = dataDir.resolve("db").resolve("frame.lck");
    byte[] leftBehind;
    try (Database database = Database.open(url, 2)) {
      leftBehind = Files.readAllBytes(lockFile);
    }
    Files.write(lockFile, leftBehind);

    // HSQLDB alone polls the leftover heartbeat until it is ten seconds old, and refuses the
    // database if it is not by then: a restart must neither wait for that nor fail on it
    Frame reopened = assertTimeoutPreemptively(Duration.ofSeconds(8), () -> FrameFixture.open(dataDir));
    try (Frame frame = reopened) {
      assertThat(frame.ports().library().countIn(ImageState.PROCESSED)).isZero();
    }
  }
}
