package frame.core.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import frame.core.Frame;
import frame.core.api.library.Image;
import frame.core.api.library.ImageState;
import frame.core.api.imports.IngestResult;
import frame.core.testing.FrameFixture;
import frame.core.testing.TestImages;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every hostile file gets a clear outcome in bounded time, in a JVM capped at -Xmx512m, and the
 * photos beside them still finish. The mutation loop is reproducible: -Dframe.fuzz.seed=N, and
 * longer with -Dframe.fuzz.cases=N (default 200).
 */
class HostileFilesTest {
  @TempDir Path dataDir;

  @Test
  void catalogue_of_hostile_files_is_refused_or_fails_with_a_reason_and_good_photos_still_finish() {
    try (Frame frame = FrameFixture.open(dataDir)) {
      List<String> outcomes = new ArrayList<>();
      for (Map.Entry<String, byte[]> file : HostileFiles.catalogue().entrySet()) {
        outcomes.add(file.getKey() + " -> " + describe(frame, frame.ports().imports().ingest(new ByteArrayInputStream(file.getValue()), file.getKey(), null)));
      }
      frame.ports().imports().ingest(new ByteArrayInputStream(TestImages.jpeg(TestImages.photo(800, 600, 42))), "good.jpg", null);

      List<Image> images = FrameFixture.awaitAllFinal(frame, Duration.ofMinutes(2));

      for (Image image : images) {
        String name = image.originalName();
        if (name.equals("good.jpg") || name.startsWith("exif-")) {
          // broken metadata spoils neither the photo nor its other metadata: a partial result, noted
          assertThat(image.state()).as(name + " " + outcomes).isEqualTo(ImageState.PROCESSED);
        } else {
          assertThat(image.state()).as(name + " " + outcomes).isEqualTo(ImageState.FAILED);
          assertThat(image.failureReason()).isNotBlank();
        }
        if (name.equals("exif-offset-past-end.jpg")) {
          assertThat(frame.ports().library().details(image.id()).exif().orElseThrow().problems()).as(name).isNotBlank();
        }
      }
      System.out.println("Hostile catalogue: " + String.join("; ", outcomes));
    }
  }

  @Test
  void unusual_but_valid_photos_are_processed() {
    try (Frame frame = FrameFixture.open(dataDir)) {
      for (Map.Entry<String, byte[]> file : HostileFiles.mustSucceed().entrySet()) {
        assertThat(frame.ports().imports().ingest(new ByteArrayInputStream(file.getValue()), file.getKey(), null))
            .as(file.getKey()).isInstanceOf(IngestResult.Stored.class);
      }
      assertThat(FrameFixture.awaitAllFinal(frame, Duration.ofMinutes(1)))
          .allSatisfy(i -> assertThat(i.state()).as(i.originalName() + ": " + i.failureReason()).isEqualTo(ImageState.PROCESSED));
    }
  }

  @Test
  void seeded_mutations_of_valid_photos_all_end_clearly() {
    long seed = Long.getLong("frame.fuzz.seed", 20261128L);
    int cases = Integer.getInteger("frame.fuzz.cases", 200);
    Random random = new Random(seed);
    List<byte[]> seeds = HostileFiles.seeds();
    int rejected = 0;
    try (Frame frame = FrameFixture.open(dataDir)) {
      for (int i = 0; i < cases; i++) {
        byte[] mutant = HostileFiles.mutate(seeds.get(i % seeds.size()), random);
        IngestResult result = frame.ports().imports().ingest(new ByteArrayInputStream(mutant), "mutant-" + i, null);
        if (result instanceof IngestResult.Rejected) rejected++;
      }
      frame.ports().imports().ingest(new ByteArrayInputStream(TestImages.jpeg(TestImages.photo(800, 600, 43))), "good.jpg", null);

      List<Image> images = FrameFixture.awaitAllFinal(frame, Duration.ofMinutes(5));

      assertThat(images).allSatisfy(image -> {
        if (image.state() == ImageState.FAILED) assertThat(image.failureReason()).isNotBlank();
      });
      assertThat(images).filteredOn(i -> i.originalName().equals("good.jpg"))
          .singleElement().extracting(Image::state).isEqualTo(ImageState.PROCESSED);
      long failed = images.stream().filter(i -> i.state() == ImageState.FAILED).count();
      System.out.printf("Mutation loop seed %d: %d cases, %d rejected at upload, %d failed with a reason, %d processed%n",
          seed, cases, rejected, failed, images.size() - failed - 1);
    }
  }

  private static String describe(Frame frame, IngestResult result) {
    return switch (result) {
      case IngestResult.Rejected r -> "rejected (" + r.code() + ")";
      case IngestResult.Stored s -> "stored as " + s.image().id();
      case IngestResult.Duplicate d -> "duplicate";
      case IngestResult.Restored o -> "restored the original of " + o.image().id();
      case IngestResult.Skipped s -> "skipped (" + s.reason() + ")";
    };
  }
}
