package frame.core.media.turbo;

import frame.core.media.codec.NativeLibrary;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * libjpeg-turbo's TurboJPEG API (2.x: tjDecompress2, tjCompress2) through the FFM API. SIMD
 * decoding at any scale M/8 and an encoder, several times faster than ImageIO.
 * Optional: loaded once at first use; when the library is missing, or hidden with
 * {@code -Dframe.native.disable=turbojpeg}, {@link #available()} is empty and callers use
 * ImageIO (and our progressive encoder). Each call makes its own TurboJPEG handle (a handle is not thread-safe; making one
 * costs microseconds).
 */
public final class TurboJpeg {
  /** The name {@code frame.native.disable} takes (a comma-separated list) to hide this library. */
  public static final String NATIVE_NAME = "turbojpeg";

  /** 0x00RRGGBB ints in memory, as TYPE_INT_RGB stores them: BGRX on little-endian machines, XRGB on big. */
  private static final int PIXEL_FORMAT = java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN ? 3 : 5;
  private static final int TJSAMP_420 = 2;
  private static final int TJFLAG_NOREALLOC = 1024;
  private static final int TJFLAG_ACCURATEDCT = 4096;
  private static final int TJFLAG_PROGRESSIVE = 16384;
  private static final int TJCS_CMYK = 3;
  private static final int TJCS_YCCK = 4;
  private static final int TJERR_WARNING = 0;
  private static final int TJXOPT_NOOUTPUT = 16;
  /** tjregion: x, y, w, h. */
  private static final StructLayout REGION = MemoryLayout.structLayout(ValueLayout.JAVA_INT.withName("x"),
      ValueLayout.JAVA_INT.withName("y"), ValueLayout.JAVA_INT.withName("w"), ValueLayout.JAVA_INT.withName("h"));
  /** tjtransform: r, op, options, data, customFilter. */
  private static final StructLayout TRANSFORM = MemoryLayout.structLayout(REGION.withName("r"),
      ValueLayout.JAVA_INT.withName("op"), ValueLayout.JAVA_INT.withName("options"),
      ValueLayout.ADDRESS.withName("data"), ValueLayout.ADDRESS.withName("customFilter"));
  /** The coefficients being collected by this thread's {@link #coefficients} call (the filter is called back on it). */
  private static final ThreadLocal<CoefficientsBuilder> COLLECTING = new ThreadLocal<>();

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
  private final MethodHandle initTransform;
  private final MethodHandle transform;
  private final MemorySegment collectFilter;
  private final String version;

  private static final class Holder {
    static final Optional<TurboJpeg> INSTANCE = load();
  }

  /**
   * The library, or empty when it is absent or disabled (then ImageIO and our encoder do the work). The
   * property is read on every call, so a test can compare both paths in one JVM.
   */
  public static Optional<TurboJpeg> available() {
    return NativeLibrary.hidden(NATIVE_NAME) ? Optional.empty() : Holder.INSTANCE;
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
    initTransform = handle(linker, lib, "tjInitTransform", FunctionDescriptor.of(ptr));
    transform = handle(linker, lib, "tjTransform", FunctionDescriptor.of(i32, ptr, ptr, ulong, i32, ptr, ptr, ptr, i32));
    try {
      MethodHandle target = java.lang.invoke.MethodHandles.lookup().findStatic(TurboJpeg.class, "collect",
          java.lang.invoke.MethodType.methodType(int.class, MemorySegment.class, MemorySegment.class,
              MemorySegment.class, int.class, int.class, MemorySegment.class));
      collectFilter = linker.upcallStub(target, FunctionDescriptor.of(i32, ptr, REGION, REGION, i32, i32, ptr), Arena.global());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
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
    return call(initDecompress, (arena, handle) -> {
      int[] values = headerValues(arena, handle, arena.allocateFrom(ValueLayout.JAVA_BYTE, jpeg), jpeg.length);
      return new Header(values[0], values[1], values[3] == TJCS_CMYK || values[3] == TJCS_YCCK);
    });
  }

  /** tjDecompressHeader3's width, height, subsampling and colour space. */
  private int[] headerValues(Arena arena, MemorySegment handle, MemorySegment source, long length) throws Throwable {
    MemorySegment values = arena.allocate(ValueLayout.JAVA_INT, 4);
    int rc = (int) decompressHeader.invokeExact(handle, source, length, values, values.asSlice(4), values.asSlice(8),
        values.asSlice(12));
    if (rc != 0) throw failure(handle, "header");
    return values.toArray(ValueLayout.JAVA_INT);
  }

  private interface Call<T> {
    T run(Arena arena, MemorySegment handle) throws Throwable;
  }

  /** One call with its own handle and memory, both released after it; any failure a TurboJpegException. */
  private <T> T call(MethodHandle init, Call<T> call) throws TurboJpegException {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment handle = init(init);
      try {
        return call.run(arena, handle);
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
    return call(initDecompress, (arena, handle) -> {
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
    });
  }

  /**
   * Encodes a TYPE_INT_RGB image (a subimage view is fine) at {@code quality} 1..100, 4:2:0,
   * baseline or progressive (optimised Huffman tables, as libjpeg's progressive mode always has).
   */
  public void encode(BufferedImage rgb, int quality, boolean progressive, OutputStream out) throws IOException {
    out.write(encode(rgb, quality, progressive));
  }

  /** {@link #encode(BufferedImage, int, boolean, OutputStream)}'s file as an array of exactly its length. */
  public byte[] encode(BufferedImage rgb, int quality, boolean progressive) throws IOException {
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
        long capacity = (long) bufSize.invokeExact(width, height, TJSAMP_420); // the most a 4:2:0 file can take
        MemorySegment buffer = unzeroed(arena, capacity);
        MemorySegment bufferPointer = arena.allocateFrom(ValueLayout.ADDRESS, buffer);
        MemorySegment size = arena.allocateFrom(ValueLayout.JAVA_LONG, capacity);
        int flags = TJFLAG_NOREALLOC | TJFLAG_ACCURATEDCT | (progressive ? TJFLAG_PROGRESSIVE : 0);
        int rc = (int) compress.invokeExact(handle, pixels, width, stride * 4, height, PIXEL_FORMAT, bufferPointer, size,
            TJSAMP_420, quality, flags);
        if (rc != 0) throw failure(handle, "encode");
        long written = size.get(ValueLayout.JAVA_LONG, 0);
        return buffer.asSlice(0, written).toArray(ValueLayout.JAVA_BYTE);
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
   * A JPEG's quantised DCT coefficients, as its encoder wrote them (lossless: libjpeg's
   * transform path, which reads the entropy-coded data only). Each component's blocks come row by
   * row, 64 coefficients a block in natural (row-major) order. Any warning is an error.
   */
  public Coefficients coefficients(byte[] jpeg) throws TurboJpegException {
    CoefficientsBuilder collected = new CoefficientsBuilder();
    COLLECTING.set(collected);
    try {
      return call(initTransform, (arena, handle) -> {
        MemorySegment source = arena.allocateFrom(ValueLayout.JAVA_BYTE, jpeg);
        int[] header = headerValues(arena, handle, source, jpeg.length);
        MemorySegment options = arena.allocate(TRANSFORM); // zeroed: the whole picture, no operation
        options.set(ValueLayout.JAVA_INT, TRANSFORM.byteOffset(MemoryLayout.PathElement.groupElement("options")),
            TJXOPT_NOOUTPUT);
        options.set(ValueLayout.ADDRESS, TRANSFORM.byteOffset(MemoryLayout.PathElement.groupElement("customFilter")),
            collectFilter);
        MemorySegment outputs = arena.allocate(ValueLayout.ADDRESS);
        MemorySegment sizes = arena.allocate(ValueLayout.JAVA_LONG);
        int rc = (int) transform.invokeExact(handle, source, (long) jpeg.length, 1, outputs, sizes, options, 0);
        if (collected.failure != null) {
          throw new TurboJpegException("Collecting coefficients failed: " + collected.failure, collected.failure);
        }
        if (rc != 0) throw failure(handle, "transform");
        return collected.build(header[0], header[1]);
      });
    } finally {
      COLLECTING.remove();
    }
  }

  /** A picture's quantised coefficients: one entry a component (Y, Cb, Cr). */
  public record Coefficients(int width, int height, List<Component> components) {}

  /** {@code rows} rows of {@code blocksWide} blocks, 64 coefficients each, natural order. */
  public record Component(int blocksWide, int rows, short[] blocks) {}

  /**
   * tjTransform's custom filter: called once a row of blocks, on the calling thread. It must not
   * throw (an exception cannot cross back into C), so a failure is kept and -1 returned.
   */
  private static int collect(MemorySegment coefficients, MemorySegment arrayRegion, MemorySegment planeRegion,
      int component, int transformIndex, MemorySegment transform) {
    CoefficientsBuilder collected = COLLECTING.get();
    try {
      int blocksWide = arrayRegion.get(ValueLayout.JAVA_INT, 8) / 8;
      int row = arrayRegion.get(ValueLayout.JAVA_INT, 4) / 8;
      int rows = planeRegion.get(ValueLayout.JAVA_INT, 12) / 8;
      collected.row(component, blocksWide, rows, row, coefficients.reinterpret(2L * 64 * blocksWide));
      return 0;
    } catch (Throwable e) {
      if (collected != null) collected.failure = e;
      return -1;
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
