package frame.core.media.codec;

import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens an optional native library for FFM. The system property {@code frame.native.disable}
 * (a comma list of library names, or {@code all}) hides libraries, so tests and users can run
 * the pure-Java paths on a machine that has them. Callers load once and keep the result.
 */
public final class NativeLibrary {
  public static final String DISABLE_PROPERTY = "frame.native.disable";
  private static final Logger LOG = LoggerFactory.getLogger(NativeLibrary.class);

  private NativeLibrary() {}

  /**
   * The library's symbols, from the first of {@code fileNames} the system linker can open; empty
   * (logged once at INFO by the caller's single load) when hidden or not installed.
   */
  public static Optional<SymbolLookup> open(String name, List<String> fileNames) {
    if (hidden(name)) {
      LOG.info("{} is hidden by -D{}; its formats use the fallback", name, DISABLE_PROPERTY);
      return Optional.empty();
    }
    for (String fileName : fileNames) {
      try {
        return Optional.of(SymbolLookup.libraryLookup(fileName, Arena.global()));
      } catch (IllegalArgumentException notThere) {
        // try the next spelling: the names differ between Linux, macOS and Windows
      }
    }
    LOG.info("{} is not installed (looked for {}); its formats use the fallback", name, fileNames);
    return Optional.empty();
  }

  /** The usual file names of a library on Linux, macOS (Homebrew) and Windows. */
  public static List<String> fileNames(String base, int soVersion) {
    return List.of("lib" + base + ".so." + soVersion, "lib" + base + ".so",
        "/opt/homebrew/lib/lib" + base + ".dylib", "/usr/local/lib/lib" + base + ".dylib", "lib" + base + ".dylib",
        base + ".dll", "lib" + base + ".dll");
  }

  /** True when {@code frame.native.disable} names the library or says {@code all}; read on every call. */
  public static boolean hidden(String name) {
    String value = System.getProperty(DISABLE_PROPERTY, "");
    return Arrays.stream(value.split(","))
        .map(s -> s.trim().toLowerCase(Locale.ROOT))
        .anyMatch(s -> s.equals("all") || s.equals(name.toLowerCase(Locale.ROOT)));
  }

  /** Logs once, from the single load, that a library is there but too old to use. */
  public static void logTooOld(String name, String version, String needed) {
    LOG.info("{} {} is too old (FRAME needs {} or newer); its formats use the fallback", name, version, needed);
  }
}
