import frame.core.media.JpegWriter;
import frame.core.media.Renditions;
import frame.core.media.jpeg.ProgressiveJpegEncoder;
import frame.core.media.turbo.TurboJpeg;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * One-off measurement for docs/performance.md, "Decode seam": each JPEG decoder at 1/8, 1/4,
 * 1/2 and full scale, and each way to write the 2000 px progressive preview, on one thread.
 * Per photo and task the median of ROUNDS runs after one warm-up round; the figure is the sum
 * over the photos of those medians, in ms. (FRAME's own Java decoder was measured with the first
 * version of this file, before it was deleted.) Run from the repository root after a package:
 *   java --enable-native-access=ALL-UNNAMED -cp app-server/target/frame-server.jar scripts/bench/JpegPaths.java DIR
 * (-Donly=PREFIX runs only the tasks whose name starts with it, -Drounds=N sets the runs)
 */
public class JpegPaths {
  static final int ROUNDS = Integer.getInteger("rounds", 5);

  public static void main(String[] args) throws Exception {
    TurboJpeg turbo = TurboJpeg.available().orElseThrow(() -> new IllegalStateException("needs libjpeg-turbo"));
    List<Path> photos;
    try (var files = Files.list(Path.of(args[0]))) {
      photos = files.filter(p -> p.toString().toLowerCase().endsWith(".jpg")).sorted().toList();
    }
    Map<String, List<Double>> medians = new LinkedHashMap<>();
    Map<String, Integer> refused = new LinkedHashMap<>();
    long pixels = 0;
    for (Path photo : photos) {
      byte[] jpeg = Files.readAllBytes(photo);
      TurboJpeg.Header h = turbo.header(jpeg);
      pixels += (long) h.width() * h.height();
      Map<String, Callable<Object>> tasks = new LinkedHashMap<>();
      for (int d : new int[] {8, 4, 2, 1}) {
        tasks.put("decode 1/" + d + " libjpeg-turbo", () -> turbo.decode(jpeg, h.width(), h.height(), 8 / d));
        tasks.put("decode 1/" + d + " ImageIO", () -> imageIo(jpeg, d));
      }
      BufferedImage preview = Renditions.fit(turbo.decode(jpeg, h.width(), h.height(),
          eighths(h.width(), h.height())), Renditions.PREVIEW_LONGEST_SIDE);
      tasks.put("preview: turbo baseline + our progressive scans (today)",
          () -> { JpegWriter.write(preview, 0.85f, true, OutputStream.nullOutputStream()); return null; });
      tasks.put("preview: libjpeg-turbo progressive",
          () -> { turbo.encode(preview, 85, true, OutputStream.nullOutputStream()); return null; });
      tasks.put("preview: libjpeg-turbo baseline",
          () -> { turbo.encode(preview, 85, false, OutputStream.nullOutputStream()); return null; });
      tasks.put("preview: our Java progressive encoder",
          () -> { ProgressiveJpegEncoder.write(preview, 0.85f, OutputStream.nullOutputStream()); return null; });
      tasks.put("preview: ImageIO progressive", () -> { imageIoWrite(preview, true); return null; });
      tasks.put("preview: ImageIO baseline", () -> { imageIoWrite(preview, false); return null; });
      String only = System.getProperty("only", "");
      for (var task : tasks.entrySet()) {
        if (!task.getKey().startsWith(only)) continue;
        double[] runs = new double[ROUNDS];
        try {
          task.getValue().call(); // warm-up
          for (int r = 0; r < ROUNDS; r++) {
            long t0 = System.nanoTime();
            task.getValue().call();
            runs[r] = (System.nanoTime() - t0) / 1e6;
          }
          Arrays.sort(runs);
          medians.computeIfAbsent(task.getKey(), k -> new ArrayList<>()).add(runs[ROUNDS / 2]);
        } catch (Exception refusedHere) {
          refused.merge(task.getKey(), 1, Integer::sum);
        }
      }
      System.err.println("done " + photo.getFileName() + " " + h.width() + "x" + h.height());
    }
    System.out.printf("%d photos, %.1f MP in all; sums of per-photo medians (%d runs), ms%n", photos.size(),
        pixels / 1e6, ROUNDS);
    for (var e : medians.entrySet()) {
      double sum = e.getValue().stream().mapToDouble(Double::doubleValue).sum();
      System.out.printf("| %-55s | %8.0f | %2d | %s%n", e.getKey(), sum, e.getValue().size(),
          refused.containsKey(e.getKey()) ? "refused " + refused.get(e.getKey()) : "");
    }
  }

  static int eighths(int w, int h) {
    int full = Math.max(w, h);
    for (int m = 1; m < 8; m++) if ((full * m + 7) / 8 >= Renditions.PREVIEW_LONGEST_SIDE) return m;
    return 8;
  }

  /** ImageIO has no DCT scaling: source subsampling still decodes every block, then skips pixels. */
  static BufferedImage imageIo(byte[] jpeg, int d) throws Exception {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
      ImageReader reader = ImageIO.getImageReaders(in).next();
      try {
        reader.setInput(in, true, true);
        ImageReadParam param = reader.getDefaultReadParam();
        if (d > 1) param.setSourceSubsampling(d, d, 0, 0);
        return reader.read(0, param);
      } finally {
        reader.dispose();
      }
    }
  }

  static void imageIoWrite(BufferedImage image, boolean progressive) throws Exception {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
    ImageWriter writer = writers.next();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(new ByteArrayOutputStream())) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.85f);
      param.setProgressiveMode(progressive ? ImageWriteParam.MODE_DEFAULT : ImageWriteParam.MODE_DISABLED);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
  }
}
