package frame.core.formats;

import static frame.core.testing.RawFiles.ifd;
import static org.assertj.core.api.Assertions.assertThat;

import frame.core.Frame;
import frame.core.api.ImageDetails;
import frame.core.api.library.DetailText;
import frame.core.api.library.ExifSummary;
import frame.core.api.library.Image;
import frame.core.testing.FrameFixture;
import frame.core.testing.RawFiles;
import frame.core.testing.TestImages;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The camera panel of a DNG whose settings sit in its ExifIFD: one camera name, a readable date, lens and exposure. */
class CameraDetailsTest {
  @TempDir Path dataDir;

  @Test
  void a_dng_shows_its_camera_once_a_readable_date_and_the_settings_of_its_exif_ifd() {
    byte[] preview = TestImages.jpeg(TestImages.photo(640, 427, 3));
    byte[] dng = RawFiles.tiff(ifd().tag(0xFE, 1L).tag(0xC612, new byte[] {1, 4, 0, 0}).tag(0x10F, "Canon")
        .tag(0x110, "Canon EOS 6D").tag(0x112, 1).tag(0x103, 7).tag(0x106, 6)
        .tag(0x132, "2019:06:06 05:15:13")
        .exif(ifd().tag(0x9003, "2019:06:06 07:29:51").tag(0x9011, "+02:00").tag(0xA434, "EF24-105mm f/4L IS USM")
            .tag(0x8827, 1000).tag(0x829D, 8).tag(0x920A, 65).tag(0x829A, 1L))
        .subIfds(ifd().tag(0xFE, 1L).tag(0x103, 7).tag(0x106, 6).strip(preview)));
    try (Frame frame = FrameFixture.open(dataDir)) {
      frame.ports().imports().ingest(new ByteArrayInputStream(dng), "IMG_0001.dng", null);
      Image done = FrameFixture.awaitAllFinal(frame, Duration.ofMinutes(1)).getFirst();

      ImageDetails details = frame.ports().library().details(done.id());
      ExifSummary exif = details.exif().orElseThrow();

      assertThat(details.camera()).hasValue("Canon EOS 6D");
      assertThat(details.dateTaken()).hasValue("6 Jun 2019, 07:29:51 +02:00");
      assertThat(exif.lens()).isEqualTo("EF24-105mm f/4L IS USM");
      assertThat(exif.iso()).isEqualTo(1000);
      assertThat(exif.fNumber()).isEqualTo(8.0);
      assertThat(exif.focalLength()).isEqualTo(65.0);
      assertThat(exif.exposureTime()).isNotBlank();
    }
  }

  @Test
  void a_make_the_model_does_not_repeat_is_kept_and_a_time_without_offset_reads_as_local() {
    assertThat(DetailText.camera("NIKON CORPORATION", "NIKON D70")).hasValue("NIKON D70");
    assertThat(DetailText.camera("SONY", "ILCE-7M3")).hasValue("SONY ILCE-7M3");
    assertThat(DetailText.camera(null, "iPhone 5s")).hasValue("iPhone 5s");
    assertThat(DetailText.camera(" ", null)).isEmpty();
    assertThat(DetailText.dateTaken("2024-05-02T10:00:00.500")).hasValue("2 May 2024, 10:00:00");
    assertThat(DetailText.dateTaken("2024-05-02T10:00:00Z")).hasValue("2 May 2024, 10:00:00 +00:00");
    assertThat(DetailText.dateTaken(null)).isEmpty();
  }
}
