package frame.core.archive;

import static org.awaitility.Awaitility.await;

import frame.core.Frame;
import frame.core.api.config.FrameConfig;
import frame.core.api.library.Image;
import frame.core.api.library.ImageQuery;
import frame.core.api.library.ImageState;
import frame.core.api.imports.IngestResult;
import frame.core.testing.FrameFixture;
import frame.core.testing.TestImages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Opens FRAMEs whose archive retries quickly, imports generated photos and waits for states. */
final class ArchiveFixture {
  private ArchiveFixture() {}

  /** A data folder whose archive waits 200 ms, then at most 1 s, before trying a troubled target again. */
  static FrameConfig config(Path dataDir, String... extraSettings) throws IOException {
    Files.createDirectories(dataDir);
    List<String> lines = new ArrayList<>(List.of("first-wait-ms=200", "longest-wait-ms=1000"));
    lines.addAll(List.of(extraSettings));
    Files.write(dataDir.resolve(ArchiveSettings.FILE), lines);
    return FrameFixture.config(dataDir);
  }

  static Frame open(Path dataDir, String... extraSettings) throws IOException {
    return Frame.open(config(dataDir, extraSettings));
  }

  /** Imports {@code count} distinct generated JPEGs, each under {@code folder/<i>/IMG_000<i>.JPG}. */
  static List<Image> importPhotos(Frame frame, Path folder, int count, int seed) {
    List<Image> images = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Path file = TestImages.write(folder, "card" + (seed + i) + "/IMG_000" + i + ".JPG",
          TestImages.jpeg(TestImages.photo(320, 240, seed + i)));
      IngestResult result = frame.ports().imports().importFile(file);
      if (!(result instanceof IngestResult.Stored stored)) throw new AssertionError("not imported: " + result);
      images.add(stored.image());
    }
    return images;
  }

  static List<Image> awaitAll(Frame frame, ImageState state, Duration timeout) {
    return await("every photo " + state).atMost(timeout).pollInterval(Duration.ofMillis(25))
        .until(() -> frame.ports().library().list(ImageQuery.all()), all -> !all.isEmpty() && all.stream().allMatch(i -> i.state() == state));
  }

  static String sha256(InputStream in) throws IOException {
    try (in) {
      return ArchiveHandler.hash(in).sha256();
    }
  }

  static String sha256(Path file) throws IOException {
    return sha256(Files.newInputStream(file));
  }
}
