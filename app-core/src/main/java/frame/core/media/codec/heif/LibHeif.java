package frame.core.media.codec.heif;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import frame.core.media.codec.LoadedLibrary;
import frame.core.media.codec.NativeLibrary;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.StructLayout;
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

  private LibHeif(LoadedLibrary lib) {
    version = lib.version();
    contextAlloc = lib.bind("heif_context_alloc", FunctionDescriptor.of(ADDRESS));
    contextFree = lib.bind("heif_context_free", FunctionDescriptor.ofVoid(ADDRESS));
    readFromFile = lib.bind("heif_context_read_from_file", FunctionDescriptor.of(ERROR, ADDRESS, ADDRESS, ADDRESS));
    primaryImageHandle = lib.bind("heif_context_get_primary_image_handle", FunctionDescriptor.of(ERROR, ADDRESS, ADDRESS));
    handleWidth = lib.bind("heif_image_handle_get_width", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    handleHeight = lib.bind("heif_image_handle_get_height", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    handleRelease = lib.bind("heif_image_handle_release", FunctionDescriptor.ofVoid(ADDRESS));
    decodeImage = lib.bind("heif_decode_image", FunctionDescriptor.of(ERROR, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS));
    imageWidth = lib.bind("heif_image_get_width", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    imageHeight = lib.bind("heif_image_get_height", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    planeReadonly = lib.bind("heif_image_get_plane_readonly", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT, ADDRESS));
    imageRelease = lib.bind("heif_image_release", FunctionDescriptor.ofVoid(ADDRESS));
    colorProfileType = lib.bind("heif_image_handle_get_color_profile_type", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    rawColorProfileSize = lib.bind("heif_image_handle_get_raw_color_profile_size", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
    rawColorProfile = lib.bind("heif_image_handle_get_raw_color_profile", FunctionDescriptor.of(ERROR, ADDRESS, ADDRESS));
  }

  /** Opens and initialises libheif; empty (logged once at INFO) when it is hidden, missing or too old. */
  public static Optional<LibHeif> load() {
    return LoadedLibrary.load("libheif", NativeLibrary.fileNames("heif", 1),
        new LoadedLibrary.Version("heif_get_version_number", "heif_get_version", OLDEST_VERSION, OLDEST), lib -> {
          MethodHandle init = lib.bind("heif_init", FunctionDescriptor.of(ERROR, ADDRESS));
          try (Arena arena = Arena.ofConfined()) {
            MemorySegment error = (MemorySegment) init.invokeExact((SegmentAllocator) arena, MemorySegment.NULL);
            HeifError.check(error, "libheif could not start");
          }
          return new LibHeif(lib);
        });
  }
}
