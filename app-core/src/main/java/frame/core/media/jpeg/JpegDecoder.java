package frame.core.media.jpeg;

import java.awt.image.BufferedImage;

/**
 * A baseline JPEG decoder that can decode at 1/2, 1/4 or 1/8 of full size, each block
 * area-averaged as it comes out of the inverse DCT: a 12 MP photo becomes its 3 MP working image
 * without ever existing at full size, and looks as a careful downscale of the full picture
 * would. It takes what cameras write (8-bit, Huffman, sequential, YCbCr or gray, sampling
 * factors of 1 or 2, restart intervals; an ICC profile is the caller's to read and apply) and leaves everything else, and any damage, to ImageIO
 * by throwing {@link NotDecodableHere}.
 */
public final class JpegDecoder {
  private final byte[] data;
  private final int[][] quantisation = new int[4][];
  private final HuffmanTable[] dcTables = new HuffmanTable[4];
  private final HuffmanTable[] acTables = new HuffmanTable[4];
  private JpegFrame frame;
  private int restartInterval;
  private boolean adobeRgb;

  private JpegDecoder(byte[] data) {
    this.data = data;
  }

  /** The largest of 1, 2, 4 and 8 that still leaves the longest side at least {@code longest}. */
  public static int scaleFor(int width, int height, int longest) {
    int full = Math.max(width, height);
    for (int denominator = 8; denominator > 1; denominator /= 2) {
      if ((full + denominator - 1) / denominator >= longest) return denominator;
    }
    return 1;
  }

  /** The picture at 1/{@code denominator} of its size (rounded up), as TYPE_INT_RGB. */
  public static BufferedImage decode(byte[] jpeg, int denominator) throws NotDecodableHere {
    if (denominator != 1 && denominator != 2 && denominator != 4 && denominator != 8) {
      throw new IllegalArgumentException("scale 1/" + denominator);
    }
    try {
      return new JpegDecoder(jpeg).run(denominator);
    } catch (RuntimeException e) {
      throw new NotDecodableHere("damaged: " + e);
    }
  }

  private BufferedImage run(int denominator) throws NotDecodableHere {
    if (u8(0) != 0xFF || u8(1) != 0xD8) throw new NotDecodableHere("not a JPEG");
    int position = 2;
    while (true) {
      while (u8(position) != 0xFF) position++;
      while (u8(position) == 0xFF) position++;
      int marker = u8(position++);
      if (marker == 0xD9) throw new NotDecodableHere("no scan");
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) continue;
      int length = u16(position);
      int body = position + 2;
      int end = position + length;
      if (length < 2 || end > data.length) throw new NotDecodableHere("segment runs past the file");
      switch (marker) {
        case 0xC0, 0xC1 -> frame = JpegFrame.read(data, body);
        case 0xC4 -> readHuffmanTables(body, end);
        case 0xDB -> readQuantisationTables(body, end);
        case 0xDD -> restartInterval = u16(body);
        case 0xEE -> readAdobe(body, end);
        case 0xDA -> {
          return scan(body, end, denominator);
        }
        default -> {
          if (marker >= 0xC2 && marker <= 0xCF) throw new NotDecodableHere("not baseline (SOF " + Integer.toHexString(marker) + ")");
        }
      }
      position = end;
    }
  }

  private BufferedImage scan(int body, int end, int denominator) throws NotDecodableHere {
    if (frame == null) throw new NotDecodableHere("scan before frame");
    if (adobeRgb || frame.looksRgb()) throw new NotDecodableHere("stored as RGB");
    int count = u8(body);
    if (count != frame.components().length) throw new NotDecodableHere("not one interleaved scan");
    JpegComponent[] components = frame.components();
    for (int i = 0; i < count; i++) {
      int id = u8(body + 1 + 2 * i);
      int tables = u8(body + 2 + 2 * i);
      if (components[i].id != id) throw new NotDecodableHere("scan components out of order");
      components[i].use(table(dcTables, tables >> 4), table(acTables, tables & 15),
          table(quantisation, components[i].quantisationTable), frame, denominator);
    }
    int spectral = body + 1 + 2 * count;
    if (u8(spectral) != 0 || u8(spectral + 1) != 63 || u8(spectral + 2) != 0) throw new NotDecodableHere("not a sequential scan");
    decodeMcus(new EntropyReader(data, end));
    return frame.toRgb(denominator);
  }

  private void decodeMcus(EntropyReader in) throws NotDecodableHere {
    JpegComponent[] components = frame.components();
    int[] coef = new int[64];
    int[] written = new int[64];
    float[] work = new float[Idct.SCRATCH];
    int restarts = 0;
    int mcus = 0;
    for (int mcuY = 0; mcuY < frame.mcusHigh(); mcuY++) {
      for (int mcuX = 0; mcuX < frame.mcusWide(); mcuX++, mcus++) {
        if (restartInterval > 0 && mcus > 0 && mcus % restartInterval == 0) {
          in.restart(restarts++ & 7);
          for (JpegComponent c : components) c.predictor = 0;
        }
        for (JpegComponent c : components) {
          for (int v = 0; v < c.vertical; v++) {
            for (int h = 0; h < c.horizontal; h++) {
              int acCount = decodeBlock(in, c, coef, written);
              c.writeBlock(coef, acCount == 0, mcuX * c.horizontal + h, mcuY * c.vertical + v, work);
              coef[0] = 0;
              for (int i = 0; i < acCount; i++) coef[written[i]] = 0;
            }
          }
        }
      }
      if (in.ranPastTheData()) throw new NotDecodableHere("the scan ends early");
    }
  }

  /**
   * Decodes one block's coefficients into {@code coef} (which must be all zero) and returns how
   * many AC coefficients it set, their positions in {@code written}, so they can be zeroed again.
   */
  private static int decodeBlock(EntropyReader in, JpegComponent c, int[] coef, int[] written) throws NotDecodableHere {
    int size = c.dc.decode(in);
    if (size > 11) throw new NotDecodableHere("DC out of range");
    c.predictor += in.signed(size);
    coef[0] = c.predictor;
    return in.acCoefficients(c.ac, coef, written);
  }

  private void readHuffmanTables(int position, int end) throws NotDecodableHere {
    while (position < end) {
      int classAndId = u8(position);
      int[] counts = new int[16];
      int total = 0;
      for (int i = 0; i < 16; i++) total += counts[i] = u8(position + 1 + i);
      if (total > 256 || position + 17 + total > end || (classAndId & 15) > 3) throw new NotDecodableHere("bad Huffman table");
      int[] symbols = new int[total];
      for (int i = 0; i < total; i++) symbols[i] = u8(position + 17 + i);
      HuffmanTable table = new HuffmanTable(counts, symbols);
      if ((classAndId >> 4) == 0) dcTables[classAndId & 15] = table;
      else acTables[classAndId & 15] = table;
      position += 17 + total;
    }
  }

  private void readQuantisationTables(int position, int end) throws NotDecodableHere {
    while (position < end) {
      int precisionAndId = u8(position++);
      if ((precisionAndId & 15) > 3) throw new NotDecodableHere("bad quantisation table");
      boolean sixteenBit = (precisionAndId >> 4) != 0;
      int[] natural = new int[64];
      for (int k = 0; k < 64; k++) {
        natural[Zigzag.NATURAL[k]] = sixteenBit ? u16(position + 2 * k) : u8(position + k);
      }
      quantisation[precisionAndId & 15] = natural;
      position += sixteenBit ? 128 : 64;
    }
  }

  private void readAdobe(int body, int end) {
    // "Adobe", version, flags0, flags1, transform: 0 means the three channels are RGB
    if (end - body >= 12 && startsWith(body, "Adobe")) adobeRgb = u8(body + 11) == 0;
  }

  private static <T> T table(T[] tables, int id) throws NotDecodableHere {
    if (id > 3 || tables[id] == null) throw new NotDecodableHere("missing table " + id);
    return tables[id];
  }

  private boolean startsWith(int position, String text) {
    if (position + text.length() > data.length) return false;
    for (int i = 0; i < text.length(); i++) if (data[position + i] != text.charAt(i)) return false;
    return true;
  }

  private int u8(int position) {
    return data[position] & 0xFF;
  }

  private int u16(int position) {
    return (u8(position) << 8) | u8(position + 1);
  }
}
