package frame.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The libvips reference, as the project's {@code shared/bench/vips_chain.sh} runs it: the same
 * five outputs as FRAME (a 2000 px progressive q85 preview with shrink-on-load, then 512, 256,
 * 128 and 64 px centre-crop q80 thumbnails made from that preview), one {@code vipsthumbnail}
 * process per output size for a whole batch of four files, each process on one thread
 * ({@code VIPS_CONCURRENCY=1}), as many batches at a time as there are cores. This is the best
 * command-line use of libvips: start-up is paid once per batch and the original decoded once.
 */
public final class VipsReference {
  static final int BATCH = 4;
  private final Path vipsthumbnail;
  private final java.util.concurrent.atomic.AtomicLong peakResidentKb = new java.util.concurrent.atomic.AtomicLong();

  private VipsReference(Path vipsthumbnail) {
    this.vipsthumbnail = vipsthumbnail;
  }

  /** Empty when {@code vipsthumbnail} is not on the PATH (Debian: libvips-tools). */
  public static java.util.Optional<VipsReference> find() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, "vipsthumbnail");
      if (Files.isExecutable(candidate)) return java.util.Optional.of(new VipsReference(candidate));
    }
    return java.util.Optional.empty();
  }

  /** Seconds for all photos, {@code processes} batches at a time, outputs into {@code out}. */
  public double run(List<Path> photos, Path out, int processes) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(processes);
    peakResidentKb.set(0);
    try {
      long start = System.nanoTime();
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < photos.size(); i += BATCH) {
        List<Path> batch = photos.subList(i, Math.min(photos.size(), i + BATCH));
        done.add(pool.submit(() -> {
          chain(batch, out);
          return null;
        }));
      }
      for (Future<?> f : done) f.get();
      return (System.nanoTime() - start) / 1e9;
    } finally {
      pool.shutdown();
    }
  }

  private void chain(List<Path> batch, Path out) throws IOException, InterruptedException {
    List<String> preview = new ArrayList<>(List.of(vipsthumbnail.toString(), "--size", "2000x2000>", "-o",
        out + "/%s_p.jpg[Q=85,interlace,strip]"));
    List<String> previews = new ArrayList<>();
    for (Path photo : batch) {
      preview.add(photo.toString());
      String name = photo.getFileName().toString();
      previews.add(out.resolve(name.substring(0, name.lastIndexOf('.')) + "_p.jpg").toString());
    }
    run(preview);
    for (int size : new int[] {512, 256, 128, 64}) {
      List<String> thumbnails = new ArrayList<>(List.of(vipsthumbnail.toString(), "--size", size + "x" + size,
          "--smartcrop", "centre", "-o", out + "/%s_" + size + ".jpg[Q=80,strip]"));
      thumbnails.addAll(previews);
      run(thumbnails);
    }
  }

  /** The largest peak resident memory of one vipsthumbnail process in the last {@link #run}, in kB. */
  public long peakResidentKb() {
    return peakResidentKb.get();
  }

  private void run(List<String> command) throws IOException, InterruptedException {
    MeasuredProcess process = MeasuredProcess.run(command, java.util.Map.of("VIPS_CONCURRENCY", "1"));
    peakResidentKb.accumulateAndGet(process.peakResidentKb(), Math::max);
  }
}
