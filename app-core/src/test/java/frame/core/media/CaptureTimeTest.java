package frame.core.media;

import static frame.core.testing.RawFiles.ifd;
import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static frame.core.testing.TestImages.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import frame.core.api.library.ExifSummary;
import frame.core.api.library.ImageFormat;
import frame.core.testing.RawFiles;
import frame.core.testing.SampleFiles;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The capture time and camera settings of RAW files, read from the Exif IFD that holds them. */
class CaptureTimeTest {
  @TempDir Path dir;

  @Test
  void a_dng_s_date_taken_is_its_date_time_original_with_sub_seconds_and_offset_not_ifd0_s_modify_date() {
    byte[] preview = jpeg(photo(400, 300, 1));
    byte[] dng = RawFiles.tiff(ifd().tag(0xFE, 1L).tag(0xC612, new byte[] {1, 4, 0, 0}).tag(0x10F, "Canon")
        .tag(0x110, "Canon EOS 6D").tag(0x112, 1).tag(0x103, 7).tag(0x106, 6)
        .tag(0x132, "2019:06:06 05:15:13") // IFD0 ModifyDate: when the converter ran
        .exif(ifd().tag(0x9003, "2019:06:06 07:29:51").tag(0x9291, "12").tag(0x9011, "+02:00")
            .tag(0xA434, "EF24-105mm f/4L IS USM"))
        .subIfds(ifd().tag(0xFE, 0L).tag(0x103, 7).tag(0x106, 32803).strip(RawFiles.sensorData()),
            ifd().tag(0xFE, 1L).tag(0x103, 7).tag(0x106, 6).strip(preview)));
    Path file = write(dir, "IMG_1.dng", dng);

    assertThat(PhotoMetadata.basics(file, ImageFormat.DNG).takenAt()).isEqualTo("2019-06-06T07:29:51.120+02:00");
    ExifSummary full = PhotoMetadata.read(file);
    assertThat(full.takenAt()).isEqualTo("2019-06-06T07:29:51.120+02:00");
    assertThat(full.lens()).isEqualTo("EF24-105mm f/4L IS USM");
  }

  @Test
  void a_time_without_seconds_keeps_them() {
    assertThat(CaptureTime.format("2024:05:02 10:00:00", null, null)).isEqualTo("2024-05-02T10:00:00");
    assertThat(CaptureTime.format("2024:05:02 10:00:00", "5", "-05:00")).isEqualTo("2024-05-02T10:00:00.500-05:00");
  }

  @Test
  void the_sample_dng_has_its_original_time_and_its_settings() {
    Optional<Path> raws = SampleFiles.folder("raw");
    assumeTrue(raws.isPresent(), "no sample RAW files beside the repository");
    Path dng = SampleFiles.files(raws.get()).stream().filter(p -> p.toString().toLowerCase().endsWith(".dng")).findFirst()
        .orElse(null);
    assumeTrue(dng != null, "no sample DNG");

    ExifSummary exif = PhotoMetadata.read(dng);

    assertThat(exif.takenAt()).startsWith("2019-06-06T07:29:51");
    assertThat(exif.exposureTime()).isNotNull();
    assertThat(exif.fNumber()).isNotNull();
    assertThat(exif.iso()).isNotNull();
    assertThat(exif.focalLength()).isNotNull();
  }
}
