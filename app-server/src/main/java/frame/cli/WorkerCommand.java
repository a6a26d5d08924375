package frame.cli;

import frame.core.api.FrameLibrary;
import frame.core.api.config.FrameConfig;
import frame.core.api.FrameException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "worker", mixinStandardHelpOptions = true,
    description = {"Run only the job runner (no API, no window) on a studio's shared PostgreSQL, until stopped",
        "(Ctrl-C or SIGTERM: running jobs finish or are handed back). Needs DATABASE_URL (jdbc:postgresql://...),",
        "DATABASE_USER and DATABASE_PASSWORD (or DATABASE_PASSWORD_FILE), and STORAGE_DIR: the storage folder",
        "every node shares."})
final class WorkerCommand implements Callable<Integer> {
  static final String EMBEDDED_REFUSAL =
      "a worker needs PostgreSQL: the embedded database belongs to one process."
          + " Set DATABASE_URL=jdbc:postgresql://HOST:5432/DB (and DATABASE_USER, DATABASE_PASSWORD, STORAGE_DIR)";

  @ParentCommand FrameCommand frameCommand;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    FrameConfig config = frameCommand.config().withNodeKind("worker");
    if (config.embeddedDatabase()) throw new FrameException("worker_needs_postgresql", EMBEDDED_REFUSAL, true);
    FrameLibrary frame = FrameLibrary.open(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      frame.close();
      stopped.countDown();
    }, "frame-shutdown"));
    out.println("FRAME worker " + frame.ports().nodes().thisNode() + " running " + config.workers() + " worker(s)");
    out.println("  database " + config.databaseUrl());
    out.println("  storage  " + config.storageDir());
    out.println("Stop with Ctrl-C or SIGTERM.");
    out.flush();
    stopped.await();
    return 0;
  }
}
