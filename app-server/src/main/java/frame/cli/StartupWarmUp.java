package frame.cli;

import frame.core.api.FrameLibrary;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * Set-up that a photo command needs whatever its arguments say, begun on a second thread before
 * picocli parses them: until the first photo's jobs run, a cold start keeps one core busy and the
 * other nearly idle. Logging's configuration (about 0.1 s) and loading the native codecs (their FFM
 * links, 0.2-0.5 s) then happen beside picocli and the database's opening, not before the first
 * decode. Both are class initialisation or synchronized, so a thread that needs one first waits for it.
 */
final class StartupWarmUp {
  /** The commands that decode photos in this process. */
  private static final Set<String> PHOTO_COMMANDS = Set.of("import", "regenerate", "serve", "worker", "aot-training");
  /** Far more than logging's set-up takes; only a hung set-up would wait this long. */
  private static final long LOGGING_WAIT_SECONDS = 10;

  private final CountDownLatch loggingReady;

  private StartupWarmUp(CountDownLatch loggingReady) {
    this.loggingReady = loggingReady;
  }

  static StartupWarmUp beginFor(String... args) {
    if (!PHOTO_COMMANDS.contains(String.valueOf(Subcommands.named(args)))) return new StartupWarmUp(new CountDownLatch(0));
    StartupWarmUp warmUp = new StartupWarmUp(new CountDownLatch(1));
    Thread thread = new Thread(warmUp::run, "frame-warm-up");
    thread.setDaemon(true); // a command that ends first does not wait for it
    thread.start();
    return warmUp;
  }

  /**
   * Waits until logging is set up, before the command runs: a logger used on another thread while
   * SLF4J is still setting up has its calls queued and replayed, and SLF4J prints three lines of
   * warning about that at every start.
   */
  void awaitLogging() {
    try {
      loggingReady.await(LOGGING_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    try {
      LoggerFactory.getILoggerFactory();
    } catch (RuntimeException | LinkageError e) {
      // nothing is lost: whoever logs first sets logging up again and reports what fails
    } finally {
      loggingReady.countDown();
    }
    try {
      FrameLibrary.codecs();
    } catch (RuntimeException | LinkageError e) {
      // nothing is lost: whoever needs a codec loads it again and reports what fails
    }
  }
}
