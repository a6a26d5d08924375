package frame.ui.library;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static frame.core.testing.TestImages.write;
import static org.assertj.core.api.Assertions.assertThat;

import frame.core.Frame;
import frame.core.api.imports.ImportSources;
import frame.core.api.events.FrameEvent;
import frame.core.api.library.Image;
import frame.core.api.library.ImageState;
import frame.core.api.jobs.Job;
import frame.core.api.jobs.JobPriority;
import frame.core.api.jobs.JobQuery;
import frame.core.api.jobs.JobType;
import frame.core.api.library.LibraryOrder;
import frame.core.testing.FrameFixture;
import frame.core.testing.LargeLibrary;
import frame.ui.common.Background;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library's view-model on a real core, with no FX toolkit: work runs on the test thread. */
class LibraryModelTest {
  @TempDir Path dataDir;
  @TempDir Path photos;
  Frame frame;
  LibraryModel library;

  @BeforeEach
  void open() {
    frame = FrameFixture.open(dataDir);
    library = new LibraryModel(frame, Background.sameThread(), Clock.systemUTC(), null);
  }

  @AfterEach
  void close() {
    frame.close();
  }

  @Test
  void importing_a_folder_makes_a_tile_per_file_with_its_outcome() {
    write(photos, "a.jpg", jpeg(photo(600, 400, 1)));
    write(photos, "b.jpg", jpeg(photo(600, 400, 2)));
    write(photos, "again.jpg", jpeg(photo(600, 400, 1)));
    write(photos, "notes.txt", "hello".getBytes());

    library.importPaths(List.of(photos));

    assertThat(tiles()).extracting(t -> t.name().get())
        .containsExactlyInAnyOrder("a.jpg", "b.jpg", "again.jpg", "notes.txt");
    TileModel notes = tile("notes.txt");
    assertThat(notes.step().get()).isEqualTo(TileStep.REJECTED);
    assertThat(notes.message().get()).contains("Unsupported file type");
    TileModel again = tile("again.jpg");
    assertThat(again.step().get()).isEqualTo(TileStep.DUPLICATE);
    assertThat(again.duplicateOf().get()).isEqualTo(tile("a.jpg").imageId().get());
    assertThat(again.message().get()).contains("a.jpg");
    assertThat(library.activity().ingested().get()).isEqualTo(4);
    assertThat(library.activity().stored().get()).isEqualTo(2);
  }

  @Test
  void a_dropped_folder_of_more_than_twenty_photos_goes_behind_a_photo_dropped_on_its_own() {
    frame.ports().queue().pause(null); // the first steps wait, so each photo's level can be read off its job
    Path archive = photos.resolve("archive");
    for (int i = 0; i <= ImportSources.LARGE_IMPORT_FILES; i++) write(archive, i + ".jpg", jpeg(photo(64, 48, 50 + i)));
    Path single = write(photos, "dropped.jpg", jpeg(photo(64, 48, 9)));

    library.importPaths(List.of(archive));
    library.importPaths(List.of(single));

    List<Job> jobs = frame.ports().jobs().list(new JobQuery(null, JobType.OFFLOAD_ORIGINAL, null, 100, 0));
    assertThat(jobs).hasSize(ImportSources.LARGE_IMPORT_FILES + 2);
    long dropped = tile("dropped.jpg").imageId().get();
    assertThat(jobs).allSatisfy(job -> assertThat(job.priority())
        .isEqualTo(job.imageId() == dropped ? JobPriority.FRESH : JobPriority.BULK));
  }

  @Test
  void tiles_follow_core_events_to_processed_with_every_rendition() {
    write(photos, "a.jpg", jpeg(photo(600, 400, 3)));
    frame.ports().queue().pause(null); // so the tile is read between its storing and its first step, not in a race with the runner
    library.importPaths(List.of(photos.resolve("a.jpg")));
    TileModel tile = tile("a.jpg");
    assertThat(tile.step().get()).as("stored, its steps waiting").isEqualTo(TileStep.INGESTED);
    assertThat(tile.renditions().get()).isEmpty();

    frame.ports().queue().resume(null);
    for (Image image : FrameFixture.awaitAllFinal(frame, Duration.ofSeconds(30))) {
      library.onEvent(new FrameEvent.ImageChanged(image.id(), image.state()));
    }

    assertThat(tile.step().get()).isEqualTo(TileStep.PROCESSED);
    assertThat(tile.renditions().get()).containsOnlyKeys(64, 128, 256, 512);
    assertThat(tile.bestFor(128)).hasFileName("thumb-128.jpg");
    assertThat(tile.bestFor(200)).hasFileName("thumb-256.jpg");
    assertThat(tile.bestFor(900)).as("the largest there is").hasFileName("thumb-512.jpg");
    assertThat(library.counts().get()).contains("1 processed");
    assertThat(library.activity().active().get()).isFalse();
    assertThat(library.activity().text().get()).startsWith("Imported 1 photo in");
  }

  @Test
  void filter_search_and_counts_narrow_the_grid() {
    write(photos, "beach.jpg", jpeg(photo(300, 200, 4)));
    write(photos, "city.jpg", jpeg(photo(300, 200, 5)));
    write(photos, "broken.jpg", new byte[] {1, 2, 3});
    library.importPaths(List.of(photos));

    library.search().set("BEA");
    assertThat(tiles()).extracting(t -> t.name().get()).containsExactly("beach.jpg");
    library.search().set("");
    library.filter().set(TileFilter.PROBLEMS);
    assertThat(tiles()).extracting(t -> t.name().get()).containsExactly("broken.jpg");
    assertThat(library.counts().get()).startsWith("3 images").contains("1 rejected");
  }

  @Test
  void images_already_in_the_library_are_shown_at_start() {
    write(photos, "old.jpg", jpeg(photo(300, 200, 6)));
    frame.ports().imports().importFile(photos.resolve("old.jpg"));

    library.loadExisting();

    assertThat(tiles()).extracting(t -> t.name().get()).containsExactly("old.jpg");
  }

  @Test
  void a_library_of_10000_photos_holds_only_the_pages_it_has_shown() {
    LargeLibrary.seed(frame, 10_000);

    library.loadExisting();

    assertThat(library.size().get()).isEqualTo(10_000);
    assertThat(library.loadedTiles()).as("the first page, asked for before the count").isEqualTo(LibraryModel.PAGE);
    assertThat(library.tileAt(0).name().get()).isEqualTo("photo-10000.jpg"); // newest first
    assertThat(library.tileAt(9_999).name().get()).isEqualTo("photo-00001.jpg");
    for (int i = 0; i < 10_000; i += 37) assertThat(library.tileAt(i)).isNotNull(); // scrolled end to end
    assertThat(library.loadedTiles()).isLessThanOrEqualTo(LibraryModel.PAGE * LibraryModel.PAGES_KEPT);
    assertThat(library.counts().get()).startsWith("10000 images · 10000 processed");
  }

  @Test
  void the_first_page_of_a_large_library_shows_before_its_count_arrives() throws Exception {
    LargeLibrary.seed(frame, 10_000);
    Deque<Runnable> queued = new ArrayDeque<>(); // background work, run one piece at a time by the test
    LibraryModel opened = new LibraryModel(frame, new Background() {
      @Override
      public <T> void run(Callable<T> work, Consumer<T> onResult, Consumer<Throwable> onFailure) {
        queued.add(() -> {
          try {
            onResult.accept(work.call());
          } catch (Exception e) {
            onFailure.accept(e);
          }
        });
      }

      @Override
      public void onFx(Runnable update) {
        update.run();
      }
    }, Clock.systemUTC(), null);

    opened.loadExisting();
    assertThat(queued).as("the first page, then the counts").hasSize(2);
    queued.poll().run();

    assertThat(opened.counting().get()).isTrue();
    assertThat(opened.size().get()).as("as long as the first page until the count comes").isEqualTo(LibraryModel.PAGE);
    assertThat(opened.tileAt(0).name().get()).isEqualTo("photo-10000.jpg");
    assertThat(opened.tileAt(LibraryModel.PAGE - 1).name().get()).isEqualTo("photo-%05d.jpg".formatted(10_001 - LibraryModel.PAGE));
    assertThat(opened.counts().get()).as("no counts yet").isEmpty();

    queued.poll().run();
    assertThat(opened.counting().get()).isFalse();
    assertThat(opened.size().get()).isEqualTo(10_000);
    assertThat(opened.counts().get()).startsWith("10000 images · 10000 processed");
    assertThat(queued).as("the first page stays: it was read for this query").isEmpty();
    assertThat(opened.tileAt(0).name().get()).isEqualTo("photo-10000.jpg");
  }

  @Test
  void selection_of_10000_photos_by_ctrl_a_shift_and_ctrl_click_and_the_keyboard() {
    LargeLibrary.seed(frame, 10_000);
    library.loadExisting();

    library.selectAll();
    assertThat(library.selectedCount().get()).isEqualTo(10_000);

    library.click(10, false, false);
    assertThat(library.selectedIds()).containsExactly(library.idAt(10));
    library.click(5_010, true, false); // a range across pages never loaded
    assertThat(library.selectedCount().get()).isEqualTo(5_001);
    library.click(20, false, true);
    assertThat(library.selectedCount().get()).isEqualTo(5_000);
    assertThat(library.selected()).doesNotContain(library.idAt(20));

    library.click(0, false, false);
    library.moveCursor(1, false);
    library.moveCursor(6, true);
    assertThat(library.cursor().get()).isEqualTo(7);
    assertThat(library.selectedCount().get()).isEqualTo(7); // 1..7
    library.moveCursor(-100, false);
    assertThat(library.cursor().get()).isZero();
  }

  @Test
  void in_a_library_of_10000_an_event_rereads_only_its_own_tile_and_search_runs_in_the_database() {
    LargeLibrary.seed(frame, 10_000);
    library.loadExisting();
    TileModel shown = library.tileAt(3);
    long id = shown.imageId().get();
    int loaded = library.loadedTiles();

    library.onEvent(new FrameEvent.ImageChanged(id, ImageState.PROCESSED));
    library.onEvent(new FrameEvent.ImageChanged(123_456_789L, ImageState.PROCESSED)); // not on screen

    assertThat(library.tileForImage(id)).containsSame(shown);
    assertThat(library.loadedTiles()).isEqualTo(loaded);
    library.search().set("photo-0999");
    assertThat(library.size().get()).isEqualTo(10); // photo-09990 .. photo-09999
    library.search().set("");
    library.sort().set(LibraryOrder.TAKEN_OLDEST);
    assertThat(library.tileAt(9_999).takenAt().get()).as("no date sorts last").isNull();
  }

  @Test
  void removing_the_selection_takes_its_tiles_away_and_the_trash_brings_them_back() {
    write(photos, "keep.jpg", jpeg(photo(300, 200, 7)));
    write(photos, "drop.jpg", jpeg(photo(300, 200, 8)));
    library.importPaths(List.of(photos));
    int at = IntStream.range(0, library.size().get()).filter(i -> library.tileAt(i).name().get().equals("drop.jpg"))
        .findFirst().orElseThrow();
    library.click(at, false, false);
    List<Long> ids = library.selectedIds();

    List<Long> removed = new ArrayList<>();
    library.remove(ids, size -> removed.add((long) size.photos()));

    assertThat(removed).containsExactly(1L);
    assertThat(tiles()).extracting(t -> t.name().get()).containsExactly("keep.jpg");
    assertThat(library.selectedCount().get()).isZero();
    frame.ports().trash().restore(ids);
    library.refresh();
    assertThat(tiles()).extracting(t -> t.name().get()).containsExactlyInAnyOrder("keep.jpg", "drop.jpg");
  }

  private List<TileModel> tiles() {
    return IntStream.range(0, library.size().get()).mapToObj(library::tileAt).toList();
  }

  private TileModel tile(String name) {
    return tiles().stream().filter(t -> t.name().get().equals(name)).findFirst().orElseThrow();
  }
}
