package frame.ui;

import frame.core.api.archive.FileHashes;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.CodeSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Keeps the app image's start-up cache usable after the app is copied. The JVM takes the cache
 * ({@code lib/app/frame.aot}) only with the very jar it was trained with, modification time
 * included to the second: a copy that gives {@code frame.jar} a new time (a plain {@code cp -r},
 * some installers) makes every start print the JVM's {@code [aot]} errors and run with no class
 * sharing at all. The packaging notes the jar's time and SHA-256 beside the cache
 * ({@code frame.aot.stamp}); when the jar's time differs and its bytes are still the trained ones,
 * its time is set back, so the next start uses the cache again. A jar with other bytes is left
 * alone: the JVM is right to refuse the cache then.
 */
final class StartupCacheStamp {
  static final String FILE_NAME = "frame.aot.stamp";

  /** What the stamp holds: the trained jar's modification time in seconds and its SHA-256. */
  record Stamp(long jarSeconds, String jarSha256) {
    static Stamp read(Path file) throws IOException {
      Map<String, String> fields = Files.readAllLines(file).stream().map(line -> line.split("=", 2))
          .filter(pair -> pair.length == 2)
          .collect(Collectors.toMap(pair -> pair[0].trim(), pair -> pair[1].trim(), (first, second) -> second));
      String seconds = fields.get("jar-mtime");
      String sha256 = fields.get("jar-sha256");
      if (seconds == null || sha256 == null) throw new IOException(file + " names no jar-mtime and jar-sha256");
      try {
        return new Stamp(Long.parseLong(seconds), sha256.toLowerCase());
      } catch (NumberFormatException e) {
        throw new IOException(file + ": jar-mtime is not a number of seconds", e);
      }
    }
  }

  /** What {@link #restore} found and did: for the message at start and for the tests. */
  enum Outcome { NO_STAMP, IN_STEP, RESTORED, OTHER_JAR, READ_ONLY }

  private StartupCacheStamp() {}

  /** At the start of an app image (its launcher sets {@code jpackage.app-path}); quiet unless it cannot help. */
  static void keepUsable(PrintStream err) {
    if (System.getProperty("jpackage.app-path") == null) return;
    Optional<Path> jar = runningJar();
    if (jar.isEmpty()) return;
    try {
      Outcome outcome = restore(jar.get(), jar.get().resolveSibling(FILE_NAME));
      if (outcome == Outcome.READ_ONLY) {
        err.println("FRAME starts without its start-up cache: " + jar.get().getFileName() + " has another time than the"
            + " one its cache was trained with (the app was copied without its file times?), and FRAME may not set it"
            + " back here. Copy the app with its file times kept (cp -a), or install it again.");
      }
    } catch (IOException e) {
      err.println("FRAME could not check its start-up cache (" + e.getMessage() + "); it starts without it.");
    }
  }

  /** Sets the jar's time back to the stamp's when the jar holds the trained bytes. */
  static Outcome restore(Path jar, Path stampFile) throws IOException {
    if (!Files.isRegularFile(stampFile)) return Outcome.NO_STAMP;
    Stamp stamp = Stamp.read(stampFile);
    if (Files.getLastModifiedTime(jar).to(TimeUnit.SECONDS) == stamp.jarSeconds()) return Outcome.IN_STEP;
    if (!Files.isWritable(jar)) return Outcome.READ_ONLY; // not read whole at every start for nothing
    if (!FileHashes.sha256(jar).equals(stamp.jarSha256())) return Outcome.OTHER_JAR;
    try {
      Files.setLastModifiedTime(jar, FileTime.from(stamp.jarSeconds(), TimeUnit.SECONDS));
      return Outcome.RESTORED;
    } catch (FileSystemException installedForAnotherUser) { // only the owner may set a file's time
      return Outcome.READ_ONLY;
    }
  }

  private static Optional<Path> runningJar() {
    CodeSource source = StartupCacheStamp.class.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) return Optional.empty();
    try {
      return Optional.of(Path.of(source.getLocation().toURI())).filter(Files::isRegularFile);
    } catch (URISyntaxException | IllegalArgumentException notAFile) {
      return Optional.empty();
    }
  }
}
