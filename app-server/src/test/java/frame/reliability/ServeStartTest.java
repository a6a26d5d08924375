package frame.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code frame serve} as a person starts it, in its own JVM: its first lines are FRAME's, not SLF4J's. */
class ServeStartTest {
  @TempDir Path dataDir;

  @Test
  void serve_starts_without_slf4j_replay_warnings() throws Exception {
    try (ChildFrame child = new ChildFrame(dataDir).start()) {
      assertThat(child.log()).contains("FRAME is serving").doesNotContain("SLF4J");
      assertThat(child.stop()).isEqualTo(ChildFrame.EXIT_AFTER_SIGTERM);
    }
  }
}
