package frame.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * FRAME's JVM options are written once (pom.xml's frame.jvm.options): the launcher, the app image,
 * the window tests and the bench's "as ./frame runs it" side all start FRAME with them, and both
 * launchers keep the JVM's warnings out of a command's output.
 */
class FrameJitSettingTest {
  private static final Path ROOT = Path.of("..");
  /** The JVM's own warnings on standard error, never in a command's output (frame images --json). */
  private static final String JVM_WARNINGS = "-Xlog:disable -Xlog:all=warning:stderr";
  private static final String FROM_POM = "${frame.jvm.options}";

  @Test
  void the_bench_starts_frame_with_the_options_written_in_pom_xml() throws Exception {
    assertThat(Files.readString(ROOT.resolve("pom.xml")))
        .contains("<frame.jvm.options>" + String.join(" ", ColdImport.FRAME_OPTIONS) + "</frame.jvm.options>");
    assertThat(ColdImport.FRAME_OPTIONS).contains("-XX:CompileThresholdScaling=10", "-Xms320m", "-Xmx2g", "-XX:GCTimeRatio=4");
    assertThat(ColdImport.FRAME_JIT).isEqualTo("-XX:CompileThresholdScaling=10");
  }

  @Test
  void the_launcher_reads_the_options_from_pom_xml_and_lets_frame_java_options_follow_them() throws Exception {
    String launcher = Files.readString(ROOT.resolve("frame"));
    assertThat(launcher).contains("exec java " + JVM_WARNINGS + " \"${cached[@]}\" \"${options[@]}\" \"${extra[@]}\" \\\n  -jar");
    // the launcher's own line that reads them, run against this checkout's pom.xml
    String reading = launcher.lines().filter(line -> line.startsWith("read -ra options ")).findFirst().orElseThrow();
    Process bash = new ProcessBuilder("bash", "-c", "here=\"$1\"; " + reading + "; printf '%s\\n' \"${options[@]}\"", "bash",
        ROOT.toAbsolutePath().toString()).redirectErrorStream(true).start();
    String printed = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(printed.lines().toList()).isEqualTo(ColdImport.FRAME_OPTIONS);
  }

  @Test
  void the_app_image_and_the_window_tests_take_the_options_from_pom_xml() throws Exception {
    assertThat(Files.readString(ROOT.resolve("packaging/pom.xml")))
        .contains("<argument>" + FROM_POM + " --enable-native-access=ALL-UNNAMED " + JVM_WARNINGS + "</argument>");
    assertThat(Files.readString(ROOT.resolve("app-ui/pom.xml"))).contains("<argLine>" + FROM_POM + " ");
    for (String pom : List.of("packaging/pom.xml", "app-ui/pom.xml", "app-server/pom.xml", "app-core/pom.xml")) {
      assertThat(Files.readString(ROOT.resolve(pom))).as(pom).doesNotContain("-Xms").doesNotContain("CompileThresholdScaling");
    }
  }
}
