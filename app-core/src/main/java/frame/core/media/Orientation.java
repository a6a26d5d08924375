package frame.core.media;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/** The eight EXIF orientations, and how to turn stored pixels upright for each. */
public enum Orientation {
  NORMAL(1), MIRROR_HORIZONTAL(2), ROTATE_180(3), MIRROR_VERTICAL(4),
  TRANSPOSE(5), ROTATE_90_CW(6), TRANSVERSE(7), ROTATE_270_CW(8);

  private final int exifValue;

  Orientation(int exifValue) {
    this.exifValue = exifValue;
  }

  public int exifValue() {
    return exifValue;
  }

  /** Unknown or out-of-range values count as NORMAL: a bad tag must not spoil a photo. */
  public static Orientation fromExif(int value) {
    for (Orientation o : values()) if (o.exifValue == value) return o;
    return NORMAL;
  }

  public boolean swapsSides() {
    return exifValue >= 5;
  }

  /** Returns the upright image; {@code image} must be TYPE_INT_RGB. */
  public BufferedImage apply(BufferedImage image) {
    if (this == NORMAL) return image;
    int w = image.getWidth();
    int h = image.getHeight();
    int outW = swapsSides() ? h : w;
    int outH = swapsSides() ? w : h;
    int[] in = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    BufferedImage out = new BufferedImage(outW, outH, BufferedImage.TYPE_INT_RGB);
    int[] px = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
    for (int y = 0; y < outH; y++) {
      for (int x = 0; x < outW; x++) {
        int sx;
        int sy;
        switch (this) {
          case MIRROR_HORIZONTAL -> { sx = w - 1 - x; sy = y; }
          case ROTATE_180 -> { sx = w - 1 - x; sy = h - 1 - y; }
          case MIRROR_VERTICAL -> { sx = x; sy = h - 1 - y; }
          case TRANSPOSE -> { sx = y; sy = x; }
          case ROTATE_90_CW -> { sx = y; sy = h - 1 - x; }
          case TRANSVERSE -> { sx = w - 1 - y; sy = h - 1 - x; }
          case ROTATE_270_CW -> { sx = w - 1 - y; sy = x; }
          default -> { sx = x; sy = y; }
        }
        px[y * outW + x] = in[sy * w + sx];
      }
    }
    return out;
  }
}
