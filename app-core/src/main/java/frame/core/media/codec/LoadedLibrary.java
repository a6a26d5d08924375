package frame.core.media.codec;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.Optional;

/**
 * An optional native library found, new enough, and ready to bind its functions through FFM: what
 * LibRaw and libheif share when they load. Anything missing, hidden or too old is logged once by
 * the single load and comes back empty, so FRAME starts without the library and each photo that
 * needs it says what is missing.
 */
public final class LoadedLibrary {
  private final SymbolLookup symbols;
  private final Linker linker = Linker.nativeLinker();
  private final String version;

  private LoadedLibrary(SymbolLookup symbols, String version) {
    this.symbols = symbols;
    this.version = version;
  }

  /**
   * How a library says its version: a function returning it as a number ({@code numberFunction},
   * compared unsigned with {@code oldest}) and one returning it as C text ({@code textFunction}).
   */
  public record Version(String numberFunction, String textFunction, int oldest, String oldestText) {}

  /** Binds the library's functions into what its callers use; may fail (logged as too old). */
  @FunctionalInterface
  public interface Binder<T> {
    T bind(LoadedLibrary library) throws Throwable;
  }

  /**
   * Opens {@code name} from the first of {@code fileNames} found, checks its version and binds it;
   * empty (logged once at INFO) when it is hidden, missing, too old or lacks a function.
   */
  public static <T> Optional<T> load(String name, List<String> fileNames, Version needed, Binder<T> binder) {
    Optional<SymbolLookup> symbols = NativeLibrary.open(name, fileNames);
    if (symbols.isEmpty()) return Optional.empty();
    try {
      LoadedLibrary unchecked = new LoadedLibrary(symbols.get(), "");
      MethodHandle versionNumber = unchecked.bind(needed.numberFunction(), FunctionDescriptor.of(JAVA_INT));
      MethodHandle versionText = unchecked.bind(needed.textFunction(), FunctionDescriptor.of(ADDRESS));
      String version = ((MemorySegment) versionText.invokeExact()).reinterpret(64).getString(0);
      if (Integer.compareUnsigned((int) versionNumber.invokeExact(), needed.oldest()) < 0) {
        NativeLibrary.logTooOld(name, version, needed.oldestText());
        return Optional.empty();
      }
      return Optional.of(binder.bind(new LoadedLibrary(symbols.get(), version)));
    } catch (Throwable e) {
      NativeLibrary.logTooOld(name, "(" + e.getMessage() + ")", needed.oldestText());
      return Optional.empty();
    }
  }

  /** The library's own words for its version, e.g. "0.21.2". */
  public String version() {
    return version;
  }

  /** A handle on the function {@code name}; throws when the library lacks it. */
  public MethodHandle bind(String name, FunctionDescriptor descriptor) {
    return linker.downcallHandle(symbols.findOrThrow(name), descriptor);
  }
}
