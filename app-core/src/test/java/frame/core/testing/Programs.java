package frame.core.testing;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** The programs of this machine a test drives (node, npm, unshare), asked whether they are there. */
public final class Programs {
  private Programs() {}

  /** Whether {@code command} runs and succeeds within 30 s; a test that needs it skips when not. */
  public static boolean works(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
