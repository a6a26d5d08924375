package frame.core.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import frame.core.Frame;
import frame.core.api.library.Image;
import frame.core.api.library.ImageFormat;
import frame.core.api.library.ImageState;
import frame.core.api.imports.IngestResult;
import frame.core.testing.ExifBuilder;
import frame.core.testing.FrameFixture;
import frame.core.testing.HeifFixtures;
import frame.core.testing.RawFiles;
import frame.core.testing.TestImages;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Truncated and bit-flipped HEIC, AVIF and camera RAW files through the same seeded mutation
 * loop as the other formats (F2): each is refused at upload or ends PROCESSED or FAILED with a
 * reason, in bounded time, in this -Xmx512m JVM; libheif gets every one that reaches it, so a
 * crash in native code would end the test run. -Dframe.fuzz.seed=N, -Dframe.fuzz.cases=N.
 */
class HostileFormatsTest {
  @TempDir Path dataDir;

  @Test
  void seeded_mutations_of_heif_and_raw_files_all_end_clearly() {
    long seed = Long.getLong("frame.fuzz.seed", 20261201L);
    int cases = Integer.getInteger("frame.fuzz.cases", 200);
    Random random = new Random(seed);
    List<byte[]> seeds = seeds();
    int rejected = 0;
    try (Frame frame = FrameFixture.open(dataDir)) {
      for (int i = 0; i < cases; i++) {
        byte[] seedFile = seeds.get(i % seeds.size());
        byte[] mutant = i % 5 == 0 ? truncated(seedFile, random) : HostileFiles.mutate(seedFile, random);
        IngestResult result = frame.ports().imports().ingest(new ByteArrayInputStream(mutant), "mutant-" + i, null);
        if (result instanceof IngestResult.Rejected r) {
          assertThat(r.reason()).isNotBlank();
          rejected++;
        }
      }
      frame.ports().imports().ingest(new ByteArrayInputStream(TestImages.jpeg(TestImages.photo(800, 600, 44))), "good.jpg", null);

      List<Image> images = FrameFixture.awaitAllFinal(frame, Duration.ofMinutes(5));

      assertThat(images).allSatisfy(image -> {
        if (image.state() == ImageState.FAILED) assertThat(image.failureReason()).isNotBlank();
      });
      assertThat(images).filteredOn(i -> i.originalName().equals("good.jpg"))
          .singleElement().extracting(Image::state).isEqualTo(ImageState.PROCESSED);
      long failed = images.stream().filter(i -> i.state() == ImageState.FAILED).count();
      long heif = images.stream().filter(i -> i.format().isHeifFamily()).count();
      System.out.printf("HEIF/RAW mutation loop seed %d: %d cases, %d rejected at upload, %d failed with a reason,"
          + " %d processed, %d reached the HEIF codec%n", seed, cases, rejected, failed, images.size() - failed - 1, heif);
    }
  }

  @Test
  void a_heic_declaring_a_gigapixel_is_refused_before_anything_decodes_it() {
    HeifFixtures heif = HeifFixtures.available(HeifFixtures.Codec.HEVC).orElse(null);
    org.junit.jupiter.api.Assumptions.assumeTrue(heif != null, "libheif makes the HEIC");
    byte[] file = heif.encode(TestImages.photo(64, 48, 1), HeifFixtures.Codec.HEVC, 1, null);
    String text = new String(file, StandardCharsets.ISO_8859_1);
    // every ispe: libheif writes a picture this small as a one-tile grid, each with its own size
    for (int at = text.indexOf("ispe"); at >= 0; at = text.indexOf("ispe", at + 4)) {
      ByteBuffer.wrap(file).putInt(at + 8, 40_000).putInt(at + 12, 30_000);
    }
    try (Frame frame = FrameFixture.open(dataDir)) {
      IngestResult result = frame.ports().imports().ingest(new ByteArrayInputStream(file), "huge.heic", null);
      assertThat(result).isInstanceOf(IngestResult.Rejected.class);
      assertThat(((IngestResult.Rejected) result).code()).isEqualTo("image_too_large");
    }
  }

  /** Cut anywhere, including inside the boxes or directories near the start. */
  private static byte[] truncated(byte[] seed, Random random) {
    int cut = random.nextBoolean() ? 8 + random.nextInt(Math.min(seed.length - 8, 600)) : 8 + random.nextInt(seed.length - 8);
    return Arrays.copyOf(seed, cut);
  }

  static List<byte[]> seeds() {
    List<byte[]> seeds = new ArrayList<>();
    byte[] exif = new ExifBuilder().orientation(6).camera("Apple", "iPhone").tiff();
    for (HeifFixtures.Codec codec : HeifFixtures.Codec.values()) {
      HeifFixtures.available(codec).ifPresent(heif -> seeds.add(heif.encode(TestImages.photo(160, 120, 9), codec, 6, exif)));
    }
    byte[] preview = TestImages.jpeg(TestImages.photo(320, 240, 11));
    for (ImageFormat raw : List.of(ImageFormat.DNG, ImageFormat.NEF, ImageFormat.CR2, ImageFormat.RW2, ImageFormat.RAF, ImageFormat.CR3)) {
      seeds.add(RawFiles.container(raw, preview, 6, "Seed Cam"));
    }
    return seeds;
  }
}
