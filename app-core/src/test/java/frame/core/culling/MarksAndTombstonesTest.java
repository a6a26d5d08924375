package frame.core.culling;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static frame.core.testing.TestImages.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import frame.core.Frame;
import frame.core.api.culling.ColorLabel;
import frame.core.api.culling.CullFilter;
import frame.core.api.Culling;
import frame.core.api.culling.Flag;
import frame.core.api.culling.ImageMarks;
import frame.core.api.culling.ImportBatch;
import frame.core.api.culling.MarkChange;
import frame.core.api.culling.Shoot;
import frame.core.api.culling.ShootSource;
import frame.core.api.FrameException;
import frame.core.api.events.FrameEvent;
import frame.core.api.library.Image;
import frame.core.api.library.ImageQuery;
import frame.core.api.imports.IngestResult;
import frame.core.api.jobs.JobPriority;
import frame.core.api.jobs.JobState;
import frame.core.api.library.LibraryQuery;
import frame.core.testing.FrameFixture;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flags, stars, labels, shoots and tombstones on a real core: HSQLDB file database, real files. */
class MarksAndTombstonesTest {
  @TempDir Path dataDir;
  @TempDir Path card;

  @Test
  void marks_change_alone_go_out_as_events_and_filter_the_library() throws Exception {
    try (Frame frame = FrameFixture.open(dataDir)) {
      Image a = stored(frame, "a.jpg", 1);
      Image b = stored(frame, "b.jpg", 2);
      Image c = stored(frame, "c.jpg", 3);
      Set<Long> marked = ConcurrentHashMap.newKeySet();
      try (var sub = frame.ports().events().subscribe(e -> {
        if (e instanceof FrameEvent.ImageMarked m) marked.add(m.imageId());
      })) {
        Culling culling = frame.ports().culling();
        culling.mark(a.id(), MarkChange.flag(Flag.PICK));
        culling.mark(a.id(), MarkChange.rating(4));
        ImageMarks aMarks = culling.mark(a.id(), MarkChange.label(ColorLabel.RED));
        culling.mark(b.id(), MarkChange.flag(Flag.REJECT));
        culling.mark(c.id(), MarkChange.rating(2));

        assertThat(aMarks.flag()).isEqualTo(Flag.PICK);
        assertThat(aMarks.rating()).isEqualTo(4);
        assertThat(aMarks.label()).isEqualTo(ColorLabel.RED);
        await().atMost(Duration.ofSeconds(30)).until(() -> marked.containsAll(List.of(a.id(), b.id(), c.id())));
      }
      assertThat(ids(frame, CullFilter.picks())).containsExactly(a.id());
      assertThat(ids(frame, CullFilter.rejects())).containsExactly(b.id());
      assertThat(ids(frame, CullFilter.unrated())).containsExactly(b.id());
      assertThat(ids(frame, CullFilter.atLeast(2))).containsExactlyInAnyOrder(a.id(), c.id());
      assertThat(ids(frame, CullFilter.atLeast(3))).containsExactly(a.id());
      assertThat(frame.ports().library().ids(LibraryQuery.all().withCull(CullFilter.picks()))).containsExactly(a.id());
      assertThat(frame.ports().library().count(new ImageQuery(null, 10, 0, CullFilter.atLeast(2)))).isEqualTo(2);

      frame.ports().culling().mark(a.id(), MarkChange.flag(null));
      assertThat(frame.ports().culling().marks(List.of(a.id())).get(a.id()).flag()).isNull();
      assertThat(frame.ports().culling().marks(List.of(a.id())).get(a.id()).rating()).isEqualTo(4);
    }
  }

  @Test
  void marking_an_unknown_photo_changes_nothing() {
    try (Frame frame = FrameFixture.open(dataDir)) {
      Image a = stored(frame, "a.jpg", 1);

      assertThatThrownBy(() -> frame.ports().culling().markAll(List.of(a.id(), 9999L), MarkChange.flag(Flag.PICK)))
          .isInstanceOf(FrameException.class).hasMessageContaining("9999");

      assertThat(frame.ports().culling().marks(List.of(a.id())).get(a.id()).flag()).isNull();
      assertThatThrownBy(() -> MarkChange.rating(6)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void a_photo_deleted_for_good_is_skipped_by_the_next_import_unless_deleted_ones_are_included() throws Exception {
    Path first = write(card, "IMG_0001.jpg", jpeg(photo(320, 240, 11)));
    Path second = write(card, "IMG_0002.jpg", jpeg(photo(320, 240, 12)));
    ImportBatch fromCard = ImportBatch.shoot("EOS_DIGITAL", ShootSource.FOLDER);
    try (Frame frame = FrameFixture.open(dataDir)) {
      Image gone = ((IngestResult.Stored) frame.ports().imports().importFile(first, JobPriority.FRESH, fromCard)).image();
      frame.ports().imports().importFile(second, JobPriority.FRESH, fromCard);
      FrameFixture.awaitAllFinal(frame, Duration.ofSeconds(30));
      // a photo whose analysis runs right now stays in the trash until the next emptying
      await().atMost(Duration.ofSeconds(30)).until(() -> frame.ports().jobs().countsByState().getOrDefault(JobState.PENDING, 0L)
          + frame.ports().jobs().countsByState().getOrDefault(JobState.RUNNING, 0L) == 0);
      frame.ports().culling().mark(gone.id(), MarkChange.flag(Flag.REJECT));

      LocalDate dayBefore = LocalDate.now(ZoneOffset.UTC);
      assertThat(frame.ports().culling().deleteRejects(null)).isEqualTo(1);

      assertThat(frame.ports().culling().tombstones()).singleElement().satisfies(t -> {
        assertThat(t.sha256()).isEqualTo(gone.sha256());
        assertThat(t.name()).isEqualTo("IMG_0001.jpg");
      });
      IngestResult again = frame.ports().imports().importFile(first, JobPriority.FRESH, fromCard);
      assertThat(again).isInstanceOf(IngestResult.Skipped.class);
      // the day of the deletion: today, or yesterday if midnight (UTC) passed since the deletion
      LocalDate dayAfter = LocalDate.now(ZoneOffset.UTC);
      assertThat(((IngestResult.Skipped) again).reason())
          .isIn("deleted on " + dayBefore, "deleted on " + dayAfter);
      // a phone sending the same photo again is skipped too
      IngestResult fromPhone = frame.ports().imports().ingestWithChecksumAfter(new ByteArrayInputStream(Files.readAllBytes(first)),
          "IMG_0001.jpg", () -> null, JobPriority.FRESH, ImportBatch.shoot("Pixel 8", ShootSource.DEVICE));
      assertThat(fromPhone).isInstanceOf(IngestResult.Skipped.class);
      assertThat(frame.ports().library().list(ImageQuery.all())).hasSize(1);

      IngestResult back = frame.ports().imports().importFile(first, JobPriority.FRESH, fromCard.includingDeleted(true));

      assertThat(back).isInstanceOf(IngestResult.Stored.class);
      assertThat(frame.ports().culling().tombstones()).isEmpty();
    }
  }

  @Test
  void an_import_is_a_shoot_with_its_counts_and_an_editable_name() {
    Path first = write(card, "IMG_0001.jpg", jpeg(photo(320, 240, 21)));
    Path second = write(card, "IMG_0002.jpg", jpeg(photo(320, 240, 22)));
    try (Frame frame = FrameFixture.open(dataDir)) {
      ImportBatch batch = ImportBatch.shoot("EOS_DIGITAL", ShootSource.FOLDER);
      Image one = ((IngestResult.Stored) frame.ports().imports().importFile(first, JobPriority.FRESH, batch)).image();
      frame.ports().imports().importFile(second, JobPriority.FRESH, batch);
      stored(frame, "loose.jpg", 23);
      frame.ports().culling().mark(one.id(), MarkChange.flag(Flag.PICK));

      Shoot shoot = frame.ports().culling().shoots().getFirst();
      assertThat(frame.ports().culling().shoots()).hasSize(1);
      assertThat(shoot.name()).isEqualTo("EOS_DIGITAL");
      assertThat(shoot.source()).isEqualTo(ShootSource.FOLDER);
      assertThat(shoot.photos()).isEqualTo(2);
      assertThat(shoot.picks()).isEqualTo(1);
      assertThat(frame.ports().culling().marks(List.of(one.id())).get(one.id()).shoot()).isEqualTo(shoot.id());
      assertThat(ids(frame, new CullFilter(null, false, 0, shoot.id()))).hasSize(2);

      assertThat(frame.ports().culling().renameShoot(shoot.id(), "  Wedding Anna & Tom ").name()).isEqualTo("Wedding Anna & Tom");
      assertThatThrownBy(() -> frame.ports().culling().renameShoot(shoot.id(), " ")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> frame.ports().culling().renameShoot(777, "x")).isInstanceOf(FrameException.class);
    }
  }

  private static List<Long> ids(Frame frame, CullFilter filter) {
    return frame.ports().library().list(new ImageQuery(null, 100, 0, filter)).stream().map(Image::id).toList();
  }

  private Image stored(Frame frame, String name, long seed) {
    return ((IngestResult.Stored) frame.ports().imports().importFile(write(card, name, jpeg(photo(320, 240, seed))))).image();
  }
}
