package frame.cli;

import static frame.core.testing.RawFiles.ifd;
import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static frame.core.testing.TestImages.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import frame.core.api.library.ImageFormat;
import frame.core.media.Codecs;
import frame.core.testing.ExifBuilder;
import frame.core.testing.RawFiles;
import frame.core.testing.SampleFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code frame images} and {@code frame shoots} print, and the options they refuse. */
class ImagesTableTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataDir;
  @TempDir Path photos;

  CommandRun frame(String... args) {
    return CommandRun.of(dataDir, args);
  }

  @Test
  void taken_times_with_milliseconds_or_an_offset_keep_the_columns_in_line() {
    write(photos, "plain.jpg", new ExifBuilder().dateTaken("2004:11:21 21:29:12").into(jpeg(photo(320, 240, 1))));
    write(photos, "millis.dng", dng("2004:11:21 21:29:12", "2", null));
    write(photos, "offset.dng", dng("2023:10:31 11:44:43", "432", "+01:00"));
    assertThat(frame("import", photos.toString()).exitCode()).isZero();

    List<String> images = lines(frame("images").out());
    assertThat(images).anyMatch(line -> line.contains(" 2004-11-21 21:29:12 ") && line.endsWith("plain.jpg"))
        .anyMatch(line -> line.contains(" 2004-11-21 21:29:12 ") && line.endsWith("millis.dng"))
        .anyMatch(line -> line.contains(" 2023-10-31 11:44:43 +01:00 ") && line.endsWith("offset.dng"));
    assertThat(images).noneMatch(line -> line.contains("T21:29") || line.contains(".200") || line.contains(".432"));
    assertLinedUp(images, "FLAG");

    assertLinedUp(lines(frame("shoots").out()), "NAME");
  }

  @Test
  void enum_options_take_any_case() {
    CommandRun run = frame("images", "--status", "failed");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(frame("jobs", "--status", "Failed").exitCode()).isZero();
  }

  @Test
  void a_rating_outside_one_to_five_is_a_usage_error() {
    for (String rating : new String[] {"0", "6", "three"}) {
      CommandRun run = frame("images", "--rating", rating);
      assertThat(run.exitCode()).as(rating).isEqualTo(2);
      assertThat(run.err()).contains("--rating").contains("from 1 to 5");
    }
    assertThat(frame("export", photos.resolve("out").toString(), "--rating", "0").exitCode()).isEqualTo(2);
    assertThat(frame("images", "--rating", "5").exitCode()).isZero();
  }

  @Test
  void a_failure_reason_that_ends_in_a_line_break_is_kept_and_printed_without_it() throws Exception {
    Optional<Path> heic = SampleFiles.folder("heic");
    assumeTrue(heic.isPresent(), "no sample HEIC files beside the repository");
    assumeTrue(Codecs.forFormat(ImageFormat.HEIC).decodes(), "FRAME decodes no HEIC here");
    byte[] whole = Files.readAllBytes(heic.get().resolve("iphone_7.heic"));
    write(photos, "cut.heic", Arrays.copyOf(whole, 300_000)); // as `head -c 300000` cuts it

    frame("import", photos.toString());

    JsonNode image = JSON.readTree(frame("images", "--json").out()).get(0);
    assertThat(image.get("state").asText()).isEqualTo("FAILED");
    String reason = image.get("failureReason").asText();
    assertThat(reason).isNotBlank().isEqualTo(reason.strip());
    assertThat(frame("images").out()).contains("cut.heic  (" + reason + ")" + System.lineSeparator());
  }

  /** A DNG whose Exif sub-IFD says when it was taken, as a camera writes it. */
  private static byte[] dng(String dateTimeOriginal, String subSeconds, String offset) {
    RawFiles.Ifd exif = ifd().tag(0x9003, dateTimeOriginal).tag(0x9291, subSeconds);
    if (offset != null) exif.tag(0x9011, offset);
    return RawFiles.tiff(ifd().tag(0xFE, 1L).tag(0xC612, new byte[] {1, 4, 0, 0}).tag(0x10F, "Canon")
        .tag(0x110, "Canon EOS 6D").tag(0x112, 1).tag(0x103, 7).tag(0x106, 6).exif(exif)
        .subIfds(ifd().tag(0xFE, 0L).tag(0x103, 7).tag(0x106, 32803).strip(RawFiles.sensorData()),
            ifd().tag(0xFE, 1L).tag(0x103, 7).tag(0x106, 6).strip(jpeg(photo(400, 300, 2)))));
  }

  private static List<String> lines(String out) {
    return out.lines().toList();
  }

  /** Each row has its text for {@code column} where the header has it: no column before it went out of line. */
  private static void assertLinedUp(List<String> table, String column) {
    int at = table.getFirst().indexOf(column);
    assertThat(at).as(table.getFirst()).isPositive();
    List<String> rows = table.subList(1, table.size() - 1); // the last line is the count
    assertThat(rows).isNotEmpty().allSatisfy(row -> {
      assertThat(row.charAt(at - 1)).as(row).isEqualTo(' ');
      assertThat(row.charAt(at)).as(row).isNotEqualTo(' ');
    });
  }
}
