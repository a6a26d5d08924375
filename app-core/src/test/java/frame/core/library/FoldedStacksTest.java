package frame.core.library;

import static org.assertj.core.api.Assertions.assertThat;

import frame.core.api.culling.CullFilter;
import frame.core.api.culling.StackFold;
import frame.core.api.library.Image;
import frame.core.api.library.ImageFormat;
import frame.core.api.library.ImageQuery;
import frame.core.api.library.LibraryOrder;
import frame.core.api.library.LibraryQuery;
import frame.core.culling.MarksRepository;
import frame.core.db.Database;
import frame.core.db.Jdbc;
import frame.core.image.ImageRepository;
import frame.core.image.StackShown;
import frame.core.testing.TestPostgres;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Stacks folded by the query, on HSQLDB and PostgreSQL: one photo a stack (its top), counted and
 * paged as one; an opened stack's frames stand where its top stood; a filter folds among the
 * photos it lets through; a top in the trash gives way to another frame.
 */
class FoldedStacksTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"hsqldb", "postgresql"})
  void folded_lists_show_one_photo_a_stack_and_open_stacks_in_place(String engine) {
    TestPostgres postgres = engine.equals("postgresql") ? TestPostgres.create() : null;
    try (Database database = postgres == null ? Database.open("jdbc:hsqldb:file:" + dir.resolve("db"), 2)
        : Database.open(postgres.url(), TestPostgres.login(), 2)) {
      Jdbc jdbc = database.jdbc();
      ImageRepository images = new ImageRepository(jdbc);
      // name -> stack, sharpness; inserted in this order (ids ascending)
      Map<String, Object[]> photos = new LinkedHashMap<>();
      photos.put("A", new Object[] {10L, 50.0});
      photos.put("B", new Object[] {null, 500.0});
      photos.put("C", new Object[] {10L, 200.0}); // top of 10
      photos.put("D", new Object[] {20L, null});
      photos.put("E", new Object[] {10L, 80.0}); // the one pick
      photos.put("F", new Object[] {20L, 30.0}); // top of 20
      photos.put("G", new Object[] {10L, 999.0}); // in the trash
      photos.put("H", new Object[] {30L, 10.0});
      photos.put("I", new Object[] {30L, 900.0}); // top of 30, in the trash
      Map<String, Long> ids = new HashMap<>();
      photos.forEach((name, values) -> ids.put(name, jdbc.inTransaction(tx -> {
        long id = images.insert(tx, new ImageRepository.NewImage(name.toLowerCase().repeat(64),
            ImageFormat.JPEG, 10, 10, 1, name, null, null, null), Instant.EPOCH);
        tx.update("UPDATE image SET stack_id = ?, sharpness = ?, removed_at = ?, flag = ? WHERE id = ?", values[0],
            values[1], name.equals("G") || name.equals("I") ? 1L : null, name.equals("E") ? "PICK" : null, id);
        return id;
      })));
      for (var top : Map.of(10L, "C", 20L, "F", 30L, "I").entrySet()) {
        jdbc.update("INSERT INTO stack (id, kind, top_image_id, top_chosen) VALUES (?, 'BURST', ?, FALSE)",
            top.getKey(), ids.get(top.getValue()));
      }
      // what the stacker and the trash keep as stacks change: the photo each shows folded, and its count
      jdbc.inTransaction(tx -> {
        for (long stack : List.of(10L, 20L, 30L)) StackShown.update(tx, stack);
        return null;
      });
      LibraryBrowser browser = new LibraryBrowser(jdbc);
      CullFilter folded = CullFilter.NONE.withStacks(StackFold.FOLDED);
      CullFilter open10 = CullFilter.NONE.withStacks(StackFold.FOLDED.toggled(10L));

      LibraryQuery newest = new LibraryQuery(Set.of(), "", LibraryOrder.ADDED_NEWEST, folded);
      assertThat(names(browser.page(newest, 0, 100))).containsExactly("H", "F", "C", "B");
      assertThat(browser.count(newest)).isEqualTo(4);
      assertThat(names(browser.page(newest, 1, 2))).as("a page of it").containsExactly("F", "C");
      assertThat(browser.ids(newest)).containsExactly(ids.get("H"), ids.get("F"), ids.get("C"), ids.get("B"));
      assertThat(browser.count(newest.withCull(CullFilter.NONE))).as("flat, as before").isEqualTo(7);

      LibraryQuery opened = newest.withCull(open10);
      assertThat(names(browser.page(opened, 0, 100))).as("stack 10 opened where C stood, top first then sharpest")
          .containsExactly("H", "F", "C", "E", "A", "B");
      assertThat(browser.count(opened)).isEqualTo(6);
      assertThat(names(browser.page(opened.withCull(open10.withStacks(open10.stacks().toggled(10L))), 0, 100)))
          .as("closed again").containsExactly("H", "F", "C", "B");

      assertThat(names(browser.page(newest.withCull(CullFilter.picks().withStacks(StackFold.FOLDED)), 0, 100)))
          .as("the pick stands for its stack when the top is no pick").containsExactly("E");

      LibraryQuery sharpest = new LibraryQuery(Set.of(), "", LibraryOrder.SHARPEST, folded);
      assertThat(names(browser.page(sharpest, 0, 100))).containsExactly("B", "C", "F", "H");
      assertThat(names(browser.page(sharpest.withCull(folded.withStacks(StackFold.FOLDED.toggled(20L))), 0, 100)))
          .containsExactly("B", "C", "F", "D", "H");
      assertThat(names(browser.page(new LibraryQuery(Set.of(), "x", LibraryOrder.STACKS_SHARPEST_FIRST, folded), 0, 9)))
          .as("the name filter still applies").isEmpty();
      assertThat(names(browser.page(new LibraryQuery(Set.of(), "", LibraryOrder.STACKS_SHARPEST_FIRST, folded), 0, 9)))
          .containsExactly("H", "F", "C", "B");
      assertThat(names(browser.page(new LibraryQuery(Set.of(), "", LibraryOrder.TAKEN_OLDEST, open10), 0, 9)))
          .containsExactly("B", "C", "E", "A", "F", "H");

      ImageQuery api = new ImageQuery(null, 100, 0, folded, LibraryOrder.ADDED_NEWEST);
      assertThat(names(images.list(api))).as("the API's list folds alike").containsExactly("H", "F", "C", "B");
      assertThat(images.count(api)).isEqualTo(4);

      var marks = new MarksRepository(jdbc).find(List.of(ids.get("C"), ids.get("B"), ids.get("F"), ids.get("H")));
      assertThat(marks.get(ids.get("C")).stackSize()).as("frames in the trash not counted").isEqualTo(3);
      assertThat(marks.get(ids.get("F")).stackSize()).isEqualTo(2);
      assertThat(marks.get(ids.get("H")).stackSize()).isEqualTo(1);
      assertThat(marks.get(ids.get("B")).stackSize()).isEqualTo(1);
    } finally {
      if (postgres != null) postgres.close();
    }
  }

  private static List<String> names(List<Image> images) {
    return images.stream().map(Image::originalName).toList();
  }
}
