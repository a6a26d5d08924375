package frame.cli;

import frame.core.api.FrameLibrary;
import java.util.Set;
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

  private StartupWarmUp() {}

  static void beginFor(String... args) {
    if (!PHOTO_COMMANDS.contains(String.valueOf(Subcommands.named(args)))) return;
    Thread thread = new Thread(StartupWarmUp::run, "frame-warm-up");
    thread.setDaemon(true); // a command that ends first does not wait for it
    thread.start();
  }

  private static void run() {
    try {
      LoggerFactory.getILoggerFactory();
      FrameLibrary.codecs();
    } catch (RuntimeException | LinkageError e) {
      // nothing is lost: whoever needs logging or a codec sets it up again and reports what fails
    }
  }
}
