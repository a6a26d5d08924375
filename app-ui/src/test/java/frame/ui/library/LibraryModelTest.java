package frame.ui.library;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static frame.core.testing.TestImages.write;
import static org.assertj.core.api.Assertions.assertThat;

import frame.core.Frame;
import frame.core.event.FrameEvent;
import frame.core.image.Image;
import frame.core.testing.FrameFixture;
import frame.ui.Background;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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

    assertThat(library.allTiles()).extracting(t -> t.name().get())
        .containsExactlyInAnyOrder("a.jpg", "b.jpg", "again.jpg", "notes.txt");
    TileModel notes = tile("notes.txt");
    assertThat(notes.step().get()).isEqualTo(TileStep.REJECTED);
    assertThat(notes.message().get()).contains("Unsupported file type");
    TileModel again = tile("again.jpg");
    assertThat(again.step().get()).isEqualTo(TileStep.DUPLICATE);
    assertThat(again.duplicateOf().get()).isEqualTo(tile("a.jpg").imageId().get());
    assertThat(again.message().get()).contains("a.jpg");
  }

  @Test
  void tiles_follow_core_events_to_processed_with_a_thumbnail() {
    write(photos, "a.jpg", jpeg(photo(600, 400, 3)));
    library.importPaths(List.of(photos.resolve("a.jpg")));
    TileModel tile = tile("a.jpg");
    assertThat(tile.step().get()).isIn(TileStep.INGESTED, TileStep.PROCESSING, TileStep.PROCESSED);

    for (Image image : FrameFixture.awaitAllFinal(frame, Duration.ofSeconds(30))) {
      library.onEvent(new FrameEvent.ImageChanged(image.id(), image.state()));
    }

    assertThat(tile.step().get()).isEqualTo(TileStep.PROCESSED);
    assertThat(tile.thumbnail().get()).isRegularFile();
    assertThat(library.counts().get()).contains("1 processed");
  }

  @Test
  void filter_search_and_counts_narrow_the_grid() {
    write(photos, "beach.jpg", jpeg(photo(300, 200, 4)));
    write(photos, "city.jpg", jpeg(photo(300, 200, 5)));
    write(photos, "broken.jpg", new byte[] {1, 2, 3});
    library.importPaths(List.of(photos));

    library.search().set("BEA");
    assertThat(library.visibleTiles()).extracting(t -> t.name().get()).containsExactly("beach.jpg");
    library.search().set("");
    library.filter().set(TileFilter.PROBLEMS);
    assertThat(library.visibleTiles()).extracting(t -> t.name().get()).containsExactly("broken.jpg");
    assertThat(library.counts().get()).startsWith("3 images").contains("1 rejected");
  }

  @Test
  void images_already_in_the_library_are_shown_at_start() {
    write(photos, "old.jpg", jpeg(photo(300, 200, 6)));
    frame.importFile(photos.resolve("old.jpg"));

    library.loadExisting();

    assertThat(library.allTiles()).extracting(t -> t.name().get()).containsExactly("old.jpg");
  }

  private TileModel tile(String name) {
    return library.allTiles().stream().filter(t -> t.name().get().equals(name)).findFirst().orElseThrow();
  }
}
