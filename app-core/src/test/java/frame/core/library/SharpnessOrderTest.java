package frame.core.library;

import static org.assertj.core.api.Assertions.assertThat;

import frame.core.api.culling.CullFilter;
import frame.core.api.library.Image;
import frame.core.api.library.ImageFormat;
import frame.core.api.library.ImageQuery;
import frame.core.api.library.LibraryOrder;
import frame.core.api.library.LibraryQuery;
import frame.core.db.Database;
import frame.core.db.Jdbc;
import frame.core.image.ImageRepository;
import frame.core.testing.TestPostgres;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * "Sharpest first" and "stacks together, sharpest first" in the library grid's browse and in the
 * API's and command line's list, on HSQLDB and PostgreSQL; a photo in the trash counts nowhere.
 */
class SharpnessOrderTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"hsqldb", "postgresql"})
  void stacks_list_together_sharpest_first_and_the_whole_library_by_sharpness(String engine) {
    TestPostgres postgres = engine.equals("postgresql") ? TestPostgres.create() : null;
    try (Database database = postgres == null ? Database.open("jdbc:hsqldb:file:" + dir.resolve("db"), 2)
        : Database.open(postgres.url(), TestPostgres.login(), 2)) {
      Jdbc jdbc = database.jdbc();
      ImageRepository images = new ImageRepository(jdbc);
      // name -> stack, sharpness; inserted in this order (ids ascending)
      Map<String, Object[]> photos = new LinkedHashMap<>();
      photos.put("A", new Object[] {10L, 50.0});
      photos.put("B", new Object[] {null, 500.0});
      photos.put("C", new Object[] {10L, 200.0});
      photos.put("D", new Object[] {20L, null});
      photos.put("E", new Object[] {10L, 80.0});
      photos.put("F", new Object[] {20L, 30.0});
      photos.put("G", new Object[] {10L, 999.0}); // in the trash: neither listed nor moving its stack
      photos.forEach((name, values) -> jdbc.inTransaction(tx -> {
        long id = images.insert(tx, new ImageRepository.NewImage(name.toLowerCase().repeat(64),
            ImageFormat.JPEG, 10, 10, 1, name, null, null, null), Instant.EPOCH);
        tx.update("UPDATE image SET stack_id = ?, sharpness = ?, removed_at = ? WHERE id = ?", values[0], values[1],
            name.equals("G") ? 1L : null, id);
        return id;
      }));
      LibraryBrowser browser = new LibraryBrowser(jdbc);

      for (var expected : Map.of(LibraryOrder.STACKS_SHARPEST_FIRST, List.of("F", "D", "C", "E", "A", "B"),
          LibraryOrder.SHARPEST, List.of("B", "C", "E", "A", "F", "D")).entrySet()) {
        LibraryQuery query = new LibraryQuery(Set.of(), "", expected.getKey());
        assertThat(names(browser.page(query, 0, 100))).as("browse " + expected.getKey()).isEqualTo(expected.getValue());
        assertThat(names(browser.page(query, 2, 2))).as("a page of it").isEqualTo(expected.getValue().subList(2, 4));
        assertThat(browser.ids(query)).hasSize(6);
        assertThat(names(images.list(new ImageQuery(null, 100, 0, CullFilter.NONE, expected.getKey()))))
            .as("list " + expected.getKey()).isEqualTo(expected.getValue());
      }
    } finally {
      if (postgres != null) postgres.close();
    }
  }

  private static List<String> names(List<Image> images) {
    return images.stream().map(Image::originalName).toList();
  }
}
