package frame.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A settings file of the data folder: defaults without it, clear errors, whole owner-only writes. */
class SettingsFileTest {
  @TempDir Path dataDir;

  @Test
  void a_missing_file_gives_every_default() {
    Settings settings = SettingsFile.in(dataDir, "archive.properties").read();
    assertThat(settings.duration("scrub-every", Duration.ofDays(7))).isEqualTo(Duration.ofDays(7));
    assertThat(settings.whole("first-wait-ms", 15_000L)).isEqualTo(15_000L);
    assertThat(settings.onOff("analysis", true)).isTrue();
    assertThat(settings.text("name", "none")).isEqualTo("none");
  }

  @Test
  void values_written_by_hand_are_read_stripped() throws Exception {
    Files.writeString(dataDir.resolve("archive.properties"),
        "# mine\nscrub-every = PT12H \nfirst-wait-ms=200\nanalysis=OFF\n");
    Settings settings = SettingsFile.in(dataDir, "archive.properties").read();
    assertThat(settings.duration("scrub-every", Duration.ofDays(7))).isEqualTo(Duration.ofHours(12));
    assertThat(settings.wholeInt("first-wait-ms", 0)).isEqualTo(200);
    assertThat(settings.onOff("analysis", true)).isFalse();
  }

  @Test
  void a_value_that_cannot_be_read_names_the_file_the_key_and_the_value() throws Exception {
    Path file = Files.writeString(dataDir.resolve("archive.properties"),
        "scrub-every=weekly\nfirst-wait-ms=soon\nanalysis=maybe\n");
    Settings settings = SettingsFile.in(dataDir, "archive.properties").read();
    assertThatThrownBy(() -> settings.duration("scrub-every", Duration.ofDays(7)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(file + ": scrub-every=weekly is not an ISO duration (P7D is a week, P1D a day, PT12H twelve hours)");
    assertThatThrownBy(() -> settings.whole("first-wait-ms", 1))
        .hasMessage(file + ": first-wait-ms=soon is not a whole number");
    assertThatThrownBy(() -> settings.onOff("analysis", true))
        .hasMessage(file + ": analysis=maybe must be on or off");
    assertThatThrownBy(() -> settings.make(() -> {
      throw new IllegalArgumentException("scrub-sample-percent is a percentage from 1 to 100");
    })).hasMessage(file + ": scrub-sample-percent is a percentage from 1 to 100");
    assertThat(Files.readString(file)).as("left for the person to mend").startsWith("scrub-every=weekly");
  }

  @Test
  void a_write_keeps_the_other_keys_and_replaces_the_file_whole_and_private() throws Exception {
    Path file = Files.writeString(dataDir.resolve("culling.properties"), "analysis=on\nmine=kept\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    SettingsFile settings = SettingsFile.in(dataDir, "culling.properties");

    settings.write(Map.of("analysis", "off"), "FRAME culling");

    assertThat(Files.readAllLines(file)).containsExactly("analysis=off", "mine=kept");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    try (var left = Files.list(dataDir)) {
      assertThat(left).as("nothing aside is left").containsExactly(file);
    }
    assertThat(settings.read().onOff("analysis", true)).isFalse();
  }

  @Test
  void the_first_write_makes_the_file() {
    SettingsFile settings = SettingsFile.in(dataDir, "culling.properties");
    assertThat(settings.modified()).isNull();
    settings.write(Map.of("analysis", "off"), "FRAME culling");
    assertThat(settings.modified()).isNotNull();
    assertThat(settings.path()).hasContent("# FRAME culling\nanalysis=off");
    assertThat(settings.read().text("analysis", "on")).isEqualTo("off");
  }

  @Test
  void a_write_keeps_what_a_person_wrote_around_the_keys_it_changes() throws Exception {
    Path file = Files.writeString(dataDir.resolve("archive.properties"), """
        # Scrub the studio disk every night.
        scrub-every = PT24H

        ! the NAS is slow: a long first wait
        first-wait-ms=20000
        notes=one \\
          two
        """);
    SettingsFile settings = SettingsFile.in(dataDir, "archive.properties");

    settings.write(Map.of("first-wait-ms", "500", "notes", "a=b", "catalogue-backups-kept", "9"), "FRAME archive");

    assertThat(Files.readString(file)).isEqualTo("""
        # Scrub the studio disk every night.
        scrub-every = PT24H

        ! the NAS is slow: a long first wait
        first-wait-ms=500
        notes=a\\=b
        catalogue-backups-kept=9
        """);
    Settings read = settings.read();
    assertThat(read.text("notes", "")).isEqualTo("a=b");
    assertThat(read.duration("scrub-every", Duration.ZERO)).isEqualTo(Duration.ofHours(24));
    assertThat(read.whole("catalogue-backups-kept", 7L)).isEqualTo(9L);
  }
}
