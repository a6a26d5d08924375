package frame.reliability;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code frame backup} against a running FRAME that is receiving photos, then {@code frame restore}
 * after its database folder is deleted: every FRAME here is a child JVM, as a person runs them.
 */
class CatalogueBackupProcessTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern FOLDER = Pattern.compile("into (\\S+frame-backup-\\S+)");

  @TempDir Path dataDir;
  @TempDir Path backups;

  @Test
  void a_backup_taken_during_uploads_restores_after_db_is_deleted_and_later_photos_are_adopted() throws Exception {
    ChildFrame frame = new ChildFrame(dataDir).start();
    AtomicInteger uploaded = new AtomicInteger();
    Thread uploads = Thread.ofPlatform().start(() -> {
      try {
        for (int i = 0; i < 24; i++) {
          assertThat(frame.upload("IMG_" + i + ".jpg", jpeg(photo(200, 150, i))).statusCode()).isEqualTo(201);
          uploaded.incrementAndGet();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    while (uploaded.get() < 4) Thread.onSpinWait();
    ChildFrame.Finished backup = frame.runAnother("backup", backups.toString());
    uploads.join();
    assertThat(uploaded).hasValue(24);
    frame.stop();

    assertThat(backup.exitCode()).as(backup.output()).isZero();
    Matcher folder = FOLDER.matcher(backup.output());
    assertThat(folder.find()).as(backup.output()).isTrue();
    assertThat(Path.of(folder.group(1)).resolve("frame-backup.json")).isRegularFile();

    deleteTree(dataDir.resolve("db"));
    ChildFrame.Finished restore = frame.runAnother("restore", backups.toString());
    assertThat(restore.exitCode()).as(restore.output()).isZero();
    assertThat(restore.output()).contains("24 photo(s) in the library").containsPattern("\\d+ imported after the backup adopted");

    frame.start();
    JsonNode page = JSON.readTree(frame.get("/api/images?limit=100").body());
    assertThat(page.get("total").asInt()).isEqualTo(24);
    Set<String> shas = new HashSet<>();
    for (JsonNode image : page.get("items")) shas.add(image.get("sha256").asText());
    assertThat(shas).hasSize(24);
    frame.stop();
  }

  @Test
  void a_corrupted_backup_is_refused_with_exit_2_and_the_database_is_not_touched() throws Exception {
    ChildFrame frame = new ChildFrame(dataDir).start();
    assertThat(frame.upload("one.jpg", jpeg(photo(200, 150, 1))).statusCode()).isEqualTo(201);
    ChildFrame.Finished backup = frame.runAnother("backup", backups.toString());
    frame.stop();
    assertThat(backup.exitCode()).as(backup.output()).isZero();
    Path archive;
    try (Stream<Path> files = Files.walk(backups)) {
      archive = files.filter(p -> p.getFileName().toString().equals("database.tar.gz")).findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(archive);
    bytes[bytes.length - 100] ^= 0x01;
    Files.write(archive, bytes);
    List<String> before = names(dataDir.resolve("db"));

    ChildFrame.Finished restore = frame.runAnother("restore", "--force", backups.toString());

    assertThat(restore.exitCode()).as(restore.output()).isEqualTo(2);
    assertThat(restore.output()).contains("damaged").contains("Nothing was changed");
    assertThat(names(dataDir.resolve("db"))).isEqualTo(before);
    assertThat(dataDir).isDirectoryNotContaining(p -> p.getFileName().toString().startsWith("db.replaced"));
  }

  private static List<String> names(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static void deleteTree(Path path) throws Exception {
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) Files.delete(p);
    }
  }
}
