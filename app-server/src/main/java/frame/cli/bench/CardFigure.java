package frame.cli.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The card-size figure (issue 32): {@code frame import} of a card's worth of distinct photos from
 * a cold start (a fresh JVM and a fresh data folder each run) against libvips on the same files,
 * alternating the two within the run so that a change in the machine's load hits both, and the
 * median of each side. Besides the time: the CPU seconds each side used (its reaped children's
 * account) and the peak resident memory (FRAME's process; libvips's largest single process).
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

  void measure(List<Path> corpus, String corpusName, int copies, int runs, boolean startupCache) throws Exception {
    try (ScratchFolders scratch = new ScratchFolders()) {
      List<Path> photos = CardCopies.write(corpus, copies, scratch.make("frame-bench-card"));
      List<String> options = frameOptions(scratch, startupCache);
      Optional<VipsReference> vips = VipsReference.find();
      out.printf("card: %d distinct copies of %d photos (%s), %d workers, %d CPUs; FRAME %s, a fresh JVM and data folder "
          + "each run; %d run(s) each, alternating with libvips, medians%n", photos.size(), corpus.size(), corpusName,
          workers, cores, startupCache ? "as ./frame runs it (start-up cache, JIT and heap settings)"
          : "as ./frame runs it but without the start-up cache", runs);
      if (vips.isEmpty()) out.println("  libvips reference: vipsthumbnail not installed (Debian: apt-get install libvips-tools); no ratio");
      out.flush();
      List<Run> frame = new ArrayList<>();
      List<Run> libvips = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        // which goes first alternates, so neither always follows the other's page-cache and heat
        if (i % 2 == 1) frame.add(frame(photos, scratch, options));
        if (vips.isPresent()) libvips.add(libvips(vips.get(), photos, scratch));
        if (i % 2 == 0) frame.add(frame(photos, scratch, options));
        out.printf("  run %d:%s FRAME %s%n", i + 1, libvips.isEmpty() ? "" : " libvips " + describe(libvips.getLast()) + ";",
            describe(frame.getLast()));
        out.flush();
      }
      Run vipsMedian = libvips.isEmpty() ? null : median(libvips);
      Run frameMedian = median(frame);
      if (vipsMedian != null) line("libvips reference (vips_chain: batches of " + VipsReference.BATCH + ", " + cores
          + " processes, 1 thread each)", photos.size(), vipsMedian, "a process");
      line("FRAME cold import", photos.size(), frameMedian, "");
      if (vipsMedian != null) {
        out.printf("  FRAME = %.2fx libvips (median times); FRAME's CPU seconds = %.2fx libvips's%n",
            vipsMedian.seconds() / frameMedian.seconds(), frameMedian.cpuSeconds() / vipsMedian.cpuSeconds());
      }
      out.flush();
    }
  }

  private Run frame(List<Path> photos, ScratchFolders scratch, List<String> options) throws Exception {
    List<String> command = ColdImport.frameCommand(options);
    command.addAll(List.of("--data-dir", scratch.make("frame-bench-card-data").toString(), "--workers",
        Integer.toString(workers), "import", photos.getFirst().getParent().toString()));
    double cpuBefore = MeasuredProcess.childrenCpuSeconds();
    MeasuredProcess process = MeasuredProcess.run(command, Map.of());
    return new Run(process.seconds(), MeasuredProcess.childrenCpuSeconds() - cpuBefore, process.peakResidentKb());
  }

  private Run libvips(VipsReference vips, List<Path> photos, ScratchFolders scratch) throws Exception {
    double cpuBefore = MeasuredProcess.childrenCpuSeconds();
    double seconds = vips.run(photos, scratch.make("frame-bench-card-vips"), cores);
    return new Run(seconds, MeasuredProcess.childrenCpuSeconds() - cpuBefore, vips.peakResidentKb());
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
    options.add(ColdImport.FRAME_JIT);
    options.addAll(ColdImport.FRAME_MEMORY);
    return options;
  }

  private void line(String what, int photos, Run run, String perWhat) {
    out.printf("  %-62s %6.2f photos/s  %7.1f s  CPU %7.1f s (%4.0f ms a photo)  peak RSS %5d MB%s%n", what,
        photos / run.seconds(), run.seconds(), run.cpuSeconds(), 1000 * run.cpuSeconds() / photos, run.peakResidentKb() >> 10,
        perWhat.isEmpty() ? "" : " " + perWhat);
  }

  private static String describe(Run run) {
    return "%.1f s, CPU %.1f s, peak RSS %d MB".formatted(run.seconds(), run.cpuSeconds(), run.peakResidentKb() >> 10);
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
