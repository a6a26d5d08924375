package frame.core.media.codec.heif;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import frame.core.media.codec.NativeLibrary;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * The part of libheif's C API that FRAME calls, bound through FFM. Functions that return
 * {@code struct heif_error} by value take a {@code SegmentAllocator} as their first argument.
 */
public final class LibHeif {
  /** libheif 1.13 brought heif_init; everything else used here is older. */
  static final int OLDEST_VERSION = 0x010D0000;
  static final String OLDEST = "1.13";

  static final StructLayout ERROR = MemoryLayout.structLayout(
      JAVA_INT.withName("code"), JAVA_INT.withName("subcode"), ADDRESS.withName("message"));
  static final int COLORSPACE_RGB = 1;
  static final int CHROMA_INTERLEAVED_RGB = 10;
  static final int CHANNEL_INTERLEAVED = 10;

  final String version;
  final MethodHandle contextAlloc;
  final MethodHandle contextFree;
  final MethodHandle readFromFile;
  final MethodHandle primaryImageHandle;
  final MethodHandle handleWidth;
  final MethodHandle handleHeight;
  final MethodHandle handleRelease;
  final MethodHandle decodeImage;
  final MethodHandle imageWidth;
  final MethodHandle imageHeight;
  final MethodHandle planeReadonly;
  final MethodHandle imageRelease;
  final MethodHandle colorProfileType;
  final MethodHandle rawColorProfileSize;
  final MethodHandle rawColorProfile;

  private final SymbolLookup symbols;
  private final Linker linker = Linker.nativeLinker();

  private LibHeif(SymbolLookup symbols, String version) {
    this.symbols = symbols;
    this.version = version;
    contextAlloc = bind("heif_context_alloc", FunctionDescriptor.of(ADDRESS));
    contextFree = bind("heif_context_free", FunctionDescriptor.ofVoid(ADDRESS));
    readFromFile = bind("heif_context_read_from_file", FunctionDescriptor.of(ERROR, ADDRESS, ADDRESS, ADDRESS));
    primaryImageHandle = bind("heif_context_get_primary_image_handle", FunctionDescriptor.of(ERROR, ADDRESS, ADDRESS));
    handleWidth = bind("heif_image_handle_get_width", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    handleHeight = bind("heif_image_handle_get_height", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    handleRelease = bind("heif_image_handle_release", FunctionDescriptor.ofVoid(ADDRESS));
    decodeImage = bind("heif_decode_image", FunctionDescriptor.of(ERROR, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS));
    imageWidth = bind("heif_image_get_width", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    imageHeight = bind("heif_image_get_height", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    planeReadonly = bind("heif_image_get_plane_readonly", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT, ADDRESS));
    imageRelease = bind("heif_image_release", FunctionDescriptor.ofVoid(ADDRESS));
    colorProfileType = bind("heif_image_handle_get_color_profile_type", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    rawColorProfileSize = bind("heif_image_handle_get_raw_color_profile_size", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
    rawColorProfile = bind("heif_image_handle_get_raw_color_profile", FunctionDescriptor.of(ERROR, ADDRESS, ADDRESS));
  }

  /** Opens and initialises libheif; empty (logged once at INFO) when it is hidden, missing or too old. */
  public static Optional<LibHeif> load() {
    Optional<SymbolLookup> symbols = NativeLibrary.open("libheif", NativeLibrary.fileNames("heif", 1));
    if (symbols.isEmpty()) return Optional.empty();
    try {
      Linker linker = Linker.nativeLinker();
      MethodHandle versionNumber = linker.downcallHandle(
          symbols.get().findOrThrow("heif_get_version_number"), FunctionDescriptor.of(JAVA_INT));
      MethodHandle versionText = linker.downcallHandle(
          symbols.get().findOrThrow("heif_get_version"), FunctionDescriptor.of(ADDRESS));
      String version = ((MemorySegment) versionText.invokeExact()).reinterpret(64).getString(0);
      if (Integer.compareUnsigned((int) versionNumber.invokeExact(), OLDEST_VERSION) < 0) {
        NativeLibrary.logTooOld("libheif", version, OLDEST);
        return Optional.empty();
      }
      MethodHandle init = linker.downcallHandle(symbols.get().findOrThrow("heif_init"), FunctionDescriptor.of(ERROR, ADDRESS));
      try (var arena = java.lang.foreign.Arena.ofConfined()) {
        MemorySegment error = (MemorySegment) init.invokeExact((java.lang.foreign.SegmentAllocator) arena, MemorySegment.NULL);
        HeifError.check(error, "libheif could not start");
      }
      return Optional.of(new LibHeif(symbols.get(), version));
    } catch (Throwable e) {
      NativeLibrary.logTooOld("libheif", "(" + e.getMessage() + ")", OLDEST);
      return Optional.empty();
    }
  }

  private MethodHandle bind(String name, FunctionDescriptor descriptor) {
    return linker.downcallHandle(symbols.findOrThrow(name), descriptor);
  }
}
