package frame.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import frame.ui.StartupCacheStamp.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A copied app image's jar gets its trained time back only when its bytes are the trained ones. */
class StartupCacheStampTest {
  private static final long TRAINED = 1_796_000_000L;

  @TempDir Path app;

  @Test
  void a_copy_with_a_new_time_gets_the_trained_time_back() throws Exception {
    Path jar = jar("the trained classes");
    Path stamp = stamp(jar);
    Files.setLastModifiedTime(jar, FileTime.from(TRAINED + 3_600, TimeUnit.SECONDS));

    assertThat(StartupCacheStamp.restore(jar, stamp)).isEqualTo(Outcome.RESTORED);

    assertThat(Files.getLastModifiedTime(jar).to(TimeUnit.SECONDS)).isEqualTo(TRAINED);
    assertThat(StartupCacheStamp.restore(jar, stamp)).isEqualTo(Outcome.IN_STEP);
  }

  @Test
  void a_jar_with_other_bytes_keeps_its_time_so_the_jvm_refuses_the_stale_cache() throws Exception {
    Path jar = jar("the trained classes");
    Path stamp = stamp(jar);
    Files.writeString(jar, "rebuilt classes, same size");
    FileTime rebuilt = FileTime.from(TRAINED + 60, TimeUnit.SECONDS);
    Files.setLastModifiedTime(jar, rebuilt);

    assertThat(StartupCacheStamp.restore(jar, stamp)).isEqualTo(Outcome.OTHER_JAR);

    assertThat(Files.getLastModifiedTime(jar)).isEqualTo(rebuilt);
  }

  @Test
  void without_a_stamp_nothing_is_touched() throws Exception {
    Path jar = jar("classes of a build without a cache");
    FileTime before = Files.getLastModifiedTime(jar);

    assertThat(StartupCacheStamp.restore(jar, app.resolve(StartupCacheStamp.FILE_NAME))).isEqualTo(Outcome.NO_STAMP);

    assertThat(Files.getLastModifiedTime(jar)).isEqualTo(before);
  }

  @Test
  void a_damaged_stamp_is_a_clear_error_and_touches_nothing() throws Exception {
    Path jar = jar("the trained classes");
    Path stamp = Files.writeString(app.resolve(StartupCacheStamp.FILE_NAME), "jar-mtime=yesterday\njar-sha256=00\n");
    FileTime before = Files.getLastModifiedTime(jar);

    assertThatThrownBy(() -> StartupCacheStamp.restore(jar, stamp)).isInstanceOf(IOException.class)
        .hasMessageContaining("jar-mtime");

    assertThat(Files.getLastModifiedTime(jar)).isEqualTo(before);
  }

  private Path jar(String content) throws IOException {
    return Files.writeString(app.resolve("frame.jar"), content);
  }

  /** As the packaging writes it: the jar's time in seconds and its SHA-256. */
  private Path stamp(Path jar) throws Exception {
    Files.setLastModifiedTime(jar, FileTime.from(TRAINED, TimeUnit.SECONDS));
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(jar)));
    return Files.writeString(app.resolve(StartupCacheStamp.FILE_NAME), "jar-mtime=" + TRAINED + "\njar-sha256=" + sha256 + "\n");
  }
}
