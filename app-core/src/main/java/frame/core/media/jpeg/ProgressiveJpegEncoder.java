package frame.core.media.jpeg;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import frame.core.media.turbo.TurboJpeg;

/**
 * Writes a progressive JPEG (4:2:0 YCbCr, or gray) with optimal Huffman tables per scan, about
 * four times faster than ImageIO's progressive mode, which was the largest cost of a preview. Its
 * scans use spectral selection only: the DC of everything, then the luma's lowest frequencies,
 * the chroma, and the rest of the luma, so a browser shows a whole blurry picture first and
 * sharpens it as bytes arrive.
 */
public final class ProgressiveJpegEncoder {
  private static final int[][] LUMA_BANDS = {{1, 5}, {6, 63}};

  private final int width;
  private final int height;
  private final Plane[] planes;
  private final int[][] quantisation;

  /**
   * One component's quantised coefficients, natural order, {@code stride} blocks a row and
   * {@code rows} rows of them, with each block's non-zero mask. The frame is {@code blocksWide} x
   * {@code blocksHigh} blocks (whole MCUs); a block beyond the array repeats the last of its row or
   * column, as the padding of an MCU may.
   */
  private record Plane(int id, int sampling, int table, short[] coefficients, int stride, int rows, long[] nonZero,
      int blocksWide, int blocksHigh, int usedWide, int usedHigh) {
    Plane(int id, int sampling, int table, short[] coefficients, int blocksWide, int blocksHigh, int usedWide,
        int usedHigh) {
      this(id, sampling, table, coefficients, blocksWide, blocksHigh, ScanEncoder.nonZero(coefficients), blocksWide,
          blocksHigh, usedWide, usedHigh);
    }

    /** The index in {@code coefficients} of the frame's block at column {@code bx}, row {@code by}. */
    int block(int bx, int by) {
      return Math.min(by, rows - 1) * stride + Math.min(bx, stride - 1);
    }
  }

  private ProgressiveJpegEncoder(BufferedImage image, float quality) {
    width = image.getWidth();
    height = image.getHeight();
    quantisation = QuantisationTables.forQuality(quality);
    planes = isGray(image) ? grayPlanes(image) : colourPlanes(image);
  }

  private ProgressiveJpegEncoder(int width, int height, Plane[] planes, int[][] quantisation) {
    this.width = width;
    this.height = height;
    this.planes = planes;
    this.quantisation = quantisation;
  }

  public static void write(BufferedImage image, float quality, OutputStream out) throws IOException {
    new ProgressiveJpegEncoder(image, quality).writeTo(out);
  }

  /**
   * The same scans from coefficients another encoder made (libjpeg-turbo's baseline 4:2:0 at
   * {@code quality}, whose tables are these): only the entropy coding is ours, so the picture
   * decodes to exactly the pixels of that baseline file.
   */
  public static void write(TurboJpeg.Coefficients coefficients, float quality, OutputStream out) throws IOException {
    List<TurboJpeg.Component> components = coefficients.components();
    if (components.size() != 3) throw new IllegalArgumentException("expected Y, Cb and Cr, not " + components.size());
    int width = coefficients.width();
    int height = coefficients.height();
    int mcusWide = (width + 15) / 16;
    int mcusHigh = (height + 15) / 16;
    int chromaWide = (width + 1) / 2;
    int chromaHigh = (height + 1) / 2;
    Plane[] planes = {
        plane(components.get(0), 1, 2, 0, mcusWide * 2, mcusHigh * 2, (width + 7) / 8, (height + 7) / 8),
        plane(components.get(1), 2, 1, 1, mcusWide, mcusHigh, (chromaWide + 7) / 8, (chromaHigh + 7) / 8),
        plane(components.get(2), 3, 1, 1, mcusWide, mcusHigh, (chromaWide + 7) / 8, (chromaHigh + 7) / 8)};
    new ProgressiveJpegEncoder(width, height, planes, QuantisationTables.forQuality(quality)).writeTo(out);
  }

  /** libjpeg-turbo's blocks as they are: its rows of blocks are the used ones, the rest is MCU padding. */
  private static Plane plane(TurboJpeg.Component source, int id, int sampling, int table, int blocksWide,
      int blocksHigh, int usedWide, int usedHigh) {
    if (source.blocksWide() != usedWide || source.rows() < usedHigh) {
      throw new IllegalArgumentException("component " + id + " has " + source.blocksWide() + "x" + source.rows()
          + " blocks, not " + usedWide + "x" + usedHigh);
    }
    short[] natural = source.blocks();
    return new Plane(id, sampling, table, natural, usedWide, source.rows(), ScanEncoder.nonZero(natural), blocksWide,
        blocksHigh, usedWide, usedHigh);
  }

  private void writeTo(OutputStream target) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(width * height / 4);
    out.write(new byte[] {(byte) 0xFF, (byte) 0xD8});
    segment(out, 0xE0, new byte[] {'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0});
    writeQuantisation(out);
    writeFrameHeader(out);
    dcScan(out);
    Plane luma = planes[0];
    acScan(out, luma, LUMA_BANDS[0][0], LUMA_BANDS[0][1]);
    for (int c = planes.length - 1; c > 0; c--) acScan(out, planes[c], 1, 63);
    acScan(out, luma, LUMA_BANDS[1][0], LUMA_BANDS[1][1]);
    out.write(new byte[] {(byte) 0xFF, (byte) 0xD9});
    out.writeTo(target);
  }

  private void dcScan(ByteArrayOutputStream out) {
    ScanEncoder scan = new ScanEncoder();
    encodeDc(scan);
    HuffmanCode[] codes = {new HuffmanCode(scan.frequencies[0]), planes.length > 1 ? new HuffmanCode(scan.frequencies[1]) : null};
    writeTables(out, 0, codes);
    writeScanHeader(out, planes, 0, 0);
    scan.writeTo(new BitWriter(out), codes);
  }

  private void encodeDc(ScanEncoder encoder) {
    int[] predictors = new int[planes.length];
    int mcusWide = planes[0].blocksWide / planes[0].sampling;
    int mcusHigh = planes[0].blocksHigh / planes[0].sampling;
    for (int my = 0; my < mcusHigh; my++) {
      for (int mx = 0; mx < mcusWide; mx++) {
        for (int c = 0; c < planes.length; c++) {
          Plane p = planes[c];
          for (int v = 0; v < p.sampling; v++) {
            for (int h = 0; h < p.sampling; h++) {
              encoder.dc(p.coefficients, p.block(mx * p.sampling + h, my * p.sampling + v), predictors, c, p.table);
            }
          }
        }
      }
    }
    encoder.finish();
  }

  /** A non-interleaved scan covers only the blocks inside the picture, not the MCU padding. */
  private void acScan(ByteArrayOutputStream out, Plane plane, int start, int end) {
    ScanEncoder scan = new ScanEncoder();
    encodeAc(scan, plane, start, end);
    HuffmanCode[] codes = {new HuffmanCode(scan.frequencies[0])};
    writeTables(out, 1, codes);
    writeScanHeader(out, new Plane[] {plane}, start, end);
    scan.writeTo(new BitWriter(out), codes);
  }

  private static void encodeAc(ScanEncoder encoder, Plane plane, int start, int end) {
    long[] nonZero = plane.nonZero();
    for (int by = 0; by < plane.usedHigh; by++) {
      for (int bx = 0; bx < plane.usedWide; bx++) {
        int block = plane.block(bx, by);
        encoder.acBand(plane.coefficients, block, nonZero[block], start, end);
      }
    }
    encoder.finish();
  }

  private void writeQuantisation(ByteArrayOutputStream out) {
    int tables = planes.length > 1 ? 2 : 1;
    byte[] body = new byte[65 * tables];
    for (int t = 0; t < tables; t++) {
      body[65 * t] = (byte) t;
      for (int k = 0; k < 64; k++) body[65 * t + 1 + k] = (byte) quantisation[t][Zigzag.NATURAL[k]];
    }
    segment(out, 0xDB, body);
  }

  private void writeFrameHeader(ByteArrayOutputStream out) {
    byte[] body = new byte[6 + 3 * planes.length];
    body[0] = 8;
    body[1] = (byte) (height >> 8);
    body[2] = (byte) height;
    body[3] = (byte) (width >> 8);
    body[4] = (byte) width;
    body[5] = (byte) planes.length;
    for (int c = 0; c < planes.length; c++) {
      body[6 + 3 * c] = (byte) planes[c].id;
      body[7 + 3 * c] = (byte) (planes[c].sampling * 0x11);
      body[8 + 3 * c] = (byte) planes[c].table;
    }
    segment(out, 0xC2, body);
  }

  private static void writeTables(ByteArrayOutputStream out, int tableClass, HuffmanCode[] codes) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int id = 0; id < codes.length; id++) if (codes[id] != null) codes[id].writeTo(body, tableClass, id);
    segment(out, 0xC4, body.toByteArray());
  }

  private static void writeScanHeader(ByteArrayOutputStream out, Plane[] scanned, int start, int end) {
    byte[] body = new byte[4 + 2 * scanned.length];
    body[0] = (byte) scanned.length;
    for (int i = 0; i < scanned.length; i++) {
      body[1 + 2 * i] = (byte) scanned[i].id;
      body[2 + 2 * i] = (byte) (start == 0 ? scanned[i].table << 4 : 0);
    }
    body[1 + 2 * scanned.length] = (byte) start;
    body[2 + 2 * scanned.length] = (byte) end;
    body[3 + 2 * scanned.length] = 0;
    segment(out, 0xDA, body);
  }

  private static void segment(ByteArrayOutputStream out, int marker, byte[] body) {
    out.write(0xFF);
    out.write(marker);
    out.write((body.length + 2) >> 8);
    out.write(body.length + 2);
    out.write(body, 0, body.length);
  }

  private static boolean isGray(BufferedImage image) {
    return image.getType() == BufferedImage.TYPE_BYTE_GRAY;
  }

  private Plane[] grayPlanes(BufferedImage image) {
    int blocksWide = (width + 7) / 8;
    int blocksHigh = (height + 7) / 8;
    float[] samples = new float[blocksWide * 8 * blocksHigh * 8];
    int stride = blocksWide * 8;
    java.awt.image.Raster raster = image.getRaster();
    int[] row = new int[width];
    for (int y = 0; y < blocksHigh * 8; y++) {
      raster.getSamples(0, Math.min(y, height - 1), width, 1, 0, row);
      for (int x = 0; x < stride; x++) samples[y * stride + x] = row[Math.min(x, width - 1)] - 128f;
    }
    return new Plane[] {transform(1, 1, 0, samples, blocksWide, blocksHigh, blocksWide, blocksHigh)};
  }

  private Plane[] colourPlanes(BufferedImage image) {
    int[] rgb = ImageRgb.of(image);
    int mcusWide = (width + 15) / 16;
    int mcusHigh = (height + 15) / 16;
    int lumaStride = mcusWide * 16;
    int chromaStride = mcusWide * 8;
    float[] luma = new float[lumaStride * mcusHigh * 16];
    float[] cb = new float[chromaStride * mcusHigh * 8];
    float[] cr = new float[chromaStride * mcusHigh * 8];
    int[] row = new int[lumaStride];
    for (int y = 0; y < mcusHigh * 16; y++) {
      // the row, with its last pixel repeated into the padding
      System.arraycopy(rgb, Math.min(y, height - 1) * width, row, 0, width);
      java.util.Arrays.fill(row, width, lumaStride, row[width - 1]);
      int lumaRow = y * lumaStride;
      int chromaRow = (y >> 1) * chromaStride;
      for (int x = 0; x < lumaStride; x += 2) {
        int p = row[x];
        int q = row[x + 1];
        int r0 = (p >> 16) & 0xFF;
        int g0 = (p >> 8) & 0xFF;
        int b0 = p & 0xFF;
        int r1 = (q >> 16) & 0xFF;
        int g1 = (q >> 8) & 0xFF;
        int b1 = q & 0xFF;
        luma[lumaRow + x] = 0.299f * r0 + 0.587f * g0 + 0.114f * b0 - 128f;
        luma[lumaRow + x + 1] = 0.299f * r1 + 0.587f * g1 + 0.114f * b1 - 128f;
        // chroma is the mean of each 2x2: a quarter of each pixel's value
        int r = r0 + r1;
        int g = g0 + g1;
        int b = b0 + b1;
        cb[chromaRow + (x >> 1)] += 0.25f * (-0.168736f * r - 0.331264f * g + 0.5f * b);
        cr[chromaRow + (x >> 1)] += 0.25f * (0.5f * r - 0.418688f * g - 0.081312f * b);
      }
    }
    int chromaWide = (width + 1) / 2;
    int chromaHigh = (height + 1) / 2;
    return new Plane[] {
        transform(1, 2, 0, luma, mcusWide * 2, mcusHigh * 2, (width + 7) / 8, (height + 7) / 8),
        transform(2, 1, 1, cb, mcusWide, mcusHigh, (chromaWide + 7) / 8, (chromaHigh + 7) / 8),
        transform(3, 1, 1, cr, mcusWide, mcusHigh, (chromaWide + 7) / 8, (chromaHigh + 7) / 8)};
  }

  private Plane transform(int id, int sampling, int table, float[] samples, int blocksWide, int blocksHigh,
      int usedWide, int usedHigh) {
    float[] divisors = ForwardDct.divisors(quantisation[table]);
    short[] coefficients = new short[blocksWide * blocksHigh * 64];
    float[] block = new float[64];
    int stride = blocksWide * 8;
    for (int by = 0; by < blocksHigh; by++) {
      for (int bx = 0; bx < blocksWide; bx++) {
        int origin = by * 8 * stride + bx * 8;
        for (int y = 0; y < 8; y++) System.arraycopy(samples, origin + y * stride, block, y * 8, 8);
        ForwardDct.quantised(block, divisors, coefficients, (by * blocksWide + bx) * 64);
      }
    }
    return new Plane(id, sampling, table, coefficients, blocksWide, blocksHigh, usedWide, usedHigh);
  }
}
