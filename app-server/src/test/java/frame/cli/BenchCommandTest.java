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

  @Test
  void card_figure_imports_distinct_copies_cold_and_prints_time_cpu_and_memory_of_both_sides() {
    TestImages.write(photos, "a.jpg", TestImages.jpeg(TestImages.detailedPhoto(1200, 900, 3)));
    TestImages.write(photos, "b.jpg", TestImages.jpeg(TestImages.detailedPhoto(900, 1200, 4)));
    CommandLine commandLine = FrameCommand.commandLine();
    StringWriter out = new StringWriter();
    commandLine.setOut(new PrintWriter(out));

    int code = commandLine.execute("bench", "card", "--corpus", photos.toString(), "--copies", "6", "--runs", "1",
        "--no-startup-cache");

    String printed = out.toString();
    System.out.println(printed);
    assertThat(code).isZero();
    assertThat(printed).contains("card: 6 distinct copies of 2 photos", "run 1:");
    // the child FRAME really ran: a time, CPU seconds and a peak resident memory above zero
    assertThat(printed).containsPattern("FRAME cold import +[0-9.]+ photos/s +[0-9.]+ s +CPU +[0-9.]+ s \\( *[0-9]+ ms a photo\\)"
        + " +peak RSS +[1-9][0-9]* MB");
    if (frame.cli.bench.VipsReference.find().isPresent()) {
      assertThat(printed).containsPattern("libvips reference .* [0-9.]+ photos/s .* peak RSS +[1-9][0-9]* MB a process");
      assertThat(printed).containsPattern("FRAME = [0-9.]+x libvips");
    } else {
      assertThat(printed).contains("vipsthumbnail not installed");
    }
  }

  @Test
  void card_variants_are_timed_beside_the_plain_import_with_their_change_and_the_time_until_every_job_ended() {
    TestImages.write(photos, "a.jpg", TestImages.jpeg(TestImages.detailedPhoto(900, 600, 5)));
    CommandLine commandLine = FrameCommand.commandLine();
    StringWriter out = new StringWriter();
    commandLine.setOut(new PrintWriter(out));

    int code = commandLine.execute("bench", "card", "--corpus", photos.toString(), "--copies", "3", "--runs", "1",
        "--no-startup-cache", "--variant", "folder-target", "--variant", "analysis-off");

    String printed = out.toString();
    System.out.println(printed);
    assertThat(code).isZero();
    assertThat(printed).contains("variants beside the plain import: folder-target (a folder archive target on the same disk);"
        + " analysis-off (analysis=off in culling.properties)");
    assertThat(printed).containsPattern("run 1: .*FRAME [0-9.]+ s, CPU [0-9.]+ s, peak RSS [1-9][0-9]* MB \\(all jobs [0-9.]+ s"
        + ".*; folder-target [0-9.]+ s.*\\(all jobs [0-9.]+ s.*; analysis-off [0-9.]+ s");
    assertThat(printed).containsPattern("FRAME cold import, all jobs \\(\\+ queue wait\\) +[0-9.]+ photos/s");
    assertThat(printed).containsPattern("FRAME folder-target all jobs +[0-9.]+ photos/s");
    assertThat(printed).containsPattern("folder-target: import [+-][0-9.]+ % \\(CPU [+-][0-9.]+ %\\); all jobs [+-][0-9.]+ %");
    assertThat(printed).containsPattern("analysis-off: import [+-][0-9.]+ %");
  }

  @Test
  void an_unknown_card_variant_is_refused_with_the_ones_there_are() {
    CommandLine commandLine = FrameCommand.commandLine();
    StringWriter err = new StringWriter();
    commandLine.setErr(new PrintWriter(err));

    int code = commandLine.execute("bench", "card", "--variant", "s3-target");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("'s3-target' is not a variant: folder-target or analysis-off");
  }
}
