package frame.core.trash;

import frame.core.api.trash.RemovalSize;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static frame.core.testing.TestImages.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import frame.core.Frame;
import frame.core.FrameTestAccess;
import frame.core.api.library.ImageFiles;
import frame.core.api.FrameException;
import frame.core.api.library.Image;
import frame.core.api.library.ImageQuery;
import frame.core.api.imports.IngestResult;
import frame.core.api.jobs.JobQuery;
import frame.core.api.library.LibraryQuery;
import frame.core.testing.FrameFixture;
import frame.core.testing.SettableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Removing photos on a real core: HSQLDB file database, real files, the real pipeline. */
class TrashTest {
  @TempDir Path dataDir;
  @TempDir Path photos;

  @Test
  void a_removed_photo_is_hidden_everywhere_but_keeps_its_rows_and_files() {
    try (Frame frame = FrameFixture.open(dataDir)) {
      Image kept = stored(frame, "kept.jpg", 1);
      Image gone = stored(frame, "gone.jpg", 2);
      FrameFixture.awaitAllFinal(frame, Duration.ofSeconds(30));
      ImageFiles files = frame.ports().library().files(gone);
      RemovalSize expected = frame.ports().trash().removalSize(List.of(gone.id()));

      RemovalSize removed = frame.ports().trash().remove(List.of(gone.id()));

      assertThat(removed).isEqualTo(expected);
      assertThat(removed.photos()).isEqualTo(1);
      assertThat(removed.bytes()).isGreaterThan(gone.byteSize());
      assertThat(frame.ports().library().list(ImageQuery.all())).extracting(Image::id).containsExactly(kept.id());
      assertThat(frame.ports().library().countIn(null)).isEqualTo(1);
      assertThat(frame.ports().library().ids(LibraryQuery.all())).containsExactly(kept.id());
      assertThatThrownBy(() -> frame.ports().library().image(gone.id())).isInstanceOf(FrameException.class).hasMessageContaining("No image");
      assertThat(frame.ports().trash().list()).extracting(t -> t.image().id()).containsExactly(gone.id());
      assertThat(files.original()).isRegularFile();
      assertThat(files.thumbnail(256)).isPresent();
    }
  }

  @Test
  void restore_brings_back_the_same_id_and_the_same_files() throws IOException {
    try (Frame frame = FrameFixture.open(dataDir)) {
      Image image = stored(frame, "back.jpg", 3);
      FrameFixture.awaitAllFinal(frame, Duration.ofSeconds(30));
      List<Path> before = filesUnder(frame.config().storageDir());
      frame.ports().trash().remove(List.of(image.id()));

      assertThat(frame.ports().trash().restore(List.of(image.id()))).isEqualTo(1);

      assertThat(frame.ports().library().image(image.id()).sha256()).isEqualTo(image.sha256());
      assertThat(frame.ports().library().details(image.id()).jobs()).isNotEmpty();
      assertThat(filesUnder(frame.config().storageDir())).isEqualTo(before);
      assertThat(frame.ports().trash().list()).isEmpty();
    }
  }

  @Test
  void emptying_the_trash_deletes_rows_jobs_derived_files_and_the_original() throws IOException {
    try (Frame frame = FrameFixture.open(dataDir)) {
      Image kept = stored(frame, "kept.jpg", 4);
      Image gone = stored(frame, "gone.jpg", 5);
      FrameFixture.awaitAllFinal(frame, Duration.ofSeconds(30));
      ImageFiles files = frame.ports().library().files(gone);
      long keptFiles = filesUnder(frame.config().storageDir()).stream().filter(p -> p.toString().contains(kept.sha256())).count();
      frame.ports().trash().remove(List.of(gone.id()));

      assertThat(frame.ports().trash().empty()).isEqualTo(1);

      assertThat(frame.ports().trash().list()).isEmpty();
      assertThat(frame.ports().jobs().list(JobQuery.forImage(gone.id()))).isEmpty();
      assertThat(files.original()).doesNotExist();
      assertThat(files.preview().getParent()).doesNotExist();
      assertThat(filesUnder(frame.config().storageDir())).noneMatch(p -> p.toString().contains(gone.sha256()));
      assertThat(filesUnder(frame.config().storageDir()).stream().filter(p -> p.toString().contains(kept.sha256())).count())
          .isEqualTo(keptFiles);
      assertThat(frame.ports().trash().restore(List.of(gone.id()))).isZero();
      long rows = FrameTestAccess.database(frame).jdbc()
          .queryOne("SELECT COUNT(*) FROM image WHERE id = ?", r -> r.getLong(1), gone.id()).orElseThrow();
      assertThat(rows).isZero();
    }
  }

  @Test
  void the_trash_empties_itself_of_photos_removed_more_than_30_days_ago() {
    SettableClock clock = new SettableClock();
    try (Frame frame = Frame.open(FrameFixture.config(dataDir), clock, Frame.settingsFor(FrameFixture.config(dataDir)), true)) {
      Image old = stored(frame, "old.jpg", 6);
      Image recent = stored(frame, "recent.jpg", 7);
      FrameFixture.awaitAllFinal(frame, Duration.ofSeconds(30));
      frame.ports().trash().remove(List.of(old.id()));
      clock.advance(Duration.ofDays(20));
      frame.ports().trash().remove(List.of(recent.id()));
      clock.advance(Duration.ofDays(11));

      assertThat(frame.ports().trash().emptyExpired()).isEqualTo(1);

      assertThat(frame.ports().trash().list()).extracting(t -> t.image().id()).containsExactly(recent.id());
      assertThat(frame.ports().library().files(old).original()).doesNotExist();
    }
  }

  @Test
  void importing_a_photo_that_is_in_the_trash_restores_it() {
    byte[] bytes = jpeg(photo(500, 300, 8));
    try (Frame frame = FrameFixture.open(dataDir)) {
      Image image = ((IngestResult.Stored) frame.ports().imports().importFile(write(photos, "card.jpg", bytes))).image();
      frame.ports().trash().remove(List.of(image.id()));

      IngestResult again = frame.ports().imports().importFile(write(photos, "card copy.jpg", bytes));

      assertThat(again).isInstanceOfSatisfying(IngestResult.Stored.class,
          s -> assertThat(s.image().id()).isEqualTo(image.id()));
      assertThat(frame.ports().trash().list()).isEmpty();
      assertThat(frame.ports().library().list(ImageQuery.all())).extracting(Image::id).containsExactly(image.id());
    }
  }

  @Test
  void an_unknown_id_removes_nothing() {
    try (Frame frame = FrameFixture.open(dataDir)) {
      Image image = stored(frame, "a.jpg", 9);

      assertThatThrownBy(() -> frame.ports().trash().remove(List.of(image.id(), 999_999L)))
          .isInstanceOf(FrameException.class).hasMessageContaining("999999");

      assertThat(frame.ports().trash().list()).isEmpty();
      assertThat(frame.ports().library().image(image.id()).id()).isEqualTo(image.id());
    }
  }

  private Image stored(Frame frame, String name, long seed) {
    return ((IngestResult.Stored) frame.ports().imports().importFile(write(photos, name, jpeg(photo(600, 400, seed))))).image();
  }

  private static List<Path> filesUnder(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).filter(p -> !p.toString().contains("tmp")).sorted().toList();
    }
  }
}
