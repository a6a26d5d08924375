package frame.ui;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** CPU time of each live thread, to tell which threads a window's opening keeps busy. */
record ThreadCpu(Map<Long, Long> nanos, Map<Long, String> names) {
  static ThreadCpu now() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<Long, Long> nanos = new HashMap<>();
    Map<Long, String> names = new HashMap<>();
    for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) continue;
      long cpu = threads.getThreadCpuTime(info.getThreadId());
      if (cpu < 0) continue;
      nanos.put(info.getThreadId(), cpu);
      names.put(info.getThreadId(), info.getThreadName());
    }
    return new ThreadCpu(nanos, names);
  }

  /** Milliseconds of CPU each thread group (names without their digits) used since {@code before}, largest first. */
  String since(ThreadCpu before) {
    Map<String, Long> byGroup = new TreeMap<>();
    nanos.forEach((id, cpu) -> byGroup.merge(names.get(id).replaceAll("[0-9]+", "#"), cpu - before.nanos.getOrDefault(id, 0L), Long::sum));
    return byGroup.entrySet().stream().filter(e -> e.getValue() >= 5_000_000).sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .map(e -> e.getKey() + "=" + e.getValue() / 1_000_000).collect(Collectors.joining(", "));
  }
}
