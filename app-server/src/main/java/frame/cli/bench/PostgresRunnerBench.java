package frame.cli.bench;

import frame.core.api.config.ConfigLoader;
import frame.core.api.FrameLibrary;
import frame.core.api.config.FrameConfig;
import frame.core.api.bench.Benchmarks;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code frame bench postgres}: the runner on a shared PostgreSQL with 1, 2 and 4 nodes, each a
 * separate {@code frame worker} process, beside the embedded database's figure. Every run uses a
 * scratch database it creates and drops, and a scratch storage folder.
 */
@Command(name = "postgres", mixinStandardHelpOptions = true,
    description = {"Runner throughput on PostgreSQL with several frame worker processes: no-op jobs/s and photos/s.",
        "Each no-op run is timed twice: after 1 000 warm-up jobs a node, then once more rounds of them have left",
        "the nodes' JIT quiet (the state long-running nodes work in), on job tables emptied and warmed up again.",
        "Needs DATABASE_URL=jdbc:postgresql://HOST:PORT/DB with DATABASE_USER/DATABASE_PASSWORD (a login that may",
        "create databases: each run makes a scratch database and drops it)."})
public final class PostgresRunnerBench implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--nodes", split = ",", defaultValue = "1,2,4", description = "Worker processes for the no-op runs (default ${DEFAULT-VALUE}).")
  List<Integer> nodes;

  @Option(names = "--photo-nodes", split = ",", defaultValue = "1,2", description = "Worker processes for the photo runs (default ${DEFAULT-VALUE}).")
  List<Integer> photoNodes;

  @Option(names = "--jobs", defaultValue = "20000", description = "No-op jobs per run (default ${DEFAULT-VALUE}).")
  int jobs;

  @Option(names = "--node-workers", defaultValue = "4", description = "Worker threads in each node (default ${DEFAULT-VALUE}).")
  int nodeWorkers;

  @Option(names = "--batch", defaultValue = "50", description = "Claim batch size (default ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--photos", defaultValue = "40", description = "Photos per photo run (default ${DEFAULT-VALUE}).")
  int photos;

  @Option(names = "--corpus", paramLabel = "DIR", description = "Folder of JPEGs (default: the generated camera-like set of frame bench, in a temp folder).")
  Path corpus;

  private PrintWriter out;

  @Override
  public Integer call() throws Exception {
    out = spec.commandLine().getOut();
    FrameConfig config = ConfigLoader.fromEnvironment().load();
    out.printf("FRAME bench postgres: %s, %d CPUs, nodes of %d worker threads, batches of %d%n",
        config.databaseUrl(), Runtime.getRuntime().availableProcessors(), nodeWorkers, batch);
    Path scratch = Files.createTempDirectory("frame-bench-pg");
    try {
      double embedded = FrameLibrary.benchmarks().noopJobsPerSecond(scratch.resolve("embedded"), jobs, nodeWorkers);
      out.printf("  no-op jobs/s, embedded HSQLDB, 1 process:   %8.0f%n", embedded);
      out.flush();
      for (int n : nodes) {
        NoopRun run = noopRun(config, scratch, n);
        print(n, "after " + WARM_UP_JOBS_PER_NODE + " warm-up jobs a node", run.afterFixedWarmUp());
        QuietJitWarmUp.Outcome warm = run.warmUp();
        out.printf("    then %d more round(s) of %d jobs, %.1f s, until %s%n", warm.rounds(), jobs, warm.seconds(),
            warmUpEnd(warm));
        out.printf("    then the job tables emptied (TRUNCATE) and %d warm-up jobs a node again, as before the first span%n",
            WARM_UP_JOBS_PER_NODE);
        print(n, "JIT quiet", run.steady());
        out.flush();
      }
      List<Path> files = photos(scratch);
      for (int n : photoNodes) {
        out.printf("  photos/s, PostgreSQL, %d node(s):           %8.2f%n", n, photoRun(config, scratch, n, files));
        out.flush();
      }
    } finally {
      deleteTree(scratch);
    }
    return 0;
  }

  /**
   * A no-op run's throughput, and what each job cost the database: transactions committed (each
   * one that wrote is a disk sync) and rows written, from the server's own counters for the
   * scratch database, and the CPU time of the node processes: these hold on a loaded machine,
   * where the wall-clock figure does not.
   */
  record NoopFigure(double jobsPerSecond, double nodeCpuMicrosPerJob, double compilingMicrosPerJob, double commitsPerJob,
      double rowWritesPerJob, double databaseCpuMicrosPerJob) {}

  /** Warm-up no-op jobs for each node before the first timed ones, and in each round of the warm-up after them. */
  private static final int WARM_UP_JOBS_PER_NODE = 1_000;
  /** Rounds of the warm-up to a quiet JIT at most (a round: {@link #jobs} jobs, as many as a timed span). */
  private static final int MOST_WARM_UP_ROUNDS = 20;

  /**
   * A no-op run's two figures: timed after a fixed warm-up of {@link #WARM_UP_JOBS_PER_NODE} jobs a
   * node (this bench's figure until 2026-12-06, in which the nodes' JIT is still compiling), and
   * timed again once the warm-up after it has left the JIT quiet, the state long-running nodes
   * work in.
   */
  record NoopRun(NoopFigure afterFixedWarmUp, QuietJitWarmUp.Outcome warmUp, NoopFigure steady) {}

  private void print(int nodeCount, String when, NoopFigure figure) {
    String compiling = figure.compilingMicrosPerJob() < 0 ? ""
        : " (%.0f of it compiling, %.0f %%)".formatted(figure.compilingMicrosPerJob(),
            100 * figure.compilingMicrosPerJob() / figure.nodeCpuMicrosPerJob());
    out.printf("  no-op jobs/s, PostgreSQL, %d node(s), %-38s %8.0f   (a job: %.0f µs of the nodes' CPU%s,"
            + " %.2f commits, %.2f row writes)%n", nodeCount, when + ":", figure.jobsPerSecond(),
        figure.nodeCpuMicrosPerJob(), compiling, figure.commitsPerJob(), figure.rowWritesPerJob());
    if (figure.databaseCpuMicrosPerJob() >= 0) {
      out.printf("    and %.0f µs of the database server's CPU a job (its backends for this database, from /proc)%n",
          figure.databaseCpuMicrosPerJob());
    }
    out.flush();
  }

  private static String warmUpEnd(QuietJitWarmUp.Outcome warm) {
    if (warm.compilingShares().isEmpty()) return "the nodes' CPU a round no longer fell (compiler threads unknown here)";
    String shares = warm.compilingShares().stream().map(share -> "%.0f".formatted(100 * share))
        .collect(Collectors.joining(" "));
    return (warm.quiet() ? "the JIT was quiet" : "the most rounds, the JIT NOT yet quiet")
        + " (the compiler threads' share of the nodes' CPU, %%, by round: %s; quiet: under %.0f %% twice)"
            .formatted(shares, 100 * QuietJitWarmUp.QUIET_SHARE);
  }

  private NoopRun noopRun(FrameConfig config, Path scratch, int nodeCount) throws Exception {
    try (Benchmarks.ScratchDatabase database = FrameLibrary.benchmarks().scratchPostgres(config.databaseUrl(), config.databaseLogin());
        Nodes workers = Nodes.start(this, config, database, scratch.resolve("noop-" + nodeCount), nodeCount)) {
      // warm-up: JIT, connections, plans; the same for every node, so that a run with more nodes
      // does not time more of each JVM's compiling
      int round = WARM_UP_JOBS_PER_NODE * nodeCount;
      database.enqueueNoops(round);
      awaitJobs(database);
      NoopFigure afterFixedWarmUp = timed(config, database, workers, round);
      QuietJitWarmUp.Outcome warmUp = QuietJitWarmUp.run(MOST_WARM_UP_ROUNDS, workers::usage, () -> {
        database.enqueueNoops(jobs);
        awaitJobs(database);
      });
      // the JIT-quiet span on tables like the first span's: the rounds grew and bloated the job
      // tables and their indexes (up to 200 000 more jobs), which slowed the database, not the
      // nodes; emptied, then the same warm-up jobs again, so both spans meet the same tables
      database.emptyJobTables();
      database.enqueueNoops(round);
      awaitJobs(database);
      NoopFigure steady = timed(config, database, workers, round);
      return new NoopRun(afterFixedWarmUp, warmUp, steady);
    }
  }

  /** Times {@link #jobs} no-op jobs on a job table that holds {@code done} completed ones. */
  private NoopFigure timed(FrameConfig config, Benchmarks.ScratchDatabase database, Nodes workers, long done)
      throws Exception {
    expectCompleted(database, done);
    DatabaseActivity before = DatabaseActivity.settledOf(database.url(), config);
    QuietJitWarmUp.Usage usageBefore = workers.usage();
    database.enqueueNoops(jobs); // the jobs appear at its commit: time from there
    long start = System.nanoTime();
    long polls = awaitJobs(database);
    double perSecond = jobs / ((System.nanoTime() - start) / 1e9);
    QuietJitWarmUp.Usage used = workers.usage().since(usageBefore);
    expectCompleted(database, done + jobs);
    DatabaseActivity after = DatabaseActivity.settledOf(database.url(), config);
    // leave out this bench's own transactions: the enqueue, its polls, the check, one reading of the counters
    long commits = after.commits() - before.commits() - 1 - polls - 1 - 1;
    double compilingMicros = used.compilerNanos() < 0 ? -1 : used.compilerNanos() / 1e3 / jobs;
    // and the enqueue's inserts
    long databaseNanos = after.serverCpu().nanosSince(before.serverCpu());
    return new NoopFigure(perSecond, used.cpuNanos() / 1e3 / jobs, compilingMicros, commits / (double) jobs,
        (after.rowWrites() - before.rowWrites() - jobs) / (double) jobs, databaseNanos < 0 ? -1 : databaseNanos / 1e3 / jobs);
  }

  /** The server's counters for one database: transactions committed and rows written; its backends' CPU. */
  private record DatabaseActivity(long commits, long rowWrites, DatabaseServerCpu.Reading serverCpu) {
    /**
     * Read once the nodes' backends have reported: a PostgreSQL 15 backend that reported less than
     * a second ago holds its counters until it has been idle 10 s, so after a short span a wait of
     * 2.5 s read a third of the rows written missing.
     */
    static DatabaseActivity settledOf(String url, FrameConfig config) throws Exception {
      TimeUnit.MILLISECONDS.sleep(11_000);
      Properties login = new Properties();
      if (config.databaseLogin().user() != null) login.setProperty("user", config.databaseLogin().user());
      if (config.databaseLogin().password() != null) login.setProperty("password", config.databaseLogin().password());
      try (Connection connection = DriverManager.getConnection(url, login);
          Statement statement = connection.createStatement();
          ResultSet row = statement.executeQuery("""
              SELECT xact_commit, tup_inserted + tup_updated + tup_deleted
              FROM pg_stat_database WHERE datname = current_database()""")) {
        row.next();
        return new DatabaseActivity(row.getLong(1), row.getLong(2), DatabaseServerCpu.of(connection));
      }
    }
  }

  private double photoRun(FrameConfig config, Path scratch, int nodeCount, List<Path> files) throws Exception {
    Path run = scratch.resolve("photos-" + nodeCount);
    try (Benchmarks.ScratchDatabase database = FrameLibrary.benchmarks().scratchPostgres(config.databaseUrl(), config.databaseLogin());
        Nodes workers = Nodes.start(this, config, database, run, nodeCount)) {
      FrameConfig importer = FrameConfig.inDataDir(run.resolve("importer"))
          .withDatabase(database.url(), config.databaseLogin()).withStorageDir(run.resolve("storage"));
      // takes the photos in and runs no jobs itself, as an API node that only receives uploads would
      try (FrameLibrary frame = FrameLibrary.openWithoutRunner(importer)) {
        long start = System.nanoTime();
        for (Path file : files) frame.ports().imports().importFile(file);
        while (database.finishedImages() < files.size()) TimeUnit.MILLISECONDS.sleep(50);
        return files.size() / ((System.nanoTime() - start) / 1e9);
      }
    }
  }

  /**
   * Waits until no job is left to run; how many times it asked (each a transaction). It asks
   * whether a live job is left, not how many completed: counting every completed row 50 times a
   * second loaded the database it measures (about 1 ms a poll at 10 000 jobs).
   */
  private static long awaitJobs(Benchmarks.ScratchDatabase database) throws InterruptedException {
    long polls = 1;
    while (database.anyUnfinished()) {
      TimeUnit.MILLISECONDS.sleep(20);
      polls++;
    }
    return polls;
  }

  private static void expectCompleted(Benchmarks.ScratchDatabase database, long count) {
    long completed = database.completedJobs();
    if (completed != count) throw new IllegalStateException(count + " no-op jobs ran, but " + completed + " completed");
  }

  private List<Path> photos(Path scratch) throws IOException {
    Path dir = corpus != null ? corpus : scratch.resolve("corpus");
    List<Path> existing = Files.isDirectory(dir) ? Corpus.of(dir) : List.of();
    return existing.size() >= photos ? existing.subList(0, photos) : Corpus.generate(dir, photos);
  }

  /** {@code frame worker} processes on one scratch database and storage folder. */
  private static final class Nodes implements AutoCloseable {
    private final List<Process> processes = new ArrayList<>();

    private Nodes() {}

    static Nodes start(PostgresRunnerBench bench, FrameConfig config, Benchmarks.ScratchDatabase database, Path run, int count)
        throws Exception {
      Nodes nodes = new Nodes();
      try {
        for (int i = 0; i < count; i++) nodes.processes.add(bench.launchWorker(config, database, run, i));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (database.aliveNodes() < count) {
          for (Process p : nodes.processes) {
            if (!p.isAlive()) throw new IllegalStateException("a frame worker exited at start; see " + run);
          }
          if (System.nanoTime() > deadline) throw new IllegalStateException("frame workers did not start; see " + run);
          TimeUnit.MILLISECONDS.sleep(50);
        }
        return nodes;
      } catch (Exception | Error e) {
        nodes.close();
        throw e;
      }
    }

    /** CPU time (user and system) the node processes have used so far, and of it their JIT compiler threads' (Linux). */
    QuietJitWarmUp.Usage usage() {
      long cpu = processes.stream().mapToLong(p -> p.info().totalCpuDuration().map(d -> d.toNanos()).orElse(0L)).sum();
      long compiler = processes.stream().mapToLong(p -> CompilerThreads.cpuNanos(p.pid())).reduce(0,
          (a, b) -> a < 0 || b < 0 ? -1 : a + b);
      return new QuietJitWarmUp.Usage(cpu, compiler);
    }

    @Override
    public void close() throws InterruptedException {
      for (Process process : processes) process.destroy(); // SIGTERM: the graceful stop
      for (Process process : processes) {
        if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly();
      }
    }
  }

  private Process launchWorker(FrameConfig config, Benchmarks.ScratchDatabase database, Path run, int index) throws IOException {
    Path home = run.resolve("node-" + index);
    Files.createDirectories(home);
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-Djava.awt.headless=true",
        "-cp", System.getProperty("java.class.path"), "frame.cli.ServerMain", "worker",
        "--workers", "" + nodeWorkers, "--data-dir", home.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(home.resolve("worker.log").toFile());
    builder.environment().put("DATABASE_URL", database.url());
    if (config.databaseLogin().user() != null) builder.environment().put("DATABASE_USER", config.databaseLogin().user());
    if (config.databaseLogin().password() != null) {
      builder.environment().put("DATABASE_PASSWORD", config.databaseLogin().password());
    }
    builder.environment().remove("DATABASE_PASSWORD_FILE");
    builder.environment().put("STORAGE_DIR", run.resolve("storage").toString());
    builder.environment().put("FRAME_BATCH_SIZE", "" + batch);
    builder.environment().put("FRAME_POLL_SECONDS", "1");
    return builder.start();
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) return;
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(path);
    }
  }
}
