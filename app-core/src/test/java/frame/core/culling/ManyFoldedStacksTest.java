package frame.core.culling;

import static org.assertj.core.api.Assertions.assertThat;

import frame.core.api.culling.CullFilter;
import frame.core.api.culling.ImageMarks;
import frame.core.api.culling.StackFold;
import frame.core.api.library.Image;
import frame.core.api.library.ImageFormat;
import frame.core.api.library.ImageQuery;
import frame.core.api.library.ImageState;
import frame.core.api.library.LibraryOrder;
import frame.core.api.library.LibraryQuery;
import frame.core.crash.Failpoints;
import frame.core.db.Database;
import frame.core.db.Jdbc;
import frame.core.event.EventBus;
import frame.core.image.ImageRepository;
import frame.core.library.LibraryBrowser;
import frame.core.store.FileStore;
import frame.core.testing.TestPostgres;
import frame.core.trash.Trash;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A library of many stacks, formed by the stacker from their hashes and capture times, listed
 * folded on HSQLDB and PostgreSQL: each stack is one tile (its sharpest frame), paged and counted
 * as one, read off the stack table; a filtered list, which works each stack out from its matching
 * photos, agrees with it. The shown photo and the count follow a chosen top, a trash and a restore.
 */
class ManyFoldedStacksTest {
  private static final int STACKS = 60;
  private static final int FRAMES = 3;
  private static final int SINGLES = 40;

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"hsqldb", "postgresql"})
  void a_library_of_many_stacks_lists_one_tile_a_stack_and_keeps_it_right_as_tops_and_trash_change(String engine) {
    TestPostgres postgres = engine.equals("postgresql") ? TestPostgres.create() : null;
    try (Database database = postgres == null ? Database.open("jdbc:hsqldb:file:" + dir.resolve("db"), 2)
        : Database.open(postgres.url(), TestPostgres.login(), 2);
         EventBus events = new EventBus()) {
      Jdbc jdbc = database.jdbc();
      ImageRepository images = new ImageRepository(jdbc);
      Stacker stacker = new Stacker(jdbc, events);
      List<List<Long>> stacks = new ArrayList<>(); // each stack's frames, oldest first
      List<Long> singles = new ArrayList<>();
      LocalDateTime start = LocalDateTime.of(2024, 5, 2, 8, 0);
      for (int s = 0; s < STACKS; s++) {
        List<Long> frames = new ArrayList<>();
        long hash = 0x9E3779B97F4A7C15L * (s + 1);
        for (int f = 0; f < FRAMES; f++) {
          // a burst: one second apart, hashes a bit or two off; the middle frame is the sharpest
          long id = photo(jdbc, images, "S%02d-%d.jpg".formatted(s, f), start.plusMinutes(5L * s).plusSeconds(f));
          stacker.measured(id, hash ^ f, f == 1 ? 900.0 : 100.0 + f);
          frames.add(id);
        }
        stacks.add(frames);
        if (s < SINGLES) {
          long single = photo(jdbc, images, "P%02d.jpg".formatted(s), start.plusMinutes(5L * s + 2));
          stacker.measured(single, ~hash, 50.0);
          singles.add(single);
        }
      }
      LibraryBrowser browser = new LibraryBrowser(jdbc);
      LibraryQuery folded = new LibraryQuery(Set.of(), "", LibraryOrder.ADDED_NEWEST,
          CullFilter.NONE.withStacks(StackFold.FOLDED));
      MarksRepository marks = new MarksRepository(jdbc);
      Map<Long, ImageMarks> byId = marks.find(stacks.stream().flatMap(List::stream).toList());
      assertThat(stacks).as("the stacker made one stack of each burst").allSatisfy(frames ->
          assertThat(frames).extracting(id -> byId.get(id).stack()).doesNotContainNull().containsOnly(byId.get(frames.get(0)).stack()));

      List<Long> shown = new ArrayList<>(singles);
      stacks.forEach(frames -> shown.add(frames.get(1)));
      assertListed(browser, images, folded, shown);
      assertStack(marks, stacks.get(7), stacks.get(7).get(1), FRAMES);

      long chosen = stacks.get(7).get(2);
      stacker.choose(byId.get(chosen).stack(), chosen);
      replace(shown, stacks.get(7).get(1), chosen);
      assertListed(browser, images, folded, shown);
      assertStack(marks, stacks.get(7), chosen, FRAMES);

      Trash trash = new Trash(jdbc, images, new FileStore(dir.resolve("store")), events, Clock.systemUTC(), Failpoints.NONE);
      trash.remove(List.of(chosen, stacks.get(20).get(1)));
      // a top in the trash gives way to the stack's oldest frame still in the library
      replace(shown, chosen, stacks.get(7).get(0));
      replace(shown, stacks.get(20).get(1), stacks.get(20).get(0));
      assertListed(browser, images, folded, shown);
      assertStack(marks, stacks.get(7).subList(0, 2), stacks.get(7).get(0), FRAMES - 1);
      assertStack(marks, List.of(stacks.get(20).get(0), stacks.get(20).get(2)), stacks.get(20).get(0), FRAMES - 1);

      trash.restore(List.of(chosen, stacks.get(20).get(1)));
      replace(shown, stacks.get(7).get(0), chosen);
      replace(shown, stacks.get(20).get(0), stacks.get(20).get(1));
      assertListed(browser, images, folded, shown);
      assertStack(marks, stacks.get(7), chosen, FRAMES);
      assertStack(marks, stacks.get(20), stacks.get(20).get(1), FRAMES);
    } finally {
      if (postgres != null) postgres.close();
    }
  }

  private static long photo(Jdbc jdbc, ImageRepository images, String name, LocalDateTime taken) {
    String sha256 = "%064x".formatted(new java.math.BigInteger(1, name.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    return jdbc.inTransaction(tx -> images.insert(tx, new ImageRepository.NewImage(sha256, ImageFormat.JPEG, 10, 10, 1,
        name, taken.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")), "Make", "Model"), Instant.EPOCH));
  }

  private static void replace(List<Long> shown, long was, long now) {
    shown.set(shown.indexOf(was), now);
  }

  /**
   * The folded list, newest first, in pages of 30 from the browser and the API, its count and its
   * ids; and the same from a filtered list (every state: the per-stack working out) as a cross-check.
   */
  private static void assertListed(LibraryBrowser browser, ImageRepository images, LibraryQuery folded, List<Long> shown) {
    List<Long> expected = shown.stream().sorted(Comparator.reverseOrder()).toList();
    List<Long> paged = new ArrayList<>();
    for (int offset = 0; offset < expected.size() + 30; offset += 30) {
      paged.addAll(browser.page(folded, offset, 30).stream().map(Image::id).toList());
    }
    assertThat(paged).as("the folded pages, one tile a stack").isEqualTo(expected);
    assertThat(browser.count(folded)).isEqualTo(expected.size());
    assertThat(browser.ids(folded)).isEqualTo(expected);
    assertThat(images.list(new ImageQuery(null, 30, 30, folded.cull(), LibraryOrder.ADDED_NEWEST)))
        .as("the API's second page").extracting(Image::id).isEqualTo(expected.subList(30, 60));
    LibraryQuery everyState = new LibraryQuery(EnumSet.allOf(ImageState.class), "", LibraryOrder.ADDED_NEWEST, folded.cull());
    assertThat(browser.ids(everyState)).as("worked out per stack from the matching photos").isEqualTo(expected);
    assertThat(browser.count(everyState)).isEqualTo(expected.size());
  }

  private static void assertStack(MarksRepository marks, List<Long> inLibrary, long top, int size) {
    assertThat(marks.find(inLibrary).values()).allSatisfy(m -> {
      assertThat(m.stackTop()).as("the top of photo " + m.imageId()).isEqualTo(top);
      assertThat(m.stackSize()).as("the stack size seen from photo " + m.imageId()).isEqualTo(size);
    });
  }
}
