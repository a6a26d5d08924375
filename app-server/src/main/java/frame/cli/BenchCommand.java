package frame.cli;

import frame.core.image.ImageFormat;
import frame.core.media.ImageHeader;
import java.util.Arrays;
import java.util.Set;
import frame.core.Frame;
import frame.core.FrameConfig;
import frame.core.bench.Corpus;
import frame.core.bench.RunnerBenchmark;
import frame.core.bench.StageTimes;
import frame.core.event.FrameEvent;
import frame.core.image.ImageState;
import frame.core.ingest.IngestResult;
import frame.core.job.JobState;
import frame.core.job.JobType;
import frame.server.ApiServer;
import frame.server.ServerSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Measure FRAME on this machine and print the figures (nothing is asserted).",
        "Uses a fresh temporary data folder with the durable database settings on."})
final class BenchCommand implements Callable<Integer> {
  @ParentCommand FrameCommand frameCommand;
  @Spec CommandSpec spec;

  @Option(names = "--corpus", paramLabel = "DIR", description = "Folder of JPEGs to use; generated there if empty "
      + "(default: a temp folder, reused between runs).")
  Path corpus;

  @Option(names = "--count", defaultValue = "40", description = "Photos to generate (default ${DEFAULT-VALUE}).")
  int count;

  @Option(names = "--megapixels", defaultValue = "12", description = "Size of generated photos (default ${DEFAULT-VALUE}).")
  int megapixels;

  @Option(names = "--only", split = ",", paramLabel = "N", description = "Only these figures, e.g. --only 1,6 "
      + "(1 import, 2 stages, 3 latency, 4 heap, 5 upload, 6 runner, 7 libvips; 3 and 7 need 1).")
  Set<Integer> only;

  private boolean wanted(int figure) {
    return only == null || only.contains(figure);
  }

  private PrintWriter out;
  private final ScratchFolders scratch = new ScratchFolders();

  @Override
  public Integer call() throws Exception {
    try (scratch) {
      return measure();
    }
  }

  private int measure() throws Exception {
    out = spec.commandLine().getOut();
    int workers = frameCommand.workers != null ? frameCommand.workers : FrameConfig.defaultWorkers();
    Path corpusDir = corpus != null ? corpus : Path.of(System.getProperty("java.io.tmpdir"), "frame-bench-corpus");
    List<Path> photos = corpus != null && Files.isDirectory(corpusDir) && !Corpus.of(corpusDir).isEmpty()
        ? Corpus.of(corpusDir) : Corpus.generate(corpusDir, count + 5, megapixels);
    List<Path> importSet = photos.subList(0, photos.size() - 5);
    List<Path> latencySet = photos.subList(photos.size() - 5, photos.size());
    double megapixelsEach = averageMegapixels(importSet);
    out.printf("FRAME bench: %d photos of %.1f MP (%s), %d workers, %d CPUs, max heap %d MB, Java %s%n",
        importSet.size(), megapixelsEach, corpusDir, workers, Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20, Runtime.version());
    out.flush();

    double framePerSecond = wanted(1) ? endToEnd(importSet, latencySet, workers, megapixelsEach) : Double.NaN;
    if (wanted(2)) stages(importSet.subList(0, Math.min(8, importSet.size())));
    if (wanted(4)) out.printf("4. peak heap: %d MB (of %d MB max)%n", peakHeapMb(), Runtime.getRuntime().maxMemory() >> 20);
    if (wanted(5)) upload(importSet, workers);
    if (wanted(6)) {
      // warmed like figure 1: a first, unreported round in a throwaway database
      RunnerBenchmark.noopJobsPerSecond(scratch.make("frame-bench-runner-warmup"), 2000, workers);
      Path runnerDir = scratch.make("frame-bench-runner");
      out.printf("6. runner overhead: %.0f no-op jobs/s through the real runner and durable database (JIT warmed up)%n",
          RunnerBenchmark.noopJobsPerSecond(runnerDir, 5000, workers));
    }
    if (wanted(7)) vips(importSet, workers, framePerSecond);
    out.flush();
    return 0;
  }

  private double endToEnd(List<Path> importSet, List<Path> latencySet, int workers, double mpEach) throws Exception {
    warmUp(latencySet, workers);
    Path data = scratch.make("frame-bench-data");
    FrameConfig config = FrameConfig.inDataDir(data).withWorkers(workers);
    try (Frame frame = Frame.open(config)) {
      long start = System.nanoTime();
      importAndWait(frame, importSet);
      double seconds = (System.nanoTime() - start) / 1e9;
      double perSecond = importSet.size() / seconds;
      out.printf("1. end-to-end import: %.2f images/s, %.1f MP/s (%d photos in %.1f s, first byte to last PROCESSED in a fresh data folder, JIT warmed up; %d failed)%n",
          perSecond, perSecond * mpEach, importSet.size(), seconds, frame.countImages(ImageState.FAILED));
      out.flush();
      latency(frame, latencySet);
      return perSecond;
    }
  }

  /**
   * A desktop FRAME runs for hours, so throughput is measured with the JIT warm: the same photos
   * as the latency figure are first processed once in a throwaway data folder.
   */
  private void warmUp(List<Path> photos, int workers) throws Exception {
    Path data = scratch.make("frame-bench-warmup");
    try (Frame frame = Frame.open(FrameConfig.inDataDir(data).withWorkers(workers))) {
      importAndWait(frame, photos);
    }
  }

  private static void importAndWait(Frame frame, List<Path> photos) throws InterruptedException {
    for (Path photo : photos) frame.importFile(photo);
    while (frame.countImages(ImageState.PROCESSED) + frame.countImages(ImageState.FAILED) < photos.size()) {
      Thread.sleep(20);
    }
  }

  private void latency(Frame frame, List<Path> photos) throws Exception {
    List<Double> millis = new ArrayList<>();
    for (Path photo : photos) {
      CountDownLatch thumbnail = new CountDownLatch(1);
      long[] imageId = {-1};
      try (AutoCloseable subscription = frame.subscribe(event -> {
        if (event instanceof FrameEvent.JobChanged j && j.type() == JobType.THUMBNAIL_GENERATION
            && j.state() == JobState.COMPLETED && j.imageId() != null && j.imageId() == imageId[0]) {
          thumbnail.countDown();
        }
      })) {
        long start = System.nanoTime();
        IngestResult result = frame.importFile(photo);
        if (!(result instanceof IngestResult.Stored stored)) continue;
        imageId[0] = stored.image().id();
        if (frame.files(stored.image()).thumbnail(256).isEmpty() && !thumbnail.await(60, TimeUnit.SECONDS)) continue;
        millis.add((System.nanoTime() - start) / 1e6);
      }
      Thread.sleep(300); // idle again
    }
    Collections.sort(millis);
    out.printf("3. latency on an idle app, import call to 256 px thumbnail on disk and event sent: median %.0f ms "
        + "(of %d: %s)%n", millis.isEmpty() ? Double.NaN : millis.get(millis.size() / 2), millis.size(),
        millis.stream().map(m -> "%.0f".formatted(m)).toList());
    out.flush();
  }

  private void stages(List<Path> photos) throws Exception {
    Map<String, Double> stages = StageTimes.measure(photos);
    out.printf("2. per stage, one thread, ms per image (%d photos):%n", photos.size());
    stages.forEach((stage, ms) -> out.printf("     %-46s %7.1f%n", stage, ms));
    Path data = scratch.make("frame-bench-db");
    try (Frame frame = Frame.open(FrameConfig.inDataDir(data).withWorkers(1), java.time.Clock.systemUTC(),
        Frame.settingsFor(FrameConfig.inDataDir(data).withWorkers(1)), false)) {
      long start = System.nanoTime();
      int n = 0;
      for (Path photo : photos) {
        byte[] bytes = Files.readAllBytes(photo);
        frame.ingest(new java.io.ByteArrayInputStream(unique(bytes, n++)), "db-" + n, null);
      }
      out.printf("     %-46s %7.1f%n", "ingest total (stream, fsync, move, row, job)",
          (System.nanoTime() - start) / 1e6 / photos.size());
    }
    out.printf("     %-46s %7.1f%n", "database (4 jobs: enqueue, claim, complete)",
        RunnerBenchmark.databaseMillisPerPhoto(scratch.make("frame-bench-jobs"), 50));
    out.flush();
  }

  private void upload(List<Path> photos, int workers) throws Exception {
    Path data = scratch.make("frame-bench-http");
    try (Frame frame = Frame.open(FrameConfig.inDataDir(data).withWorkers(workers));
        ApiServer server = ApiServer.start(frame, ServerSettings.defaults(0, false, data).withMaxConcurrentUploads(8))) {
      String token = frame.tokens().create("bench");
      HttpClient http = HttpClient.newHttpClient();
      List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
      long[] bytes = new long[1];
      ExecutorService clients = Executors.newFixedThreadPool(8);
      long start = System.nanoTime();
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < 8; c++) {
        int client = c;
        done.add(clients.submit(() -> {
          for (int i = 0; i < 50; i++) {
            byte[] photo = unique(Files.readAllBytes(photos.get((client * 50 + i) % photos.size())), client * 1000 + i);
            long t = System.nanoTime();
            HttpResponse<String> response = http.send(multipart(server.port(), token, photo), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) throw new IOException("upload failed: " + response.body());
            latencies.add((System.nanoTime() - t) / 1e6);
            synchronized (bytes) {
              bytes[0] += photo.length;
            }
          }
          return null;
        }));
      }
      for (Future<?> f : done) f.get();
      clients.shutdown();
      double seconds = (System.nanoTime() - start) / 1e9;
      List<Double> sorted = new ArrayList<>(latencies);
      Collections.sort(sorted);
      out.printf("5. upload over loopback HTTP, 8 clients x 50 photos: %.1f MB/s acknowledged, p95 latency %.0f ms "
          + "(%d uploads in %.1f s)%n", bytes[0] / 1e6 / seconds, sorted.get((int) (sorted.size() * 0.95)), sorted.size(), seconds);
      out.flush();
    }
  }

  private void vips(List<Path> photos, int workers, double framePerSecond) throws Exception {
    Path vips = findOnPath("vipsthumbnail");
    if (vips == null) {
      out.println("7. libvips: vipsthumbnail not installed (Debian: apt-get install libvips-tools); no ratio");
      return;
    }
    Path outDir = scratch.make("frame-bench-vips");
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    long start = System.nanoTime();
    List<Future<?>> done = new ArrayList<>();
    for (Path photo : photos) {
      done.add(pool.submit(() -> {
        String name = photo.getFileName().toString();
        run(vips.toString(), photo.toString(), "--size", "2000x2000", "-o", outDir.resolve("p-" + name) + "[Q=85,interlace,strip]");
        for (int size : new int[] {512, 256, 128, 64}) {
          run(vips.toString(), photo.toString(), "--size", size + "x" + size, "--smartcrop", "centre",
              "-o", outDir.resolve("t" + size + "-" + name) + "[Q=80,strip]");
        }
        return null;
      }));
    }
    for (Future<?> f : done) f.get();
    pool.shutdown();
    double perSecond = photos.size() / ((System.nanoTime() - start) / 1e9);
    out.printf("7. libvips (vipsthumbnail, same 5 outputs, %d processes at a time): %.2f images/s; FRAME/libvips = %.2f%n",
        workers, perSecond, framePerSecond / perSecond);
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getInputStream().readAllBytes();
    if (process.waitFor() != 0) throw new IOException("failed: " + String.join(" ", command));
  }

  private static Path findOnPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) return candidate;
    }
    return null;
  }

  /** The same photo with a few bytes after its end marker: a different file to the store. */
  private static byte[] unique(byte[] jpeg, int n) {
    byte[] tail = ("#" + n).getBytes(StandardCharsets.US_ASCII);
    byte[] copy = Arrays.copyOf(jpeg, jpeg.length + tail.length);
    System.arraycopy(tail, 0, copy, jpeg.length, tail.length);
    return copy;
  }

  private static HttpRequest multipart(int port, String token, byte[] photo) {
    String boundary = "bench";
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.jpg\"\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + photo.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(photo, 0, body, head.length, photo.length);
    System.arraycopy(tail, 0, body, head.length + photo.length, tail.length);
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/upload"))
        .timeout(Duration.ofMinutes(2)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
  }

  private static double averageMegapixels(List<Path> photos) throws IOException {
    double total = 0;
    for (Path photo : photos) {
      var header = ImageHeader.read(photo, ImageFormat.JPEG);
      total += header.pixels() / 1e6;
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
