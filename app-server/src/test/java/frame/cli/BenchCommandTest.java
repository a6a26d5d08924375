package frame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import frame.core.media.color.RgbProfiles;
import frame.core.testing.TestImages;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code frame bench} on a folder of photos: the figures that run in this JVM, printed per photo (nothing timed is asserted). */
class BenchCommandTest {
  @TempDir Path photos;

  @Test
  void prints_the_limit_and_every_photos_stages_and_decode_paths() {
    TestImages.write(photos, "plain.jpg", TestImages.jpeg(TestImages.detailedPhoto(1200, 900, 1)));
    TestImages.write(photos, "wide.jpg",
        TestImages.withIccProfile(TestImages.jpeg(TestImages.detailedPhoto(900, 1200, 2)), RgbProfiles.displayP3()));
    CommandLine commandLine = FrameCommand.commandLine();
    StringWriter out = new StringWriter();
    commandLine.setOut(new PrintWriter(out));

    int code = commandLine.execute("bench", "--corpus", photos.toString(), "--only", "2,3");

    String printed = out.toString();
    System.out.println(printed);
    assertThat(code).isZero();
    assertThat(printed).contains("FRAME bench: 2 photos", "2. limit:", "3. stages per photo", "plain.jpg", "wide.jpg",
        "decode paths:");
    assertThat(printed).containsPattern("wide\\.jpg +900x1200 .* yes ");
  }
}
