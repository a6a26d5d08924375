package frame.core.media.codec.raw;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import frame.core.media.codec.LoadedLibrary;
import frame.core.media.codec.NativeLibrary;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The part of LibRaw's C API ({@code libraw.h}) that FRAME calls, bound through FFM. Only
 * functions are used, never the layout of {@code libraw_data_t}, which changes between
 * versions; the one struct read is {@code libraw_processed_image_t}, stable since 0.9.
 * The reentrant build ({@code libraw_r}) is preferred: several photos develop at once.
 */
public final class LibRaw {
  /** LIBRAW_MAKE_VERSION(0, 20, 0): Debian 12's libraw20; the getters and setters used here are older. */
  static final int OLDEST_VERSION = 0x001400;
  static final String OLDEST = "0.20";
  /** LIBRAW_IMAGE_BITMAP in {@code libraw_processed_image_t.type}. */
  static final int IMAGE_BITMAP = 2;

  final String version;
  final MethodHandle init;
  final MethodHandle openFile;
  final MethodHandle unpack;
  final MethodHandle process;
  final MethodHandle makeMemImage;
  final MethodHandle clearMem;
  final MethodHandle close;
  final MethodHandle strerror;
  final MethodHandle width;
  final MethodHandle height;
  final MethodHandle camMul;
  final MethodHandle setUserMul;
  final MethodHandle setOutputBps;
  final MethodHandle setOutputColor;

  private LibRaw(LoadedLibrary lib) {
    version = lib.version();
    init = lib.bind("libraw_init", FunctionDescriptor.of(ADDRESS, JAVA_INT));
    openFile = lib.bind("libraw_open_file", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    unpack = lib.bind("libraw_unpack", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    process = lib.bind("libraw_dcraw_process", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    makeMemImage = lib.bind("libraw_dcraw_make_mem_image", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
    clearMem = lib.bind("libraw_dcraw_clear_mem", FunctionDescriptor.ofVoid(ADDRESS));
    close = lib.bind("libraw_close", FunctionDescriptor.ofVoid(ADDRESS));
    strerror = lib.bind("libraw_strerror", FunctionDescriptor.of(ADDRESS, JAVA_INT));
    width = lib.bind("libraw_get_iwidth", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    height = lib.bind("libraw_get_iheight", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    camMul = lib.bind("libraw_get_cam_mul", FunctionDescriptor.of(JAVA_FLOAT, ADDRESS, JAVA_INT));
    setUserMul = lib.bind("libraw_set_user_mul", FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT, JAVA_FLOAT));
    setOutputBps = lib.bind("libraw_set_output_bps", FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT));
    setOutputColor = lib.bind("libraw_set_output_color", FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT));
  }

  /** Opens LibRaw; empty (logged once at INFO) when it is hidden, missing or too old. */
  public static Optional<LibRaw> load() {
    List<String> names = new ArrayList<>(NativeLibrary.fileNames("raw_r", 20));
    names.addAll(NativeLibrary.fileNames("raw", 20));
    return LoadedLibrary.load("libraw", names,
        new LoadedLibrary.Version("libraw_versionNumber", "libraw_version", OLDEST_VERSION, OLDEST), LibRaw::new);
  }

  /** LibRaw's words for an error code ("Unsupported file format or not RAW file", ...). */
  String message(int code) {
    try {
      return ((MemorySegment) strerror.invokeExact(code)).reinterpret(256).getString(0);
    } catch (Throwable e) {
      return "LibRaw error " + code;
    }
  }
}
