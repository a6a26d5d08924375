package frame.core.media.turbo;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Arrays;
import java.util.Optional;

/**
 * libjpeg-turbo's TurboJPEG API (2.x: tjDecompress2, tjCompress2) through the FFM API. SIMD
 * decoding at any scale M/8 and a progressive encoder, several times faster than our Java codec.
 * Optional: loaded once at first use; when the library is missing, or hidden with
 * {@code -Dframe.native.disable=turbojpeg}, {@link #available()} is empty and callers use the
 * Java codec. Each call makes its own TurboJPEG handle (a handle is not thread-safe; making one
 * costs microseconds).
 */
public final class TurboJpeg {
  /** The name {@code frame.native.disable} takes (a comma-separated list) to hide this library. */
  public static final String NATIVE_NAME = "turbojpeg";

  /** 0x00RRGGBB ints in memory, as TYPE_INT_RGB stores them: BGRX on little-endian machines, XRGB on big. */
  private static final int PIXEL_FORMAT = java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN ? 3 : 5;
  private static final int TJSAMP_444 = 0;
  private static final int TJSAMP_420 = 2;
  private static final int TJFLAG_NOREALLOC = 1024;
  private static final int TJFLAG_ACCURATEDCT = 4096;
  private static final int TJFLAG_PROGRESSIVE = 16384;
  private static final int TJCS_CMYK = 3;
  private static final int TJCS_YCCK = 4;
  private static final int TJERR_WARNING = 0;

  private final MethodHandle initDecompress;
  private final MethodHandle initCompress;
  private final MethodHandle destroy;
  private final MethodHandle decompressHeader;
  private final MethodHandle decompress;
  private final MethodHandle compress;
  private final MethodHandle bufSize;
  private final MethodHandle errorString;
  private final MethodHandle errorCode;
  private final MethodHandle alloc;
  private final MethodHandle free;
  private final String version;

  private static final class Holder {
    static final Optional<TurboJpeg> INSTANCE = load();
  }

  /**
   * The library, or empty when it is absent or disabled (then the Java codec does the work). The
   * property is read on every call, so a test can compare both paths in one JVM.
   */
  public static Optional<TurboJpeg> available() {
    return disabled(NATIVE_NAME) ? Optional.empty() : Holder.INSTANCE;
  }

  /** True when {@code frame.native.disable} names {@code library}. */
  public static boolean disabled(String library) {
    String names = System.getProperty("frame.native.disable", "");
    return Arrays.stream(names.split(",")).map(String::trim).anyMatch(library::equalsIgnoreCase);
  }

  private static Optional<TurboJpeg> load() {
    for (String name : new String[] {"libturbojpeg.so.0", "libturbojpeg.so", "libturbojpeg.0.dylib", "turbojpeg.dll"}) {
      try {
        return Optional.of(new TurboJpeg(SymbolLookup.libraryLookup(name, Arena.global()), name));
      } catch (IllegalArgumentException | UnsatisfiedLinkError | java.util.NoSuchElementException e) {
        // not this name on this platform; the next, or none at all
      }
    }
    return Optional.empty();
  }

  private TurboJpeg(SymbolLookup lib, String name) {
    Linker linker = Linker.nativeLinker();
    ValueLayout ptr = ValueLayout.ADDRESS;
    ValueLayout i32 = ValueLayout.JAVA_INT;
    ValueLayout ulong = ValueLayout.JAVA_LONG; // unsigned long: 64-bit on Linux and macOS
    initDecompress = handle(linker, lib, "tjInitDecompress", FunctionDescriptor.of(ptr));
    initCompress = handle(linker, lib, "tjInitCompress", FunctionDescriptor.of(ptr));
    destroy = handle(linker, lib, "tjDestroy", FunctionDescriptor.of(i32, ptr));
    decompressHeader = handle(linker, lib, "tjDecompressHeader3",
        FunctionDescriptor.of(i32, ptr, ptr, ulong, ptr, ptr, ptr, ptr));
    decompress = handle(linker, lib, "tjDecompress2",
        FunctionDescriptor.of(i32, ptr, ptr, ulong, ptr, i32, i32, i32, i32, i32));
    compress = handle(linker, lib, "tjCompress2",
        FunctionDescriptor.of(i32, ptr, ptr, i32, i32, i32, i32, ptr, ptr, i32, i32, i32));
    bufSize = handle(linker, lib, "tjBufSize", FunctionDescriptor.of(ulong, i32, i32, i32));
    errorString = handle(linker, lib, "tjGetErrorStr2", FunctionDescriptor.of(ptr, ptr));
    errorCode = handle(linker, lib, "tjGetErrorCode", FunctionDescriptor.of(i32, ptr));
    alloc = handle(linker, lib, "tjAlloc", FunctionDescriptor.of(ptr, i32));
    free = handle(linker, lib, "tjFree", FunctionDescriptor.ofVoid(ptr));
    version = name;
  }

  private static MethodHandle handle(Linker linker, SymbolLookup lib, String symbol, FunctionDescriptor descriptor) {
    return linker.downcallHandle(lib.find(symbol).orElseThrow(), descriptor);
  }

  /** Which library file was loaded. */
  public String library() {
    return version;
  }

  /** What the file's header declares. */
  public record Header(int width, int height, boolean cmyk) {}

  public Header header(byte[] jpeg) throws TurboJpegException {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment handle = init(initDecompress);
      try {
        MemorySegment source = arena.allocateFrom(ValueLayout.JAVA_BYTE, jpeg);
        MemorySegment values = arena.allocate(ValueLayout.JAVA_INT, 4);
        int rc = (int) decompressHeader.invokeExact(handle, source, (long) jpeg.length, values,
            values.asSlice(4), values.asSlice(8), values.asSlice(12));
        if (rc != 0) throw failure(handle, "header");
        int colorspace = values.getAtIndex(ValueLayout.JAVA_INT, 3);
        return new Header(values.getAtIndex(ValueLayout.JAVA_INT, 0), values.getAtIndex(ValueLayout.JAVA_INT, 1),
            colorspace == TJCS_CMYK || colorspace == TJCS_YCCK);
      } finally {
        close(handle);
      }
    } catch (TurboJpegException e) {
      throw e;
    } catch (Throwable e) {
      throw new TurboJpegException("TurboJPEG call failed: " + e, e);
    }
  }

  /**
   * Decodes at {@code eighths}/8 of full size (1..16; sides rounded up), as TYPE_INT_RGB. Any
   * warning (a damaged or truncated scan) is an error: the caller hands the file to a stricter judge.
   */
  public BufferedImage decode(byte[] jpeg, int width, int height, int eighths) throws TurboJpegException {
    int scaledWidth = (width * eighths + 7) / 8;
    int scaledHeight = (height * eighths + 7) / 8;
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment handle = init(initDecompress);
      try {
        MemorySegment source = arena.allocateFrom(ValueLayout.JAVA_BYTE, jpeg);
        MemorySegment pixels = unzeroed(arena, 4L * scaledWidth * scaledHeight);
        int rc = (int) decompress.invokeExact(handle, source, (long) jpeg.length, pixels, scaledWidth,
            scaledWidth * 4, scaledHeight, PIXEL_FORMAT, TJFLAG_ACCURATEDCT);
        if (rc != 0) throw failure(handle, "decode");
        BufferedImage image = new BufferedImage(scaledWidth, scaledHeight, BufferedImage.TYPE_INT_RGB);
        int[] target = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        MemorySegment.copy(pixels, ValueLayout.JAVA_INT, 0, target, 0, target.length);
        for (int i = 0; i < target.length; i++) target[i] &= 0xFFFFFF; // the X byte is undefined
        return image;
      } finally {
        close(handle);
      }
    } catch (TurboJpegException e) {
      throw e;
    } catch (Throwable e) {
      throw new TurboJpegException("TurboJPEG call failed: " + e, e);
    }
  }

  /**
   * Encodes a TYPE_INT_RGB image (a subimage view is fine) at {@code quality} 1..100, 4:2:0,
   * baseline or progressive (optimised Huffman tables, as libjpeg's progressive mode always has).
   */
  public void encode(BufferedImage rgb, int quality, boolean progressive, OutputStream out) throws IOException {
    if (rgb.getType() != BufferedImage.TYPE_INT_RGB) throw new IllegalArgumentException("not TYPE_INT_RGB");
    int width = rgb.getWidth();
    int height = rgb.getHeight();
    int[] data = ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
    var sample = (java.awt.image.SinglePixelPackedSampleModel) rgb.getSampleModel();
    int stride = sample.getScanlineStride();
    int offset = rgb.getRaster().getDataBuffer().getOffset()
        - rgb.getRaster().getSampleModelTranslateY() * stride - rgb.getRaster().getSampleModelTranslateX();
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment pixels = unzeroed(arena, 4L * stride * height);
      MemorySegment.copy(data, offset, pixels, ValueLayout.JAVA_INT, 0, Math.min(data.length - offset, stride * height));
      MemorySegment handle = init(initCompress);
      try {
        long capacity = (long) bufSize.invokeExact(width, height, TJSAMP_444);
        MemorySegment buffer = unzeroed(arena, capacity);
        MemorySegment bufferPointer = arena.allocateFrom(ValueLayout.ADDRESS, buffer);
        MemorySegment size = arena.allocateFrom(ValueLayout.JAVA_LONG, capacity);
        int flags = TJFLAG_NOREALLOC | TJFLAG_ACCURATEDCT | (progressive ? TJFLAG_PROGRESSIVE : 0);
        int rc = (int) compress.invokeExact(handle, pixels, width, stride * 4, height, PIXEL_FORMAT, bufferPointer, size,
            TJSAMP_420, quality, flags);
        if (rc != 0) throw failure(handle, "encode");
        long written = size.get(ValueLayout.JAVA_LONG, 0);
        out.write(buffer.asSlice(0, written).toArray(ValueLayout.JAVA_BYTE));
      } finally {
        close(handle);
      }
    } catch (IOException e) {
      throw e;
    } catch (Throwable e) {
      throw new IOException("TurboJPEG encode failed: " + e, e);
    }
  }

  /**
   * Native memory from the library's own allocator, freed with {@code arena}: not zeroed, since
   * it is written whole before it is read (zeroing a 2000 px frame's worth, as Arena.allocate
   * does, costs a good part of a thumbnail's encode).
   */
  private MemorySegment unzeroed(Arena arena, long bytes) throws Throwable {
    if (bytes > Integer.MAX_VALUE) throw new TurboJpegException("Image too large for TurboJPEG: " + bytes + " bytes", null);
    MemorySegment raw = (MemorySegment) alloc.invokeExact((int) bytes);
    if (raw.equals(MemorySegment.NULL)) throw new OutOfMemoryError("TurboJPEG could not allocate " + bytes + " bytes");
    return raw.reinterpret(bytes, arena, this::release);
  }

  private void release(MemorySegment memory) {
    try {
      free.invokeExact(memory);
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private static MemorySegment init(MethodHandle init) throws Throwable {
    MemorySegment handle = (MemorySegment) init.invokeExact();
    if (handle.equals(MemorySegment.NULL)) throw new TurboJpegException("TurboJPEG could not start", null);
    return handle;
  }

  private void close(MemorySegment handle) {
    try {
      int ignored = (int) destroy.invokeExact(handle);
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private TurboJpegException failure(MemorySegment handle, String what) throws Throwable {
    MemorySegment message = (MemorySegment) errorString.invokeExact(handle);
    int code = (int) errorCode.invokeExact(handle);
    String text = message.equals(MemorySegment.NULL) ? "unknown" : message.reinterpret(1024).getString(0);
    return new TurboJpegException("TurboJPEG " + what + (code == TJERR_WARNING ? " warning: " : " error: ") + text, null);
  }
}
