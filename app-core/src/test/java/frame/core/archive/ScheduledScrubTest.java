package frame.core.archive;

import static frame.core.archive.ArchiveFixture.awaitAll;
import static frame.core.archive.ArchiveFixture.importPhotos;
import static frame.core.archive.ArchiveFixture.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import frame.core.Frame;
import frame.core.api.archive.NewArchiveTarget;
import frame.core.api.archive.ScrubReport;
import frame.core.api.library.Image;
import frame.core.api.library.ImageState;
import frame.core.testing.SettableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduledScrubTest {
  @TempDir Path dataDir;
  @TempDir Path photos;
  @TempDir Path disk;

  @Test
  void a_frame_left_open_scrubs_by_itself_and_mends_a_damaged_copy() throws Exception {
    try (Frame frame = ArchiveFixture.open(dataDir, "scrub-every=PT0.3S", "scrub-sample-percent=100")) {
      Image image = importPhotos(frame, photos, 1, 70).get(0);
      frame.ports().archive().add(NewArchiveTarget.folder("usb", disk.toString()));
      awaitAll(frame, ImageState.STORED, Duration.ofSeconds(60));
      Path copy = disk.resolve(frame.ports().archive().copies(image.id()).get(0).key());
      byte[] bytes = Files.readAllBytes(copy);
      bytes[bytes.length / 2] ^= 0x01;
      Files.write(copy, bytes);

      // no command asked for it: the schedule finds the bad copy and mends it from the local original
      await("the damaged copy mended").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
          .until(() -> sha256(copy).equals(image.sha256()));
      // the time is recorded once the scrub that mended it returns, a moment after the copy is whole
      await("the scrub's time recorded").atMost(Duration.ofSeconds(10))
          .until(() -> Files.isRegularFile(dataDir.resolve(ScheduledScrub.LAST_RUN_FILE)));
      assertThat(Files.readString(dataDir.resolve(ScheduledScrub.LAST_RUN_FILE))).isNotBlank();
    }
  }

  @Test
  void it_scrubs_once_per_interval_with_the_planned_sample_across_restarts() throws Exception {
    SettableClock clock = new SettableClock(Instant.parse("2026-01-05T10:00:00Z"));
    List<Integer> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
    ScrubReport clean = new ScrubReport(3, 3, List.of());
    ScrubPlan plan = ScrubPlan.in(dataDir);
    assertThat(plan).isEqualTo(new ScrubPlan(Duration.ofDays(7), 5));
    try (ScheduledScrub schedule = new ScheduledScrub(p -> { asked.add(p); return clean; }, dataDir, plan, clock)) {
      schedule.scrubIfDue();
      schedule.scrubIfDue();
      assertThat(asked).containsExactly(5);
      clock.advance(Duration.ofDays(6));
    }
    // a restart six days later: not due yet; a day after that, it is
    try (ScheduledScrub schedule = new ScheduledScrub(p -> { asked.add(p); return clean; }, dataDir, plan, clock)) {
      schedule.scrubIfDue();
      assertThat(asked).hasSize(1);
      clock.advance(Duration.ofDays(1));
      schedule.scrubIfDue();
      assertThat(asked).containsExactly(5, 5);
    }
  }

  @Test
  void a_scrub_that_fails_is_tried_again_at_the_next_look() throws Exception {
    SettableClock clock = new SettableClock(Instant.parse("2026-01-05T10:00:00Z"));
    AtomicInteger calls = new AtomicInteger();
    try (ScheduledScrub schedule = new ScheduledScrub(p -> {
      if (calls.incrementAndGet() == 1) throw new IllegalStateException("target away");
      return new ScrubReport(1, 1, List.of());
    }, dataDir, ScrubPlan.standard(), clock)) {
      schedule.scrubIfDue();
      assertThat(Files.exists(dataDir.resolve(ScheduledScrub.LAST_RUN_FILE))).isFalse();
      schedule.scrubIfDue();
      assertThat(calls).hasValue(2);
      assertThat(Files.exists(dataDir.resolve(ScheduledScrub.LAST_RUN_FILE))).isTrue();
    }
  }

  @Test
  void bad_settings_are_refused_with_what_to_write() throws Exception {
    Files.writeString(dataDir.resolve(ArchiveSettings.FILE), "scrub-every=weekly\n");
    assertThatThrownBy(() -> ScrubPlan.in(dataDir)).hasMessageContaining("scrub-every=weekly is not an ISO duration");
    Files.writeString(dataDir.resolve(ArchiveSettings.FILE), "scrub-sample-percent=0\n");
    assertThatThrownBy(() -> ScrubPlan.in(dataDir)).hasMessageContaining("percentage from 1 to 100");
    Files.writeString(dataDir.resolve(ArchiveSettings.FILE), "scrub-every=PT12H\nscrub-sample-percent=10\n");
    assertThat(ScrubPlan.in(dataDir)).isEqualTo(new ScrubPlan(Duration.ofHours(12), 10));
  }
}
