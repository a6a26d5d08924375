package frame.core.media;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * Downscaling by exact area averaging: each output pixel is the mean of the source area it
 * covers, fractional edges weighted by how much of them it covers. That is the reference the
 * quality tests compare against (no aliasing, no ringing), and, separable and one pass over
 * the source, it costs a fraction of a general-purpose filter: the working image goes from the
 * decoder's M/8 scale (e.g. 2016 or 2304 px) to 2000 px with it.
 *
 * <p>In fixed point, across first: a source row's pixels are spread into {@code long}s with 21
 * bits a channel, so one multiply-add weighs all three channels of a tap (a third of the
 * multiplies of a channel at a time; weights in 8192ths, summing to exactly that, keep each
 * channel's sum under 2^21). Each row scaled across is then added down into int sums (weights in
 * 2048ths), once per output row it touches; a row shared by two output rows is scaled across once.
 * Within a level of the exact mean (the weights' rounding moves it by under a quarter of a level),
 * and exactly the level of a flat area.
 */
public final class AreaScale {
  private static final int ACROSS_BITS = 13;
  private static final int DOWN_BITS = 11;
  /** Half a level after both axes' weights, for rounding. */
  private static final int HALF = 1 << (ACROSS_BITS + DOWN_BITS - 1);
  private static final int LANE = (1 << 21) - 1;

  /** What may be done to each finished output row in place, while it is in the cache (a colour conversion). */
  @FunctionalInterface
  public interface RowStep {
    void apply(int[] pixels, int from, int count);
  }

  private AreaScale() {}

  /** {@code source} (any type) scaled down to {@code width} x {@code height}, as TYPE_INT_RGB. */
  public static BufferedImage to(BufferedImage source, int width, int height) {
    return to(source, width, height, null);
  }

  /** As {@link #to(BufferedImage, int, int)}, with {@code step} (when not null) applied to every output row. */
  public static BufferedImage to(BufferedImage source, int width, int height, RowStep step) {
    int sw = source.getWidth();
    int sh = source.getHeight();
    if (width > sw || height > sh) throw new IllegalArgumentException("area averaging only scales down");
    Taps columns = Taps.of(sw, width, ACROSS_BITS);
    Taps rows = Taps.of(sh, height, DOWN_BITS);
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    int[] target = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
    SourceRows sourceRows = SourceRows.of(source);
    // a tap-stride of zeros past the end: every output pixel reads the same number of taps
    long[] spread = new long[sw + columns.stride];
    long[] across = new long[width];
    int[] red = new int[width];
    int[] green = new int[width];
    int[] blue = new int[width];
    int acrossRow = -1;
    for (int oy = 0; oy < height; oy++) {
      int at = oy * rows.stride;
      for (int k = 0; k < rows.count[oy]; k++) {
        int y = rows.first[oy] + k;
        if (y != acrossRow) {
          spread(sourceRows.data(y), sourceRows.offset(y), sw, spread);
          if (columns.stride == 3) acrossThreeTaps(spread, columns, across, width);
          else across(spread, columns, across, width);
          acrossRow = y;
        }
        down(across, rows.weights[at + k], red, green, blue, width, k == 0);
      }
      int line = oy * width;
      for (int x = 0; x < width; x++) {
        target[line + x] = (red[x] + HALF) >>> 24 << 16 | (green[x] + HALF) >>> 24 << 8 | (blue[x] + HALF) >>> 24;
      }
      if (step != null) step.apply(target, line, width);
    }
    return out;
  }

  /** 0xRRGGBB pixels as longs with red at bit 42, green at 21 and blue at 0. */
  private static void spread(int[] data, int offset, int sw, long[] spread) {
    for (int x = 0; x < sw; x++) {
      long p = data[offset + x];
      spread[x] = (p & 0xFF0000) << 26 | (p & 0xFF00) << 13 | (p & 0xFF);
    }
  }

  /**
   * A spread row scaled across. Every pixel reads {@code stride} taps, those past its own with
   * weight 0: a loop of the same length each time costs less than the mispredicted branch of a
   * varying one.
   */
  private static void across(long[] spread, Taps columns, long[] across, int width) {
    int[] firsts = columns.first;
    int[] weights = columns.weights;
    int stride = columns.stride;
    for (int ox = 0; ox < width; ox++) {
      long sum = 0;
      int at = ox * stride;
      for (int k = 0, x = firsts[ox]; k < stride; k++, x++) sum += weights[at + k] * spread[x];
      across[ox] = sum;
    }
  }

  /** {@link #across} for a scale of at most 2 (the working image's usual 1.01 to 1.3, and every thumbnail step). */
  private static void acrossThreeTaps(long[] spread, Taps columns, long[] across, int width) {
    int[] firsts = columns.first;
    int[] weights = columns.weights;
    for (int ox = 0, at = 0; ox < width; ox++, at += 3) {
      int x = firsts[ox];
      across[ox] = weights[at] * spread[x] + weights[at + 1] * spread[x + 1] + weights[at + 2] * spread[x + 2];
    }
  }

  /**
   * A row scaled across, weighted, into the output row's sums (the first row of an output row
   * overwrites them). Each channel is under 255 * 8192 * 2048 < 2^32: read unsigned.
   */
  private static void down(long[] across, int w, int[] red, int[] green, int[] blue, int width, boolean first) {
    if (first) {
      for (int x = 0; x < width; x++) {
        long a = across[x];
        red[x] = w * (int) (a >>> 42);
        green[x] = w * ((int) (a >>> 21) & LANE);
        blue[x] = w * ((int) a & LANE);
      }
    } else {
      for (int x = 0; x < width; x++) {
        long a = across[x];
        red[x] += w * (int) (a >>> 42);
        green[x] += w * ((int) (a >>> 21) & LANE);
        blue[x] += w * ((int) a & LANE);
      }
    }
  }

  /** The source's rows as 0xRRGGBB ints: straight from its array for TYPE_INT_RGB, else one row at a time through getRGB. */
  interface SourceRows {
    int[] data(int y);

    int offset(int y);

    static SourceRows of(BufferedImage source) {
      if (source.getType() == BufferedImage.TYPE_INT_RGB && source.getSampleModel() instanceof SinglePixelPackedSampleModel model) {
        int[] data = ((DataBufferInt) source.getRaster().getDataBuffer()).getData();
        int stride = model.getScanlineStride();
        int origin = -source.getRaster().getSampleModelTranslateY() * stride - source.getRaster().getSampleModelTranslateX();
        return new SourceRows() {
          public int[] data(int y) {
            return data;
          }

          public int offset(int y) {
            return origin + y * stride;
          }
        };
      }
      int[] row = new int[source.getWidth()];
      return new SourceRows() {
        public int[] data(int y) {
          source.getRGB(0, y, row.length, 1, row, 0, row.length);
          return row;
        }

        public int offset(int y) {
          return 0;
        }
      };
    }
  }

  /**
   * For each output index: the first source index it covers, how many, and the weight of each in
   * 2^bits ths, the weights of index i at {@code i * stride}. Each index's weights are the covered
   * shares rounded, the largest taking what rounding left over, so they sum to exactly 2^bits: a
   * flat area stays exactly its level.
   */
  private record Taps(int[] first, int[] count, int[] weights, int stride) {
    static Taps of(int source, int target, int bits) {
      int one = 1 << bits;
      double scale = (double) source / target;
      int stride = (int) Math.ceil(scale) + 1;
      int[] first = new int[target];
      int[] count = new int[target];
      int[] weights = new int[target * stride];
      for (int i = 0; i < target; i++) {
        double start = i * scale;
        double end = Math.min(source, (i + 1) * scale);
        int from = (int) Math.floor(start);
        int to = Math.min(source, (int) Math.ceil(end));
        first[i] = from;
        count[i] = to - from;
        int sum = 0;
        int largest = i * stride;
        for (int j = from; j < to; j++) {
          int at = i * stride + j - from;
          weights[at] = (int) Math.round((Math.min(end, j + 1) - Math.max(start, j)) / scale * one);
          sum += weights[at];
          if (weights[at] > weights[largest]) largest = at;
        }
        weights[largest] += one - sum;
      }
      return new Taps(first, count, weights, stride);
    }
  }
}
