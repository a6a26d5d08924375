package frame.ui.archive;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static frame.core.testing.TestImages.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import frame.core.Frame;
import frame.core.api.archive.ArchiveTarget;
import frame.core.api.archive.ArchiveTargetKind;
import frame.core.api.archive.CatalogueOnTarget;
import frame.core.api.archive.NewArchiveTarget;
import frame.core.api.imports.IngestResult;
import frame.core.api.library.ImageQuery;
import frame.core.api.library.ImageState;
import frame.core.testing.FrameFixture;
import frame.ui.common.Background;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive pane's view-model on a real core, with no FX toolkit: work runs on the test thread. */
class ArchiveModelTest {
  @TempDir Path dataDir;
  @TempDir Path photos;
  @TempDir Path disk;
  Frame frame;
  ArchiveModel model;

  @BeforeEach
  void open() {
    frame = FrameFixture.open(dataDir);
    model = new ArchiveModel(frame, Background.sameThread());
  }

  @AfterEach
  void close() {
    frame.close();
  }

  @Test
  void a_photo_without_a_target_is_counted_in_one_place_and_the_summary_says_what_to_do() {
    importPhoto("one.jpg", 1);
    awaitState(ImageState.PROCESSED);

    model.refresh();

    assertThat(model.targets()).isEmpty();
    assertThat(model.onePlaceOnly().get()).isEqualTo(1);
    assertThat(model.summary().get()).contains("1 exist in one place only").contains("add a folder");
  }

  @Test
  void a_freed_photo_is_shown_as_only_on_the_archive_not_as_waiting_for_a_copy() {
    importPhoto("three.jpg", 3);
    awaitState(ImageState.PROCESSED);
    assertThat(model.addFolder("usb", disk.toString())).isTrue();
    awaitState(ImageState.STORED);
    frame.ports().archive().free(1);

    model.refresh();

    assertThat(model.onePlaceOnly().get()).isEqualTo(1);
    assertThat(model.summary().get()).contains("1 photo exists in one place only (the archive)")
        .doesNotContain("being made").doesNotContain("more than one place");
  }

  @Test
  void a_folder_target_added_holds_the_copy_and_removing_it_asks_the_core_to_forget_it() {
    importPhoto("two.jpg", 2);
    awaitState(ImageState.PROCESSED);

    assertThat(model.addFolder("usb", disk.toString())).isTrue();
    assertThat(model.notice().text().get()).isEmpty();
    assertThat(model.targets()).extracting(ArchiveTarget::name).containsExactly("usb");
    assertThat(model.targets().get(0).reachable()).isTrue();
    awaitState(ImageState.STORED);
    model.refresh();
    assertThat(model.targets().get(0).copies()).isEqualTo(1);
    assertThat(model.onePlaceOnly().get()).isZero();
    assertThat(model.summary().get()).contains("Every photo exists in more than one place");
    assertThat(ArchiveView.describe(model.targets().get(0))).contains("usb").contains("folder")
        .contains(disk.toString()).contains("reachable").contains("1 copy held").contains("0 waiting");

    model.remove("usb");

    assertThat(model.targets()).isEmpty();
    assertThat(frame.ports().archive().status().targets()).isEmpty();
    model.remove("usb");
    assertThat(model.notice().text().get()).isEqualTo(
        "No target is named usb any more (removed meanwhile?). The list is refreshed.");
  }

  @Test
  void incomplete_or_refused_targets_say_why_in_the_notice_and_add_nothing() {
    assertThat(model.addFolder("usb", " ")).isFalse();
    assertThat(model.notice().text().get()).isEqualTo("A folder target needs a name and a folder.");
    assertThat(model.addS3("nas", "http://127.0.0.1:1", "photos", "", "", "key", "")).isFalse();
    assertThat(model.notice().text().get()).startsWith("An S3 target needs");

    frame.ports().archive().add(NewArchiveTarget.folder("usb", disk.toString()));
    assertThat(model.addFolder("usb", disk.resolve("other").toString())).isTrue(); // tried: the core refuses the name

    assertThat(model.notice().text().get()).startsWith("Could not add the target usb");
    assertThat(model.targets()).extracting(ArchiveTarget::location).containsExactly(disk.toString());
  }

  private void importPhoto(String name, int seed) {
    Path file = write(photos, name, jpeg(photo(320, 240, seed)));
    assertThat(frame.ports().imports().importFile(file)).isInstanceOf(IngestResult.Stored.class);
  }

  private void awaitState(ImageState state) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(25))
        .until(() -> frame.ports().library().list(ImageQuery.all()).stream().allMatch(i -> i.state() == state));
  }

  @Test
  void a_target_says_which_catalogue_backup_it_keeps_and_why_the_last_try_failed() {
    Instant taken = Instant.parse("2026-03-01T10:15:00Z");
    CatalogueOnTarget kept = new CatalogueOnTarget("frame-backup-20260301-101500", taken, "The folder /x is not there",
        taken.plusSeconds(86_400));

    String shown = ArchiveView.describe(new ArchiveTarget("usb", ArchiveTargetKind.FOLDER, "/x", null, null, null, false,
        "The folder /x is not there", taken, 3, 300, 0, kept));

    assertThat(shown).endsWith("Catalogue backup: frame-backup-20260301-101500, taken "
        + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneId.systemDefault())
            .format(taken)
        + " · last try failed: The folder /x is not there");
    assertThat(ArchiveView.catalogue(null)).isEqualTo("Catalogue backup: the first is taken within the hour");
  }
}
