package frame.core.media;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;

/** The float AreaScale as it was before the fixed-point rewrite (issue 32): the "before" of PixelLoopsBench and AreaScaleTest.
 *
 * Downscaling by exact area averaging: each output pixel is the mean of the source area it
 * covers, fractional edges weighted by how much of them it covers. That is the reference the
 * quality tests compare against (no aliasing, no ringing), and, separable and one pass over
 * the source, it costs a fraction of a general-purpose filter: the working image goes from the
 * decoder's M/8 scale (e.g. 2040 or 2304 px) to 2000 px with it.
 */
final class AreaScaleBefore {
  private AreaScaleBefore() {}

  /** {@code source} (any type) scaled down to {@code width} x {@code height}, as TYPE_INT_RGB. */
  public static BufferedImage to(BufferedImage source, int width, int height) {
    int sw = source.getWidth();
    int sh = source.getHeight();
    if (width > sw || height > sh) throw new IllegalArgumentException("area averaging only scales down");
    Taps columns = Taps.of(sw, width);
    Taps rows = Taps.of(sh, height);
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    int[] target = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
    SourceRows sourceRows = SourceRows.of(source);
    // column sums of the current output row, one plane a channel (so the JIT can vectorise the adding)
    // a tap-stride of zeros past the end: every output pixel reads the same number of taps
    float[] red = new float[sw + columns.stride];
    float[] green = new float[sw + columns.stride];
    float[] blue = new float[sw + columns.stride];
    for (int oy = 0; oy < height; oy++) {
      for (int k = 0; k < rows.count[oy]; k++) {
        int y = rows.first[oy] + k;
        addRow(sourceRows.data(y), sourceRows.offset(y), sw, rows.weight(oy, k), red, green, blue, k == 0);
      }
      if (columns.stride == 3) reduceRowThreeTaps(red, green, blue, columns, target, oy * width, width);
      else reduceRow(red, green, blue, columns, target, oy * width, width);
    }
    return out;
  }

  /** One source row, weighted, into the column sums (the first row of an output row overwrites them). */
  private static void addRow(int[] data, int offset, int sw, float w, float[] red, float[] green, float[] blue,
      boolean first) {
    if (first) {
      for (int x = 0; x < sw; x++) {
        int p = data[offset + x];
        red[x] = w * ((p >> 16) & 0xFF);
        green[x] = w * ((p >> 8) & 0xFF);
        blue[x] = w * (p & 0xFF);
      }
    } else {
      for (int x = 0; x < sw; x++) {
        int p = data[offset + x];
        red[x] += w * ((p >> 16) & 0xFF);
        green[x] += w * ((p >> 8) & 0xFF);
        blue[x] += w * (p & 0xFF);
      }
    }
  }

  /**
   * The column sums across, into one output row. Every pixel reads {@code stride} taps, those past
   * its own with weight 0: a loop of the same length each time costs less than the mispredicted
   * branch of a varying one.
   */
  private static void reduceRow(float[] red, float[] green, float[] blue, Taps columns, int[] target, int line,
      int width) {
    int[] firsts = columns.first;
    float[] weights = columns.weights;
    int stride = columns.stride;
    for (int ox = 0; ox < width; ox++) {
      float r = 0, g = 0, b = 0;
      int at = ox * stride;
      for (int k = 0, x = firsts[ox]; k < stride; k++, x++) {
        float w = weights[at + k];
        r += w * red[x];
        g += w * green[x];
        b += w * blue[x];
      }
      target[line + ox] = (level(r) << 16) | (level(g) << 8) | level(b);
    }
  }

  /**
   * {@link #reduceRow} for a scale of at most 2 (the working image's usual 1.02 to 1.3, and every
   * thumbnail step), written out for its three taps: a third of the loop's cost.
   */
  private static void reduceRowThreeTaps(float[] red, float[] green, float[] blue, Taps columns, int[] target,
      int line, int width) {
    int[] firsts = columns.first;
    float[] weights = columns.weights;
    for (int ox = 0, at = 0; ox < width; ox++, at += 3) {
      int x = firsts[ox];
      float w0 = weights[at];
      float w1 = weights[at + 1];
      float w2 = weights[at + 2];
      float r = w0 * red[x] + w1 * red[x + 1] + w2 * red[x + 2];
      float g = w0 * green[x] + w1 * green[x + 1] + w2 * green[x + 2];
      float b = w0 * blue[x] + w1 * blue[x + 1] + w2 * blue[x + 2];
      target[line + ox] = (level(r) << 16) | (level(g) << 8) | level(b);
    }
  }

  /** The source's rows as 0xRRGGBB ints: straight from its array for TYPE_INT_RGB, else one row at a time through getRGB. */
  private interface SourceRows {
    int[] data(int y);

    int offset(int y);

    static SourceRows of(BufferedImage source) {
      if (source.getType() == BufferedImage.TYPE_INT_RGB
          && source.getSampleModel() instanceof java.awt.image.SinglePixelPackedSampleModel model) {
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
   * Rounded to the nearest level. No clamping: the weights are positive and sum to 1, so a mean of
   * levels 0..255 stays inside 0..255.5 (and clamping cost a fifth of the scaling).
   */
  private static int level(float v) {
    return (int) (v + 0.5f);
  }

  /**
   * For each output index: the first source index it covers, how many, and the weight of each
   * (summing to 1), the weights of index i at {@code i * stride}.
   */
  private record Taps(int[] first, int[] count, float[] weights, int stride) {
    float weight(int i, int k) {
      return weights[i * stride + k];
    }

    static Taps of(int source, int target) {
      double scale = (double) source / target;
      int stride = (int) Math.ceil(scale) + 1;
      int[] first = new int[target];
      int[] count = new int[target];
      float[] weights = new float[target * stride];
      for (int i = 0; i < target; i++) {
        double start = i * scale;
        double end = Math.min(source, (i + 1) * scale);
        int from = (int) Math.floor(start);
        int to = Math.min(source, (int) Math.ceil(end));
        first[i] = from;
        count[i] = to - from;
        for (int j = from; j < to; j++) {
          weights[i * stride + j - from] = (float) ((Math.min(end, j + 1) - Math.max(start, j)) / scale);
        }
      }
      return new Taps(first, count, weights, stride);
    }
  }
}
