package frame.core.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The migration scripts this FRAME ships: the shared ones and each dialect's own. */
final class ShippedMigrations {
  private static final String[] FOLDERS = {"/db/migration", "/db/hsqldb", "/db/postgresql"};

  private ShippedMigrations() {}

  /** The highest version of any script in any of the folders. */
  static int newest() throws Exception {
    int newest = 0;
    for (String folder : FOLDERS) {
      try (Stream<Path> files = Files.list(Path.of(ShippedMigrations.class.getResource(folder).toURI()))) {
        newest = Math.max(newest, files.map(file -> file.getFileName().toString())
            .filter(name -> name.matches("V\\d+__.*\\.sql"))
            .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__")))).max().orElse(0));
      }
    }
    return newest;
  }
}
