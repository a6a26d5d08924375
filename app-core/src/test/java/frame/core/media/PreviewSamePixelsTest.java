package frame.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import frame.core.media.turbo.TurboJpeg;
import frame.core.testing.TestImages;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The baseline file a preview's progressive scans are made from decodes to exactly the pixels of
 * the progressive file written, at every scale libjpeg-turbo decodes to: culling's analysis
 * measures it instead of the file, and its hash and sharpness must be the file's.
 */
class PreviewSamePixelsTest {
  private final String hiddenBefore = System.getProperty("frame.native.disable");

  @AfterEach
  void hide_what_was_hidden_before() {
    if (hiddenBefore == null) System.clearProperty("frame.native.disable");
    else System.setProperty("frame.native.disable", hiddenBefore);
  }

  @ParameterizedTest(name = "{0} x {1}")
  @CsvSource({"2000, 1333", "1333, 2000", "2000, 2000", "1999, 1125", "640, 480", "37, 23"})
  void the_baseline_bytes_decode_to_the_progressive_file_s_pixels_at_every_scale(int width, int height) throws Exception {
    TurboJpeg turbo = turbo();
    BufferedImage preview = TestImages.detailedPhoto(width, height, width + height);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    byte[] baseline = Renditions.writePreview(preview, file).orElseThrow();
    byte[] progressive = file.toByteArray();
    assertThat(progressive).isNotEqualTo(baseline);
    assertThat(isProgressive(progressive)).isTrue();
    assertThat(isProgressive(baseline)).isFalse();
    for (int eighths = 1; eighths <= 8; eighths++) {
      assertThat(pixels(turbo.decode(baseline, width, height, eighths)))
          .as("%d/8", eighths).isEqualTo(pixels(turbo.decode(progressive, width, height, eighths)));
    }
  }

  @Test
  void without_libjpeg_turbo_a_preview_is_still_written_and_no_baseline_is_answered() throws Exception {
    System.setProperty("frame.native.disable", "turbojpeg");
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    Optional<byte[]> baseline = Renditions.writePreview(TestImages.detailedPhoto(300, 200, 5), file);
    assertThat(baseline).isEmpty();
    assertThat(isProgressive(file.toByteArray())).isTrue();
  }

  private static TurboJpeg turbo() {
    assumeTrue(TurboJpeg.available().isPresent(), "libturbojpeg is not installed here");
    return TurboJpeg.available().get();
  }

  private static int[] pixels(BufferedImage image) {
    return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
  }

  /** Whether the frame marker is SOF2 (progressive, Huffman) rather than SOF0/SOF1. */
  private static boolean isProgressive(byte[] jpeg) {
    int at = 2;
    while (at + 4 <= jpeg.length) {
      int marker = jpeg[at + 1] & 0xff;
      if (marker == 0xC2) return true;
      if (marker == 0xC0 || marker == 0xC1) return false;
      at += 2 + ((jpeg[at + 2] & 0xff) << 8 | (jpeg[at + 3] & 0xff));
    }
    throw new AssertionError("no frame marker");
  }
}
