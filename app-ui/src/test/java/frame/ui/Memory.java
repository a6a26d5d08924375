package frame.ui;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** This JVM's memory after a full collection: the heap in use and the resident set (VmRSS, -1 off Linux). */
record Memory(long heap, long rss) {
  static Memory afterGc() throws IOException {
    for (int i = 0; i < 3; i++) System.gc();
    return new Memory(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), residentBytes());
  }

  /** VmRSS of /proc/self/status: what the "MB more" counts, heap and all the rest of the process. */
  static long residentBytes() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) return -1;
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
    }
    return -1;
  }
}
