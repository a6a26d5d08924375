package frame.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The CPU time PostgreSQL's backends for one database have used, read from Linux's /proc when the
 * server runs on this machine: on a small machine the database shares the cores with the nodes,
 * so a job's cost there counts as much as the nodes' own. Backends that end before the second
 * reading are missed (the nodes' pooled connections live as long as the nodes); elsewhere unknown.
 */
final class DatabaseServerCpu {
  private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ is 100 on Linux

  /** CPU nanoseconds by backend process id; empty when the processes cannot be read. */
  record Reading(Map<Long, Long> nanosByBackend) {
    /** The CPU used since {@code before} (a backend new since then counts whole), or -1 if unknown. */
    long nanosSince(Reading before) {
      if (nanosByBackend.isEmpty() || before.nanosByBackend.isEmpty()) return -1;
      return nanosByBackend.entrySet().stream()
          .mapToLong(backend -> backend.getValue() - before.nanosByBackend.getOrDefault(backend.getKey(), 0L)).sum();
    }
  }

  private DatabaseServerCpu() {}

  /** Reads the backends connected to the database {@code connection} is on, but its own. */
  static Reading of(Connection connection) throws SQLException {
    Map<Long, Long> nanos = new HashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet backends = statement.executeQuery(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
      while (backends.next()) {
        long pid = backends.getLong(1);
        long used = cpuNanos(pid);
        if (used < 0) return new Reading(Map.of()); // another machine's, or /proc not readable
        nanos.put(pid, used);
      }
    }
    return new Reading(nanos);
  }

  private static long cpuNanos(long pid) {
    String line;
    try {
      Path process = Path.of("/proc", Long.toString(pid));
      // a process of this id here may be another program when the server runs elsewhere
      if (!Files.readString(process.resolve("comm")).strip().equals("postgres")) return -1;
      line = Files.readString(process.resolve("stat"));
    } catch (IOException | SecurityException e) {
      return -1;
    }
    String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
    // after the name: state is field 0, utime 11 and stime 12 (proc(5) fields 14 and 15)
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
  }
}
