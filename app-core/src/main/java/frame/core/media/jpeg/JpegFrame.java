package frame.core.media.jpeg;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/** The frame header (SOF0/SOF1): size and components; and the planes' final step to RGB. */
record JpegFrame(int width, int height, JpegComponent[] components, int maxHorizontal, int maxVertical) {
  private static final int[] CR_R = new int[256];
  private static final int[] CB_B = new int[256];
  private static final int[] CR_G = new int[256];
  private static final int[] CB_G = new int[256];

  static {
    // JFIF's YCbCr to RGB in 16-bit fixed point, as libjpeg's jdcolor.c does it
    for (int i = 0; i < 256; i++) {
      int x = i - 128;
      CR_R[i] = (int) Math.round(1.40200 * x);
      CB_B[i] = (int) Math.round(1.77200 * x);
      CR_G[i] = (int) Math.round(-0.71414 * 65536 * x);
      CB_G[i] = (int) Math.round(-0.34414 * 65536 * x) + 32768;
    }
  }

  static JpegFrame read(byte[] data, int body) throws NotDecodableHere {
    if ((data[body] & 0xFF) != 8) throw new NotDecodableHere("not 8-bit");
    int height = ((data[body + 1] & 0xFF) << 8) | (data[body + 2] & 0xFF);
    int width = ((data[body + 3] & 0xFF) << 8) | (data[body + 4] & 0xFF);
    int count = data[body + 5] & 0xFF;
    if (width == 0 || height == 0) throw new NotDecodableHere("no size in the frame header");
    if (count != 1 && count != 3) throw new NotDecodableHere(count + " components");
    JpegComponent[] components = new JpegComponent[count];
    int maxH = 1;
    int maxV = 1;
    for (int i = 0; i < count; i++) {
      int at = body + 6 + 3 * i;
      int sampling = data[at + 1] & 0xFF;
      int h = count == 1 ? 1 : sampling >> 4;
      int v = count == 1 ? 1 : sampling & 15;
      if (h < 1 || h > 2 || v < 1 || v > 2) throw new NotDecodableHere("sampling " + h + "x" + v);
      components[i] = new JpegComponent(data[at] & 0xFF, h, v, data[at + 2] & 0xFF);
      maxH = Math.max(maxH, h);
      maxV = Math.max(maxV, v);
    }
    if (components[0].horizontal != maxH || components[0].vertical != maxV) {
      throw new NotDecodableHere("luma sampled less than chroma");
    }
    return new JpegFrame(width, height, components, maxH, maxV);
  }

  int mcusWide() {
    return (width + 8 * maxHorizontal - 1) / (8 * maxHorizontal);
  }

  int mcusHigh() {
    return (height + 8 * maxVertical - 1) / (8 * maxVertical);
  }

  /** Three components named R, G and B carry RGB, not YCbCr. */
  boolean looksRgb() {
    return components.length == 3 && components[0].id == 'R' && components[1].id == 'G' && components[2].id == 'B';
  }

  /** The decoded planes as one picture at 1/{@code denominator} of the frame's size. */
  BufferedImage toRgb(int denominator) {
    int outWidth = (width + denominator - 1) / denominator;
    int outHeight = (height + denominator - 1) / denominator;
    BufferedImage image = new BufferedImage(outWidth, outHeight, BufferedImage.TYPE_INT_RGB);
    int[] rgb = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    if (components.length == 1) {
      JpegComponent gray = components[0];
      for (int y = 0; y < outHeight; y++) {
        for (int x = 0; x < outWidth; x++) rgb[y * outWidth + x] = (gray.plane[y * gray.planeWidth + x] & 0xFF) * 0x010101;
      }
      return image;
    }
    byte[] luma = components[0].plane;
    int stride = components[0].planeWidth;
    byte[] cb = fullSize(components[1]);
    byte[] cr = fullSize(components[2]);
    for (int y = 0; y < outHeight; y++) {
      int in = y * stride;
      int out = y * outWidth;
      for (int x = 0; x < outWidth; x++, in++) {
        int l = luma[in] & 0xFF;
        int b = cb[in] & 0xFF;
        int r = cr[in] & 0xFF;
        rgb[out + x] = (clamp(l + CR_R[r]) << 16) | (clamp(l + ((CB_G[b] + CR_G[r]) >> 16)) << 8) | clamp(l + CB_B[b]);
      }
    }
    return image;
  }

  /** A chroma plane at the luma plane's size. */
  private static byte[] fullSize(JpegComponent c) {
    int planeHeight = c.plane.length / c.planeWidth;
    return ChromaUpsampler.upsample(c.plane, c.planeWidth, planeHeight, c.upShiftX == 1, c.upShiftY == 1);
  }

  private static int clamp(int v) {
    return v < 0 ? 0 : Math.min(v, 255);
  }
}
