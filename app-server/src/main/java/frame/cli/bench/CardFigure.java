package frame.cli.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * The card-size figure (issue 32): {@code frame import} of a card's worth of distinct photos from
 * a cold start (a fresh JVM and a fresh data folder each run) against libvips on the same files,
 * alternating the two within the run so that a change in the machine's load hits both, and the
 * median of each side. Besides the time: the CPU seconds each side used (its reaped children's
 * account) and the peak resident memory (FRAME's process; libvips's largest single process).
 * Variants of the FRAME side ({@link CardVariant}) run in the same rotation, each against the plain
 * import; every FRAME side is timed to the import's exit and until all its jobs ended ({@link CardImport}).
 */
final class CardFigure {
  /** One side's run: wall seconds, CPU seconds, peak resident kB. */
  record Run(double seconds, double cpuSeconds, long peakResidentKb) {}

  private final PrintWriter out;
  private final int workers;
  private final int cores = Runtime.getRuntime().availableProcessors();

  CardFigure(PrintWriter out, int workers) {
    this.out = out;
    this.workers = workers;
  }

  void measure(List<Path> corpus, String corpusName, int copies, int runs, boolean startupCache, List<CardVariant> variants)
      throws Exception {
    try (ScratchFolders scratch = new ScratchFolders()) {
      List<Path> photos = CardCopies.write(corpus, copies, scratch.make("frame-bench-card"));
      CardImport cardImport = new CardImport(frameOptions(scratch, startupCache), workers, photos.getFirst().getParent());
      Optional<VipsReference> vips = VipsReference.find();
      out.printf("card: %d distinct copies of %d photos (%s), %d workers, %d CPUs; FRAME %s, a fresh JVM and data folder "
          + "each run; %d run(s) each, alternating with libvips, medians%n", photos.size(), corpus.size(), corpusName,
          workers, cores, startupCache ? "as ./frame runs it (start-up cache, JIT and heap settings)"
          : "as ./frame runs it but without the start-up cache", runs);
      out.println("  'import' is 'frame import' to its exit (every photo PROCESSED or FAILED; background jobs such as archive "
          + "copies and analysis stay queued); 'all jobs' adds 'frame queue wait' on the same data folder, a second "
          + "start-up included, until every job ended (every photo STORED where a target is configured)");
      if (!variants.isEmpty()) {
        out.println("  variants beside the plain import: " + String.join("; ", variants.stream()
            .map(v -> v.option() + " (" + v.what() + ")").toList()) + "; every FRAME side's data folder is made by an "
            + "untimed FRAME command first");
      }
      if (vips.isEmpty()) out.println("  libvips reference: vipsthumbnail not installed (Debian: apt-get install libvips-tools); no ratio");
      out.flush();
      List<Side> sides = new ArrayList<>();
      if (vips.isPresent()) sides.add(new Side("libvips", () -> libvips(vips.get(), photos, scratch)));
      sides.add(new Side("FRAME", () -> cardImport.run(null, !variants.isEmpty())));
      for (CardVariant variant : variants) sides.add(new Side(variant.option(), () -> cardImport.run(variant, true)));
      Map<String, List<CardImport.Result>> results = new LinkedHashMap<>();
      for (int i = 0; i < runs; i++) {
        // the order turns each run, so no side always follows another's page cache and heat
        List<Side> order = new ArrayList<>(sides);
        Collections.rotate(order, -i);
        for (Side side : order) results.computeIfAbsent(side.name(), n -> new ArrayList<>()).add(side.measure().call());
        out.printf("  run %d: %s%n", i + 1, String.join("; ", sides.stream()
            .map(side -> side.name() + " " + describe(results.get(side.name()).getLast())).toList()));
        out.flush();
      }
      summarise(photos.size(), results, variants);
    }
  }

  /** One side of the figure, measured once per run: libvips (its "all jobs" is the same run) or a FRAME import. */
  private record Side(String name, Callable<CardImport.Result> measure) {}

  private void summarise(int photos, Map<String, List<CardImport.Result>> results, List<CardVariant> variants) {
    Run vipsMedian = results.containsKey("libvips") ? median(results.get("libvips"), CardImport.Result::imported) : null;
    Run frameMedian = median(results.get("FRAME"), CardImport.Result::imported);
    Run frameAll = median(results.get("FRAME"), CardImport.Result::allEnded);
    if (vipsMedian != null) line("libvips reference (vips_chain: batches of " + VipsReference.BATCH + ", " + cores
        + " processes, 1 thread each)", photos, vipsMedian, "a process");
    line("FRAME cold import", photos, frameMedian, "");
    line("FRAME cold import, all jobs (+ queue wait)", photos, frameAll, "");
    for (CardVariant variant : variants) {
      line("FRAME " + variant.option() + " import", photos, median(results.get(variant.option()), CardImport.Result::imported), "");
      line("FRAME " + variant.option() + " all jobs", photos, median(results.get(variant.option()), CardImport.Result::allEnded), "");
    }
    if (vipsMedian != null) {
      out.printf("  FRAME = %.2fx libvips (median times); FRAME's CPU seconds = %.2fx libvips's%n",
          vipsMedian.seconds() / frameMedian.seconds(), frameMedian.cpuSeconds() / vipsMedian.cpuSeconds());
    }
    for (CardVariant variant : variants) {
      Run imported = median(results.get(variant.option()), CardImport.Result::imported);
      Run all = median(results.get(variant.option()), CardImport.Result::allEnded);
      out.printf("  %s: import %s (CPU %s); all jobs %s (CPU %s), against the plain import's%n", variant.option(),
          change(imported.seconds(), frameMedian.seconds()), change(imported.cpuSeconds(), frameMedian.cpuSeconds()),
          change(all.seconds(), frameAll.seconds()), change(all.cpuSeconds(), frameAll.cpuSeconds()));
    }
    out.flush();
  }

  /** "+4.1 %": how much more the variant took than the plain import. */
  static String change(double variant, double plain) {
    return "%+.1f %%".formatted(100 * (variant / plain - 1));
  }

  private CardImport.Result libvips(VipsReference vips, List<Path> photos, ScratchFolders scratch) throws Exception {
    double cpuBefore = MeasuredProcess.childrenCpuSeconds();
    double seconds = vips.run(photos, scratch.make("frame-bench-card-vips"), cores);
    Run run = new Run(seconds, MeasuredProcess.childrenCpuSeconds() - cpuBefore, vips.peakResidentKb());
    return new CardImport.Result(run, run);
  }

  /** As {@code ./frame} starts FRAME: the JIT setting, and the start-up cache trained the way the build trains it. */
  private static List<String> frameOptions(ScratchFolders scratch, boolean startupCache) throws Exception {
    List<String> options = new ArrayList<>();
    String disabled = System.getProperty("frame.native.disable");
    if (disabled != null) options.add("-Dframe.native.disable=" + disabled);
    if (startupCache) {
      ColdImport.trainStartupCache(scratch.make("frame-bench-card-aot"), options)
          .ifPresent(cache -> options.add("-XX:AOTCache=" + cache));
    }
    options.addAll(ColdImport.FRAME_OPTIONS);
    return options;
  }

  private void line(String what, int photos, Run run, String perWhat) {
    out.printf("  %-62s %6.2f photos/s  %7.1f s  CPU %7.1f s (%4.0f ms a photo)  peak RSS %5d MB%s%n", what,
        photos / run.seconds(), run.seconds(), run.cpuSeconds(), 1000 * run.cpuSeconds() / photos, run.peakResidentKb() >> 10,
        perWhat.isEmpty() ? "" : " " + perWhat);
  }

  private static String describe(CardImport.Result result) {
    Run run = result.imported();
    String all = result.allEnded() == run ? "" : " (all jobs %.1f s, CPU %.1f s)".formatted(result.allEnded().seconds(),
        result.allEnded().cpuSeconds());
    return "%.1f s, CPU %.1f s, peak RSS %d MB%s".formatted(run.seconds(), run.cpuSeconds(), run.peakResidentKb() >> 10, all);
  }

  private static Run median(List<CardImport.Result> results, Function<CardImport.Result, Run> which) {
    return median(results.stream().map(which).toList());
  }

  /** Each field's own median (for an even count, the upper middle). */
  private static Run median(List<Run> runs) {
    return new Run(middle(runs.stream().map(Run::seconds).toList()), middle(runs.stream().map(Run::cpuSeconds).toList()),
        (long) middle(runs.stream().map(r -> (double) r.peakResidentKb()).toList()));
  }

  private static double middle(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
