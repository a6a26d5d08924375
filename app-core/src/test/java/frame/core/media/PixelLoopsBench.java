package frame.core.media;

import frame.core.media.codec.jpeg.JpegCodec;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A one-thread harness (not a test: run its main by hand) for the pixel loops of issue 32: each
 * task is timed in CPU time of this thread, the variants interleaved round by round on the same
 * decoded photos, so a loaded machine slows them alike. Prints the median ms a photo of each.
 *
 * <pre>
 * mvn -B -q -pl app-core test-compile
 * java -cp app-core/target/classes:app-core/target/test-classes:$(cat app-core/target/cp.txt) \
 *     frame.core.media.PixelLoopsBench FOLDER [rounds]
 * </pre>
 */
public final class PixelLoopsBench {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private PixelLoopsBench() {}

  public static void main(String[] args) throws Exception {
    Path folder = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    List<DecodedImage> decoded = new ArrayList<>();
    JpegCodec jpeg = new JpegCodec();
    try (var files = Files.list(folder)) {
      for (Path file : files.sorted().toList()) {
        var picture = jpeg.decode(Files.readAllBytes(file), Long.MAX_VALUE, Renditions.PREVIEW_LONGEST_SIDE);
        decoded.add(new DecodedImage(picture.pixels(), Orientation.fromExif(1), picture.iccProfile()));
      }
    }
    Map<String, Function<DecodedImage, Object>> tasks = new LinkedHashMap<>();
    tasks.put("area scale to 2000 px, before", d -> AreaScaleBefore.to(d.pixels(), fit(d)[0], fit(d)[1]));
    tasks.put("area scale to 2000 px, now", d -> AreaScale.to(d.pixels(), fit(d)[0], fit(d)[1]));
    tasks.putAll(PixelLoopsTasks.more());
    Map<String, List<Double>> times = new LinkedHashMap<>();
    for (int round = 0; round < rounds; round++) {
      for (var task : tasks.entrySet()) {
        long start = THREADS.getCurrentThreadCpuTime();
        for (DecodedImage d : decoded) task.getValue().apply(d);
        double ms = (THREADS.getCurrentThreadCpuTime() - start) / 1e6 / decoded.size();
        if (round >= 3) times.computeIfAbsent(task.getKey(), k -> new ArrayList<>()).add(ms);
      }
    }
    System.out.printf("%d photos (%s), %d measured rounds after 3 warm-up rounds, CPU ms a photo (median; min-max):%n",
        decoded.size(), folder, rounds - 3);
    for (var entry : times.entrySet()) {
      List<Double> sorted = entry.getValue().stream().sorted().toList();
      System.out.printf("  %-55s %7.2f  (%.2f-%.2f)%n", entry.getKey(), sorted.get(sorted.size() / 2), sorted.get(0),
          sorted.get(sorted.size() - 1));
    }
  }

  /** The working image's size for this decoded picture (longest side 2000 px). */
  static int[] fit(DecodedImage d) {
    int w = d.pixels().getWidth();
    int h = d.pixels().getHeight();
    int longest = Renditions.PREVIEW_LONGEST_SIDE;
    if (Math.max(w, h) <= longest) return new int[] {w, h};
    double scale = (double) longest / Math.max(w, h);
    return w >= h ? new int[] {longest, Math.max(1, (int) Math.round(h * scale))}
        : new int[] {Math.max(1, (int) Math.round(w * scale)), longest};
  }
}
