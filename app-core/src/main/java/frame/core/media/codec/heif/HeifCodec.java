package frame.core.media.codec.heif;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import frame.core.api.FrameException;
import frame.core.media.codec.Codec;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.nio.file.Path;
import java.util.Optional;

/**
 * HEIC, HEIF and AVIF through libheif: the primary image only (grids assembled whole), with the
 * container's {@code irot}/{@code imir}/{@code clap} applied by libheif, exactly once. The EXIF
 * Orientation inside such a file describes the coded pixels and must not be applied again, so
 * the pixels come back with orientation 1 (as they are).
 */
public final class HeifCodec implements Codec {
  private static final int PROFILE_NCLX = fourcc("nclx");

  private final LibHeif heif;

  public HeifCodec(LibHeif heif) {
    this.heif = heif;
  }

  @Override
  public String description() {
    return "HEIC/HEIF/AVIF: libheif " + heif.version + " (native)";
  }

  @Override
  public Size header(Path file) {
    return HeifBoxes.header(file);
  }

  @Override
  public Picture decode(Path file, Size header, long maxPixels, int longest) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment context = (MemorySegment) heif.contextAlloc.invokeExact();
      if (context.equals(MemorySegment.NULL)) throw new FrameException("heif_memory", "libheif could not start a decode", false);
      try {
        check((MemorySegment) heif.readFromFile.invokeExact((SegmentAllocator) arena, context, arena.allocateFrom(file.toString()),
            MemorySegment.NULL), "its HEIF structure cannot be read");
        MemorySegment handleOut = arena.allocate(ADDRESS);
        check((MemorySegment) heif.primaryImageHandle.invokeExact((SegmentAllocator) arena, context, handleOut), "it has no primary image");
        MemorySegment handle = handleOut.get(ADDRESS, 0);
        try {
          return decodePrimary(arena, handle, maxPixels);
        } finally {
          heif.handleRelease.invokeExact(handle);
        }
      } finally {
        heif.contextFree.invokeExact(context);
      }
    } catch (FrameException e) {
      throw e;
    } catch (Throwable e) {
      throw FrameException.corrupt("libheif failed on it (" + e + ")", e);
    }
  }

  private Picture decodePrimary(Arena arena, MemorySegment handle, long maxPixels) throws Throwable {
    int width = (int) heif.handleWidth.invokeExact(handle);
    int height = (int) heif.handleHeight.invokeExact(handle);
    if (width <= 0 || height <= 0) throw FrameException.corrupt("its primary image declares no size", null);
    new Size(width, height).requireAtMost(maxPixels); // libheif's view of the size, before it allocates
    Optional<byte[]> icc = iccProfile(arena, handle);
    MemorySegment imageOut = arena.allocate(ADDRESS);
    check((MemorySegment) heif.decodeImage.invokeExact((SegmentAllocator) arena, handle, imageOut, LibHeif.COLORSPACE_RGB,
        LibHeif.CHROMA_INTERLEAVED_RGB, MemorySegment.NULL), "its pixels cannot be decoded");
    MemorySegment image = imageOut.get(ADDRESS, 0);
    try {
      return new Picture(toRgb(arena, image), 1, icc);
    } finally {
      heif.imageRelease.invokeExact(image);
    }
  }

  private BufferedImage toRgb(Arena arena, MemorySegment image) throws Throwable {
    int width = (int) heif.imageWidth.invokeExact(image, LibHeif.CHANNEL_INTERLEAVED);
    int height = (int) heif.imageHeight.invokeExact(image, LibHeif.CHANNEL_INTERLEAVED);
    MemorySegment strideOut = arena.allocate(JAVA_INT);
    MemorySegment plane = (MemorySegment) heif.planeReadonly.invokeExact(image, LibHeif.CHANNEL_INTERLEAVED, strideOut);
    int stride = strideOut.get(JAVA_INT, 0);
    if (plane.equals(MemorySegment.NULL) || width <= 0 || height <= 0 || stride < width * 3) {
      throw FrameException.corrupt("libheif returned no RGB pixels", null);
    }
    MemorySegment pixels = plane.reinterpret((long) stride * height);
    BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    int[] out = ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
    byte[] row = new byte[width * 3];
    for (int y = 0, o = 0; y < height; y++) {
      MemorySegment.copy(pixels, java.lang.foreign.ValueLayout.JAVA_BYTE, (long) y * stride, row, 0, row.length);
      for (int x = 0, i = 0; x < width; x++, i += 3) {
        out[o++] = (row[i] & 0xFF) << 16 | (row[i + 1] & 0xFF) << 8 | (row[i + 2] & 0xFF);
      }
    }
    return rgb;
  }

  /**
   * The ICC profile ({@code prof}/{@code rICC}) for the colour step. An {@code nclx} box carries
   * no ICC bytes: libheif's YCbCr to RGB conversion already used its matrix, and its primaries
   * (nearly always BT.709, which are sRGB's) are left as they are.
   */
  private Optional<byte[]> iccProfile(Arena arena, MemorySegment handle) throws Throwable {
    int type = (int) heif.colorProfileType.invokeExact(handle);
    if (type == 0 || type == PROFILE_NCLX) return Optional.empty();
    long size = (long) heif.rawColorProfileSize.invokeExact(handle);
    if (size <= 0 || size > (4 << 20)) return Optional.empty();
    MemorySegment data = arena.allocate(size);
    MemorySegment error = (MemorySegment) heif.rawColorProfile.invokeExact((SegmentAllocator) arena, handle, data);
    if (error.get(JAVA_INT, 0) != 0) return Optional.empty(); // a broken profile leaves the colours as decoded
    return Optional.of(data.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE));
  }

  private static void check(MemorySegment error, String doing) {
    HeifError.check(error, doing);
  }

  private static int fourcc(String text) {
    return text.charAt(0) << 24 | text.charAt(1) << 16 | text.charAt(2) << 8 | text.charAt(3);
  }
}
