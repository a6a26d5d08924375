package frame.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The calling thread's nice value, as Linux accounts it (tests that check who yields to whom). */
public final class ThreadNice {
  private static final Path THREAD_STAT = Path.of("/proc/thread-self/stat");

  private ThreadNice() {}

  /** Whether this system says (Linux 3.17 and later). */
  public static boolean readable() {
    return Files.isReadable(THREAD_STAT);
  }

  /** Field 19 of /proc/thread-self/stat; the name in field 2 may hold spaces, so count after its ')'. */
  public static int current() {
    try {
      String stat = Files.readString(THREAD_STAT);
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Integer.parseInt(fields[16]);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
