package frame.core.formats;

import static frame.core.testing.RawFiles.ifd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import frame.core.Frame;
import frame.core.api.library.Image;
import frame.core.api.library.ImageState;
import frame.core.media.codec.NativeLibrary;
import frame.core.media.codec.raw.LibRaw;
import frame.core.testing.FrameFixture;
import frame.core.testing.RawFiles;
import frame.core.testing.SampleFiles;
import frame.core.testing.TestImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A RAW whose embedded preview is under 2000 px is developed with LibRaw for the preview and the
 * 1:1 view; without LibRaw (this class also runs with native libraries hidden) the embedded
 * preview is shown and the details say what is missing.
 */
class RawDevelopTest {
  private static final int WIDTH = 1200;
  private static final int HEIGHT = 800;

  @TempDir Path dataDir;

  @Test
  void a_linear_dng_with_a_small_preview_is_developed_from_its_sensor_data() throws Exception {
    boolean developed = LibRaw.load().isPresent();
    byte[] dng = linearDng();
    try (Frame frame = FrameFixture.open(dataDir)) {
      frame.ports().imports().ingest(new ByteArrayInputStream(dng), "IMG_0001.dng", null);
      Image done = FrameFixture.awaitAllFinal(frame, Duration.ofMinutes(1)).getFirst();
      assertThat(done.state()).as(done.failureReason()).isEqualTo(ImageState.PROCESSED);
      BufferedImage preview = ImageIO.read(frame.ports().library().files(done).existingPreview().orElseThrow().toFile());
      BufferedImage full = frame.ports().library().decodeOriginal(done.id());
      Optional<String> note = frame.ports().library().details(done.id()).previewNote();

      if (developed) {
        assertThat(preview.getWidth()).as("developed, not the 320 px embedded preview").isEqualTo(WIDTH);
        assertThat(full.getWidth()).as("the 1:1 view is developed too").isEqualTo(WIDTH);
        assertThat(note).hasValueSatisfying(n -> assertThat(n).contains("320 x 213", "LibRaw", "1200 x 800"));
        // the sensor's quadrants come through in their colours
        assertDominant(preview.getRGB(WIDTH / 4, HEIGHT / 4), 16);
        assertDominant(preview.getRGB(3 * WIDTH / 4, HEIGHT / 4), 8);
        assertDominant(preview.getRGB(WIDTH / 4, 3 * HEIGHT / 4), 0);
      } else {
        assertThat(preview.getWidth()).isEqualTo(320);
        assertThat(note).hasValueSatisfying(n -> assertThat(n).contains("320 x 213", NativeLibrary.hidden("libraw")
            ? "LibRaw is hidden" : "apt install libraw20"));
      }
    }
  }

  @Test
  void a_raw_libraw_cannot_develop_shows_its_embedded_preview_and_says_why() {
    // the sensor data is filler: LibRaw can read no picture from it
    byte[] dng = RawFiles.tiff(RawFiles.dng(TestImages.jpeg(TestImages.quadrants(640, 427)), 1, "Canon EOS 6D"));
    try (Frame frame = FrameFixture.open(dataDir)) {
      frame.ports().imports().ingest(new ByteArrayInputStream(dng), "IMG_0002.dng", null);
      Image done = FrameFixture.awaitAllFinal(frame, Duration.ofMinutes(1)).getFirst();

      assertThat(done.state()).as(done.failureReason()).isEqualTo(ImageState.PROCESSED);
      assertThat(done.width()).isEqualTo(640);
      assertThat(frame.ports().library().details(done.id()).previewNote()).hasValueSatisfying(note ->
          assertThat(note).contains("640 x 427", LibRaw.load().isPresent() ? "LibRaw cannot develop it" : "LibRaw"));
    }
  }

  @Test
  void the_sample_dng_is_developed_at_its_sensor_size_over_its_1024_px_preview() throws Exception {
    Optional<Path> raws = SampleFiles.folder("raw");
    assumeTrue(raws.isPresent(), "no sample RAW files beside the repository");
    Path dng = raws.get().resolve("canon_eos_6d.dng");
    assumeTrue(Files.isRegularFile(dng), "no sample DNG");
    assumeTrue(LibRaw.load().isPresent(), "LibRaw is not on this machine (or hidden)");
    try (Frame frame = FrameFixture.open(dataDir)) {
      frame.ports().imports().ingest(Files.newInputStream(dng), "canon_eos_6d.dng", null);
      Image done = FrameFixture.awaitAllFinal(frame, Duration.ofMinutes(1)).getFirst();

      assertThat(done.state()).as(done.failureReason()).isEqualTo(ImageState.PROCESSED);
      BufferedImage preview = ImageIO.read(frame.ports().library().files(done).existingPreview().orElseThrow().toFile());
      assertThat(preview.getWidth()).isEqualTo(1224);
      assertThat(frame.ports().library().details(done.id()).previewNote())
          .hasValueSatisfying(note -> assertThat(note).contains("1024 x 683", "developed", "1224 x 816"));
    }
  }

  /** The channel at {@code shift} (16 red, 8 green, 0 blue) clearly above the other two. */
  private static void assertDominant(int rgb, int shift) {
    int main = rgb >> shift & 0xFF;
    for (int other : new int[] {16, 8, 0}) {
      if (other != shift) assertThat(main).as("%06x", rgb & 0xFFFFFF).isGreaterThan((rgb >> other & 0xFF) + 40);
    }
  }

  /**
   * A DNG as converters write it: IFD0 holds a 320 px JPEG preview, a SubIFD the linear (already
   * demosaiced) sensor data, 16 bits per channel, uncompressed: red, green, blue and white quadrants.
   */
  private static byte[] linearDng() {
    ByteBuffer sensor = ByteBuffer.allocate(WIDTH * HEIGHT * 6).order(ByteOrder.LITTLE_ENDIAN);
    for (int y = 0; y < HEIGHT; y++) {
      for (int x = 0; x < WIDTH; x++) {
        boolean left = x < WIDTH / 2;
        boolean top = y < HEIGHT / 2;
        int r = top && left || !top && !left ? 40000 : 1500;
        int g = top && !left || !top && !left ? 40000 : 1500;
        int b = !top && left || !top && !left ? 40000 : 1500;
        sensor.putShort((short) r).putShort((short) g).putShort((short) b);
      }
    }
    byte[] preview = TestImages.jpeg(TestImages.quadrants(320, 213));
    return RawFiles.tiff(ifd().tag(0xFE, 1L).tag(0xC612, new byte[] {1, 4, 0, 0}).tag(0x10F, "Canon")
        .tag(0x110, "Canon EOS 6D").tag(0xC614, "Canon EOS 6D").tag(0x112, 1)
        .tag(0x100, 320L).tag(0x101, 213L).tag(0x103, 7).tag(0x106, 6).tag(0x115, 3).strip(preview)
        .subIfds(ifd().tag(0xFE, 0L).tag(0x100, (long) WIDTH).tag(0x101, (long) HEIGHT).tag(0x102, 16)
            .tag(0x103, 1).tag(0x106, 34892).tag(0x115, 3).tag(0x116, (long) HEIGHT).tag(0x11C, 1)
            .strip(sensor.array())));
  }
}
