package frame.core.media.codec.raw;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import frame.core.api.FrameException;
import frame.core.media.codec.Codec;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;

/**
 * Develops a camera RAW's sensor data with LibRaw: the camera's white balance (as shot), AHD
 * demosaicing, sRGB, 8 bits, LibRaw's automatic brightness; the picture comes back upright (LibRaw
 * turns it as the camera was held). Each call opens its own LibRaw instance.
 */
final class RawDeveloper {
  private final LibRaw raw;

  RawDeveloper(LibRaw raw) {
    this.raw = raw;
  }

  String version() {
    return raw.version;
  }

  /** The developed size, read without developing; a file LibRaw cannot open throws with LibRaw's reason. */
  Codec.Size size(Path file) {
    return withOpened(file, data -> new Codec.Size((int) raw.width.invokeExact(data), (int) raw.height.invokeExact(data)));
  }

  /** The developed picture, refused before any developing when it is over {@code maxPixels}. */
  BufferedImage develop(Path file, long maxPixels) {
    return withOpened(file, data -> {
      new Codec.Size((int) raw.width.invokeExact(data), (int) raw.height.invokeExact(data)).requireAtMost(maxPixels);
      for (int i = 0; i < 4; i++) {
        // the camera's as-shot white balance (LibRaw's use_camera_wb, which has no C setter)
        float multiplier = (float) raw.camMul.invokeExact(data, i);
        if (multiplier > 0) raw.setUserMul.invokeExact(data, i, multiplier);
      }
      raw.setOutputBps.invokeExact(data, 8);
      raw.setOutputColor.invokeExact(data, 1); // sRGB
      check((int) raw.unpack.invokeExact(data), "its sensor data cannot be read");
      check((int) raw.process.invokeExact(data), "it cannot be developed");
      try (Arena arena = Arena.ofConfined()) {
        MemorySegment error = arena.allocate(JAVA_INT);
        MemorySegment image = (MemorySegment) raw.makeMemImage.invokeExact(data, error);
        if (image.equals(MemorySegment.NULL)) check(error.get(JAVA_INT, 0), "its developed picture cannot be made");
        try {
          return toRgb(image.reinterpret(16));
        } finally {
          raw.clearMem.invokeExact(image);
        }
      }
    });
  }

  /** libraw_processed_image_t: int type; ushort height, width, colors, bits; uint data_size; uchar data[]. */
  private static BufferedImage toRgb(MemorySegment header) {
    int type = header.get(JAVA_INT, 0);
    int height = Short.toUnsignedInt(header.get(JAVA_SHORT, 4));
    int width = Short.toUnsignedInt(header.get(JAVA_SHORT, 6));
    int colors = Short.toUnsignedInt(header.get(JAVA_SHORT, 8));
    int bits = Short.toUnsignedInt(header.get(JAVA_SHORT, 10));
    long size = Integer.toUnsignedLong(header.get(JAVA_INT, 12));
    if (type != LibRaw.IMAGE_BITMAP || bits != 8 || (colors != 3 && colors != 1) || width == 0 || height == 0
        || size < (long) width * height * colors) {
      throw failed("LibRaw returned no 8-bit picture (type %d, %d bits, %d colours)".formatted(type, bits, colors));
    }
    MemorySegment pixels = header.reinterpret(16 + size).asSlice(16);
    BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    int[] out = ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
    byte[] row = new byte[width * colors];
    for (int y = 0, o = 0; y < height; y++) {
      MemorySegment.copy(pixels, JAVA_BYTE, (long) y * row.length, row, 0, row.length);
      for (int x = 0, i = 0; x < width; x++, i += colors) {
        int r = row[i] & 0xFF;
        out[o++] = colors == 1 ? r << 16 | r << 8 | r : r << 16 | (row[i + 1] & 0xFF) << 8 | (row[i + 2] & 0xFF);
      }
    }
    return rgb;
  }

  private interface WithData<T> {
    T apply(MemorySegment data) throws Throwable;
  }

  private <T> T withOpened(Path file, WithData<T> work) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment data = (MemorySegment) raw.init.invokeExact(0);
      if (data.equals(MemorySegment.NULL)) throw new FrameException("libraw_memory", "LibRaw could not start", false);
      try {
        check((int) raw.openFile.invokeExact(data, arena.allocateFrom(file.toString())), "LibRaw cannot open it");
        return work.apply(data);
      } finally {
        raw.close.invokeExact(data);
      }
    } catch (FrameException e) {
      throw e;
    } catch (Throwable e) {
      throw failed("LibRaw failed on it (" + e + ")");
    }
  }

  private void check(int code, String doing) {
    if (code != 0) throw failed(doing + ": " + raw.message(code));
  }

  /** Permanent for this file: its embedded preview is shown instead. */
  private static FrameException failed(String reason) {
    return new FrameException("raw_not_developed", reason, true);
  }
}
