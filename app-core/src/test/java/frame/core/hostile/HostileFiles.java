package frame.core.hostile;

import frame.core.testing.ExifBuilder;
import frame.core.testing.TestImages;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Files crafted to crash, hang or exhaust a photo pipeline: the "Bad input" catalogue of
 * shared/reliability.md, plus seeded mutations of valid photos. All made here, none committed.
 */
final class HostileFiles {
  private HostileFiles() {}

  /** Files that must be refused or fail with a reason. */
  static Map<String, byte[]> catalogue() {
    byte[] jpeg = TestImages.jpeg(TestImages.photo(640, 480, 1));
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("zero-bytes.jpg", new byte[0]);
    files.put("random-bytes.jpg", random(20_000, 2));
    files.put("truncated.jpg", Arrays.copyOf(jpeg, jpeg.length / 3));
    files.put("jpeg-65535x65535.jpg", jpegDeclaring(65535, 65535));
    files.put("png-65535x65535.png", TestImages.pngDeclaring(65535, 65535));
    files.put("png-100000x100000.png", TestImages.pngDeclaring(100000, 100000));
    files.put("gif-65535x65535.gif", gifDeclaring(65535, 65535));
    files.put("png-huge-chunk.png", pngWithHugeChunk());
    files.put("tiff-ifd-loop.tif", tiffWithSelfLoop());
    files.put("exif-offset-past-end.jpg", withApp1(jpeg, tiffHeaderPointingAt(0x7FFFFF00)));
    files.put("exif-ifd-loop.jpg", withApp1(jpeg, exifIfdLoop()));
    files.put("exif-thumbnail-2gb.jpg", withApp1(jpeg, exifThumbnailClaiming(0x7FFFFFFF)));
    files.put("heic-photo.heic", new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0, 'm', 'i', 'f', '1'});
    files.put("canon.cr2", canonRaw());
    return files;
  }

  /** Unusual but valid photos: these must come out PROCESSED. */
  static Map<String, byte[]> mustSucceed() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("cmyk.jpg", cmykJpeg(400, 300));
    BufferedImage gray = new BufferedImage(300, 200, BufferedImage.TYPE_BYTE_GRAY);
    gray.getGraphics().drawImage(TestImages.photo(300, 200, 3), 0, 0, null);
    files.put("gray.jpg", TestImages.jpeg(gray));
    BufferedImage deep = new BufferedImage(300, 200, BufferedImage.TYPE_USHORT_GRAY);
    deep.getGraphics().drawImage(TestImages.photo(300, 200, 4), 0, 0, null);
    files.put("16bit.png", TestImages.encode(deep, "png"));
    BufferedImage alpha = new BufferedImage(300, 200, BufferedImage.TYPE_INT_ARGB);
    alpha.getGraphics().drawImage(TestImages.photo(300, 200, 5), 0, 0, null);
    files.put("alpha.png", TestImages.encode(alpha, "png"));
    files.put("exif-orientation-99.jpg", new ExifBuilder().orientation(99).into(TestImages.jpeg(TestImages.photo(300, 200, 6))));
    return files;
  }

  /** Valid seeds of each format, for mutation. */
  static List<byte[]> seeds() {
    BufferedImage photo = TestImages.photo(160, 120, 7);
    return List.of(
        new ExifBuilder().orientation(6).camera("Seed", "Cam").into(TestImages.jpeg(photo)),
        TestImages.encode(photo, "png"),
        TestImages.encode(photo, "tiff"),
        TestImages.encode(photo, "gif"),
        TestImages.encode(photo, "bmp"),
        frame.core.pipeline.PipelineEndToEndTest.webp());
  }

  /** One reproducible mutation: bit flips, a truncation, or a header field overwritten. */
  static byte[] mutate(byte[] seed, Random random) {
    byte[] bytes = seed.clone();
    switch (random.nextInt(4)) {
      case 0 -> {
        int flips = 1 + random.nextInt(16);
        for (int i = 0; i < flips; i++) bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
      }
      case 1 -> bytes = Arrays.copyOf(bytes, 8 + random.nextInt(bytes.length - 8));
      case 2 -> {
        // the first 64 bytes hold sizes, offsets and lengths: overwrite a few with extremes
        int at = 4 + random.nextInt(Math.min(60, bytes.length - 8));
        byte value = random.nextBoolean() ? (byte) 0xFF : 0;
        for (int i = 0; i < 1 + random.nextInt(4); i++) bytes[at + i] = value;
      }
      default -> {
        int start = random.nextInt(bytes.length);
        int length = Math.min(bytes.length - start, 1 + random.nextInt(256));
        byte[] noise = new byte[length];
        random.nextBytes(noise);
        System.arraycopy(noise, 0, bytes, start, length);
      }
    }
    return bytes;
  }

  private static byte[] random(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    bytes[0] = 0x12; // not accidentally a known magic number
    return bytes;
  }

  private static byte[] jpegDeclaring(int width, int height) {
    ByteBuffer b = ByteBuffer.allocate(64);
    b.put(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xC0, 0, 17, 8});
    b.putShort((short) height).putShort((short) width).put((byte) 3);
    for (int c = 1; c <= 3; c++) b.put((byte) c).put((byte) 0x11).put((byte) 0);
    b.put(new byte[] {(byte) 0xFF, (byte) 0xD9});
    return Arrays.copyOf(b.array(), b.position());
  }

  private static byte[] gifDeclaring(int width, int height) {
    ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
    b.put("GIF89a".getBytes(StandardCharsets.US_ASCII)).putShort((short) width).putShort((short) height);
    b.put((byte) 0).put((byte) 0).put((byte) 0);
    b.put((byte) 0x2C).putShort((short) 0).putShort((short) 0).putShort((short) width).putShort((short) height).put((byte) 0);
    b.put((byte) 2).put((byte) 1).put((byte) 0).put((byte) 0).put((byte) 0x3B);
    return Arrays.copyOf(b.array(), b.position());
  }

  private static byte[] pngWithHugeChunk() {
    byte[] valid = TestImages.encode(TestImages.photo(64, 48, 8), "png");
    // after the signature (8) and IHDR (25): a chunk that claims 0x7FFFFFF0 bytes
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(valid, 0, 33);
    out.writeBytes(ByteBuffer.allocate(8).putInt(0x7FFFFFF0).put("IDAT".getBytes(StandardCharsets.US_ASCII)).array());
    out.writeBytes(new byte[100]);
    return out.toByteArray();
  }

  private static byte[] tiffWithSelfLoop() {
    ByteBuffer b = ByteBuffer.allocate(128).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
    b.putShort((short) 3);
    b.putShort((short) 256).putShort((short) 3).putInt(1).putInt(100); // width
    b.putShort((short) 257).putShort((short) 3).putInt(1).putInt(100); // height
    b.putShort((short) 273).putShort((short) 4).putInt(1).putInt(8);   // strip offsets: the IFD itself
    b.putInt(8); // next IFD: this one again
    return Arrays.copyOf(b.array(), b.position());
  }

  private static byte[] tiffHeaderPointingAt(int ifdOffset) {
    return ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).put((byte) 'M').put((byte) 'M').putShort((short) 42)
        .putInt(ifdOffset).array();
  }

  private static byte[] exifIfdLoop() {
    ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.BIG_ENDIAN);
    b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
    b.putShort((short) 1).putShort((short) 0x8769).putShort((short) 4).putInt(1).putInt(8); // Exif sub-IFD = IFD0
    b.putInt(8); // next IFD = IFD0
    return Arrays.copyOf(b.array(), b.position());
  }

  private static byte[] exifThumbnailClaiming(int length) {
    ByteBuffer b = ByteBuffer.allocate(96).order(ByteOrder.BIG_ENDIAN);
    b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
    b.putShort((short) 0).putInt(14); // empty IFD0, then IFD1 at 14
    b.putShort((short) 2);
    b.putShort((short) 0x0201).putShort((short) 4).putInt(1).putInt(40);     // thumbnail offset
    b.putShort((short) 0x0202).putShort((short) 4).putInt(1).putInt(length); // thumbnail length
    b.putInt(0);
    return Arrays.copyOf(b.array(), b.position());
  }

  private static byte[] withApp1(byte[] jpeg, byte[] tiff) {
    return frame.core.media.ExifSegment.insert(jpeg, tiff);
  }

  private static byte[] canonRaw() {
    ByteBuffer b = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(16).put((byte) 'C').put((byte) 'R').put((byte) 2);
    return b.array();
  }

  /** A four-channel (CMYK) JPEG as print workflows write them. */
  static byte[] cmykJpeg(int width, int height) {
    WritableRaster raster = Raster.createInterleavedRaster(java.awt.image.DataBuffer.TYPE_BYTE, width, height, 4, null);
    Random random = new Random(9);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        raster.setPixel(x, y, new int[] {x * 255 / width, y * 255 / height, 40, random.nextInt(30)});
      }
    }
    try {
      ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
        writer.setOutput(out);
        writer.write(null, new IIOImage(raster, null, null), writer.getDefaultWriteParam());
      } finally {
        writer.dispose();
      }
      return bytes.toByteArray();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
