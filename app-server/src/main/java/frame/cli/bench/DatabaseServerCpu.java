package frame.cli.bench;

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
    // a process of this id here may be another program when the server runs elsewhere
    return ProcStat.read(Path.of("/proc", Long.toString(pid), "stat"))
        .filter(process -> process.name().equals("postgres"))
        .map(process -> process.cpuTicks() * ProcStat.NANOS_PER_TICK).orElse(-1L);
  }
}
