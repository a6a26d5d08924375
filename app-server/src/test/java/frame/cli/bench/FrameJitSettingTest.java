package frame.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The bench's "as ./frame runs it" row starts FRAME the way the launcher and the app image do, and both keep the JVM's warnings out of a command's output. */
class FrameJitSettingTest {
  private static final Path ROOT = Path.of("..");
  /** The JVM's own warnings on standard error, never in a command's output (frame images --json). */
  private static final String JVM_WARNINGS = "-Xlog:disable -Xlog:all=warning:stderr";

  @Test
  void the_launcher_the_app_image_and_the_bench_start_frame_with_one_jit_setting_and_heap_setting() throws Exception {
    String memory = String.join(" ", ColdImport.FRAME_MEMORY);
    assertThat(Files.readString(ROOT.resolve("frame")))
        .contains("exec java " + JVM_WARNINGS + " \"${cached[@]}\" " + ColdImport.FRAME_JIT + " " + memory + " \\\n  -jar");
    assertThat(Files.readString(ROOT.resolve("packaging/pom.xml"))).contains(ColdImport.FRAME_JIT).contains(memory)
        .contains(JVM_WARNINGS);
  }
}
