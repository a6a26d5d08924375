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
    // where output (0, 0) comes from in the stored pixels, and the steps for x + 1 and y + 1
    int last = (h - 1) * w;
    int[] walk = switch (this) {
      case MIRROR_HORIZONTAL -> new int[] {w - 1, -1, w};
      case ROTATE_180 -> new int[] {last + w - 1, -1, -w};
      case MIRROR_VERTICAL -> new int[] {last, 1, -w};
      case TRANSPOSE -> new int[] {0, w, 1};
      case ROTATE_90_CW -> new int[] {last, -w, 1};
      case TRANSVERSE -> new int[] {last + w - 1, -w, -1};
      case ROTATE_270_CW -> new int[] {w - 1, w, -1};
      case NORMAL -> new int[] {0, 1, w};
    };
    int stepX = walk[1];
    for (int y = 0, o = 0; y < outH; y++) {
      for (int x = 0, source = walk[0] + y * walk[2]; x < outW; x++, source += stepX) px[o++] = in[source];
    }
    return out;
  }
}
