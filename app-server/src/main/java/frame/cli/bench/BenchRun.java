package frame.cli.bench;

import frame.core.api.FrameLibrary;
import frame.core.api.bench.Benchmarks;
import frame.core.api.config.FrameConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One run of {@code frame bench}: each figure measured and printed in order (see docs/performance.md). */
public final class BenchRun {
  private final PrintWriter out;
  private final int workers;
  private final Set<Integer> only;
  private final int cores = Runtime.getRuntime().availableProcessors();

  public BenchRun(PrintWriter out, int workers, Set<Integer> only) {
    this.out = out;
    this.workers = workers;
    this.only = only;
  }

  private boolean wanted(int figure) {
    return only == null || only.contains(figure);
  }

  public int all(Path corpusDir, int count) throws Exception {
    try (ScratchFolders scratch = new ScratchFolders()) {
      List<Path> photos = photos(corpusDir, count);
      out.printf("FRAME bench: %d photos, %.1f MP on average (%s), %d workers, %d CPUs, max heap %d MB, Java %s, %s, codec %s%n",
          photos.size(), megapixels(photos), corpusDir != null ? corpusDir : "generated", workers, cores,
          Runtime.getRuntime().maxMemory() >> 20, Runtime.version(), jitSetting(), FrameLibrary.benchmarks().fastestCodec());
      out.flush();
      double warmPerSecond = wanted(1) ? imports(photos, scratch) : Double.NaN;
      if (wanted(2)) limit(photos, warmPerSecond);
      if (wanted(3)) stages(photos);
      if (wanted(4)) latency(photos, scratch);
      if (wanted(5)) upload(photos, scratch);
      if (wanted(6)) heap24(scratch);
      if (wanted(7)) runner(scratch);
      if (wanted(8)) tus(scratch);
      out.flush();
      return 0;
    }
  }

  private List<Path> photos(Path corpusDir, int count) throws IOException {
    if (corpusDir != null && Files.isDirectory(corpusDir) && !Corpus.of(corpusDir).isEmpty()) return Corpus.of(corpusDir);
    Path dir = corpusDir != null ? corpusDir : Path.of(System.getProperty("java.io.tmpdir"), "frame-bench-cameras");
    out.printf("(generating %d camera-like photos in %s, once)%n", count, dir);
    out.flush();
    return Corpus.generate(dir, count);
  }

  /**
   * Figure 1: libvips, FRAME cold and FRAME warm on the same photos. Each side is warmed first
   * (libvips and cold FRAME once, for the page cache; warm FRAME until its JIT is steady), and
   * each figure is the median of {@code RUNS} runs.
   */
  private double imports(List<Path> photos, ScratchFolders scratch) throws Exception {
    Optional<VipsReference> vips = VipsReference.find();
    double vipsPerSecond = Double.NaN;
    if (vips.isPresent()) {
      vips.get().run(photos, scratch.make("frame-bench-vips-warmup"), cores);
      vipsPerSecond = photos.size() / median(() -> vips.get().run(photos, scratch.make("frame-bench-vips"), cores));
    }
    List<String> childOptions = childOptions();
    // the warm-up of the cold side (the page cache, like libvips's)
    ColdImport.seconds(photos, scratch.make("frame-bench-cold-warmup"), workers, childOptions);
    double cold = photos.size() / median(() -> ColdImport.seconds(photos, scratch.make("frame-bench-cold"), workers, childOptions));
    // the start-up cache as ./frame and the app image make it: trained once per build on generated photos
    Optional<Path> aotCache = ColdImport.trainStartupCache(scratch.make("frame-bench-aot"), childOptions);
    double coldAot = Double.NaN;
    if (aotCache.isPresent()) {
      List<String> withCache = new ArrayList<>(childOptions);
      withCache.add("-XX:AOTCache=" + aotCache.get());
      withCache.addAll(ColdImport.FRAME_OPTIONS);
      coldAot = photos.size() / median(() -> ColdImport.seconds(photos, scratch.make("frame-bench-cold-aot"), workers, withCache));
    }
    WarmImport.Result warm = WarmImport.measure(photos, workers, scratch, WarmImport.Rounds.STEADY);
    double warmPerSecond = photos.size() / warm.seconds();
    out.printf("1. import, %d photos, same run, median of %d runs each (each side warmed first):%n", photos.size(), RUNS);
    if (vips.isPresent()) {
      out.printf("     %-62s %6.2f photos/s%n", "libvips reference (vips_chain: batches of " + VipsReference.BATCH + ", "
          + cores + " processes, 1 thread each)", vipsPerSecond);
    } else {
      out.println("     libvips reference: vipsthumbnail not installed (Debian: apt-get install libvips-tools); no ratios");
    }
    if (!Double.isNaN(coldAot)) row("FRAME cold, as ./frame runs it (start-up cache, JIT setting)", coldAot, vipsPerSecond);
    row("FRAME cold, without the start-up cache (plain java -jar)", cold, vipsPerSecond);
    row("FRAME warm (one long-running FRAME, after %d warm-up rounds)".formatted(warm.warmUpRounds()), warmPerSecond,
        vipsPerSecond);
    if (warm.failed() > 0) out.printf("     (%d photos FAILED in the warm run)%n", warm.failed());
    if (warm.leftQueued() > 0) {
      out.printf("     (%d jobs still queued when the last warm round's photos were done: their work is not in its time)%n",
          warm.leftQueued());
    }
    out.flush();
    return warmPerSecond;
  }

  private static final int RUNS = 3;

  private interface TimedRun {
    double seconds() throws Exception;
  }

  /** The median of {@code RUNS} runs: one run on a shared machine is too noisy to quote. */
  private static double median(TimedRun run) throws Exception {
    List<Double> seconds = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) seconds.add(run.seconds());
    Collections.sort(seconds);
    return seconds.get(RUNS / 2);
  }

  private void row(String what, double perSecond, double vipsPerSecond) {
    out.printf("     %-62s %6.2f photos/s%s%n", what, perSecond,
        Double.isNaN(vipsPerSecond) ? "" : "  = %.2fx libvips".formatted(perSecond / vipsPerSecond));
  }

  /** The JVM options a child FRAME inherits from this one: the native-library switch. */
  /** The warm figures run in this JVM: whether it has the JIT setting FRAME is started with. */
  private static String jitSetting() {
    boolean asFrame = ManagementFactory.getRuntimeMXBean().getInputArguments().contains(ColdImport.FRAME_JIT);
    return asFrame ? "JIT as ./frame sets it" : "JIT at the JVM's defaults (./frame sets " + ColdImport.FRAME_JIT + ")";
  }

  private static List<String> childOptions() {
    List<String> options = new ArrayList<>();
    String disabled = System.getProperty("frame.native.disable");
    if (disabled != null) options.add("-Dframe.native.disable=" + disabled);
    return options;
  }

  /** Figure 2: how far from the physics, not only from libvips. */
  private void limit(List<Path> photos, double warmPerSecond) {
    double ms = FrameLibrary.benchmarks().limitMillisPerPhoto(photos);
    double perSecond = cores * 1000 / ms;
    out.printf("2. limit: decode at the scale the 2000 px preview needs + its progressive encode (FRAME's fastest), %s, nothing else:%n"
        + "     %.1f ms a photo on one core = %.1f photos/s on %d cores%s%n", FrameLibrary.benchmarks().fastestCodec(), ms, perSecond,
        cores, Double.isNaN(warmPerSecond) ? "" : "; FRAME warm is at %.0f %% of it".formatted(100 * warmPerSecond / perSecond));
    out.flush();
  }

  /** Figure 3: each photo's stages on one thread, and the share of photos on each decode path. */
  private void stages(List<Path> photos) {
    List<Benchmarks.PhotoStages> stages = FrameLibrary.benchmarks().stages(photos);
    out.printf("3. stages per photo, one thread, ms (JIT warm):%n");
    out.printf("     %-34s %-11s %-15s %5s %6s %6s %6s %6s %6s %5s %5s %6s%n", "photo", "size", "decoded by", "ICC",
        "hash", "decode", "work", "scale", "prevw", "thumb", "EXIF", "total");
    Map<String, Integer> paths = new LinkedHashMap<>();
    double[] sums = new double[7];
    for (Benchmarks.PhotoStages s : stages) {
      String name = s.file().getFileName().toString();
      out.printf("     %-34s %-11s %-15s %5s %6.1f %6.1f %6.1f %6.1f %6.1f %5.1f %5.1f %6.1f%n",
          name.length() > 34 ? name.substring(0, 33) + "~" : name, s.width() + "x" + s.height(), s.decodePath(),
          s.iccProfile() ? "yes" : "-", s.hash(), s.decode(), s.working(), s.renditions(), s.encodePreview(),
          s.encodeThumbnails(), s.exif(), s.total());
      paths.merge(s.decodePath() + (s.iccProfile() ? " (ICC profile)" : ""), 1, Integer::sum);
      double[] values = {s.hash(), s.decode(), s.working(), s.renditions(), s.encodePreview(), s.encodeThumbnails(), s.exif()};
      for (int i = 0; i < values.length; i++) sums[i] += values[i];
    }
    double n = stages.size();
    out.printf("     %-34s %-11s %-15s %5s %6.1f %6.1f %6.1f %6.1f %6.1f %5.1f %5.1f %6.1f%n", "mean", "", "", "",
        sums[0] / n, sums[1] / n, sums[2] / n, sums[3] / n, sums[4] / n, sums[5] / n, sums[6] / n,
        java.util.Arrays.stream(sums).sum() / n);
    out.println("     (work: to the ~2000 px working image and sRGB; scale: preview and the four squares; "
        + "prevw/thumb: encoding)");
    StringBuilder share = new StringBuilder();
    paths.forEach((path, k) -> share.append(share.isEmpty() ? "" : ", ").append("%s %d (%.0f %%)".formatted(path, k, 100.0 * k / n)));
    out.printf("   decode paths: %s%n", share);
    out.flush();
  }

  /** Figure 4: the photos nearest 12 MP, dropped one at a time on an idle app. */
  private void latency(List<Path> photos, ScratchFolders scratch) throws Exception {
    List<Path> twelve = new ArrayList<>(photos);
    twelve.sort(Comparator.comparingDouble(p -> Math.abs(megapixels(List.of(p)) - 12)));
    twelve = twelve.subList(0, Math.min(5, twelve.size()));
    List<Double> millis = LatencyFigure.measure(twelve, workers, scratch);
    out.printf("4. drop-to-thumbnail on an idle app (import call to the 256 px thumbnail on disk and its event), "
        + "%.1f MP photos: median %.0f ms (of %d: %s)%n", megapixels(twelve),
        millis.isEmpty() ? Double.NaN : millis.get(millis.size() / 2), millis.size(),
        millis.stream().map(m -> "%.0f".formatted(m)).toList());
    out.flush();
  }

  private void upload(List<Path> photos, ScratchFolders scratch) throws Exception {
    UploadFigure.Result r = UploadFigure.measure(photos, workers, scratch.make("frame-bench-http"));
    out.printf("5. upload over loopback HTTP, %d clients x %d photos, median of 3 rounds (a running server, after %d rounds of %d x %d "
        + "to warm up): %.1f MB/s acknowledged, p95 latency %.0f ms (%d uploads in %.1f s)%n", UploadFigure.CLIENTS, UploadFigure.EACH,
        r.warmUpRounds(), UploadFigure.CLIENTS, UploadFigure.WARM_UP, r.megabytesPerSecond(), r.p95Millis(), r.uploads(), r.seconds());
    out.flush();
  }

  /** Figure 8: one 50 MB photo sent with tus (resumable upload) over loopback. */
  private void tus(ScratchFolders scratch) throws Exception {
    TusFigure.Result whole = TusFigure.measure(workers, scratch.make("frame-bench-tus"));
    out.printf("8. tus upload of a 50 MB photo over loopback (creation + one PATCH, fsynced and ingested), median of 3: "
        + "%.1f MB/s (%s s), %.2f s of CPU each%n", whole.megabytesPerSecond(), rounded(whole.seconds()), whole.cpuSecondsMedian());
    TusFigure.Result chunked = TusFigure.measure(workers, scratch.make("frame-bench-tus-chunks"), TusFigure.PHONE_CHUNK);
    out.printf("   the same in PATCHes of 4 MiB, each fsynced (as the phone page sends): %.1f MB/s (%s s), %.2f s of CPU each%n",
        chunked.megabytesPerSecond(), rounded(chunked.seconds()), chunked.cpuSecondsMedian());
    TusFigure.Result https = TusFigure.measure(workers, scratch.make("frame-bench-tus-https"), TusFigure.BYTES, true);
    out.printf("   the same over HTTPS (FRAME's own certificate, pinned), one PATCH: %.1f MB/s (%s s), %.2f s of CPU each%n",
        https.megabytesPerSecond(), rounded(https.seconds()), https.cpuSecondsMedian());
    out.flush();
  }

  private static List<String> rounded(List<Double> seconds) {
    return seconds.stream().map(s -> "%.2f".formatted(s)).toList();
  }

  /** Figure 6: 24 MP photos, two workers, -Xmx512m, in a child JVM that reports its peak heap. */
  private void heap24(ScratchFolders scratch) throws Exception {
    List<Path> photos = Corpus.generate24Megapixels(Path.of(System.getProperty("java.io.tmpdir"), "frame-bench-cameras"), 8);
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-Xmx512m"));
    command.addAll(childOptions());
    command.addAll(List.of("-Djava.io.tmpdir=" + scratch.make("frame-bench-24mp-tmp"), "-cp",
        System.getProperty("java.class.path"), "frame.cli.ServerMain", "--workers", "2", "bench", "--heap-check",
        "--corpus", photos.get(0).getParent().toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    int exit = process.waitFor();
    out.print(exit == 0 ? output : "6. 24 MP at -Xmx512m: the child JVM failed (exit " + exit + "):\n" + output);
    out.flush();
  }

  /** The child side of figure 6: a warm import of the 24 MP photos, then the peak heap. */
  public int heapCheck(Path corpusDir) throws Exception {
    try (ScratchFolders scratch = new ScratchFolders()) {
      List<Path> photos = Corpus.of(corpusDir).stream().filter(p -> p.getFileName().toString().contains("6000x4000")
          || p.getFileName().toString().contains("4000x6000")).toList();
      WarmImport.Result r = WarmImport.measure(photos, workers, scratch, WarmImport.Rounds.ONE);
      out.printf("6. 24 MP photos, %d workers, max heap %d MB: %d photos at %.2f photos/s (warm), %d failed, peak heap %d MB%n",
          workers, Runtime.getRuntime().maxMemory() >> 20, photos.size(), photos.size() / r.seconds(), r.failed(), peakHeapMb());
      out.flush();
      return r.failed() == 0 ? 0 : 1;
    }
  }

  private void runner(ScratchFolders scratch) throws Exception {
    FrameLibrary.benchmarks().noopJobsPerSecond(scratch.make("frame-bench-runner-warmup"), 2000, workers);
    out.printf("7. runner overhead: %.0f no-op jobs/s through the real runner and durable database (JIT warmed up); "
        + "the database's share of one photo (4 jobs, one thread): %.1f ms%n",
        FrameLibrary.benchmarks().noopJobsPerSecond(scratch.make("frame-bench-runner"), 5000, workers),
        FrameLibrary.benchmarks().databaseMillisPerPhoto(scratch.make("frame-bench-jobs"), 50));
    out.flush();
  }

  private static double megapixels(List<Path> photos) {
    double total = 0;
    for (Path photo : photos) {
      try (var input = javax.imageio.ImageIO.createImageInputStream(photo.toFile())) {
        var reader = javax.imageio.ImageIO.getImageReaders(input).next();
        reader.setInput(input, true, true);
        total += (double) reader.getWidth(0) * reader.getHeight(0) / 1e6;
        reader.dispose();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return total / photos.size();
  }

  private static long peakHeapMb() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
    }
    return peak >> 20;
  }
}
