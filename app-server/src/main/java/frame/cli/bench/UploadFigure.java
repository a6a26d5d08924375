package frame.cli.bench;

import frame.core.api.FrameLibrary;
import frame.core.api.config.FrameConfig;
import frame.server.ApiServer;
import frame.server.ServerSettings;
import java.io.IOException;
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
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/** Uploads over loopback HTTP from 8 clients at once: MB/s acknowledged and the p95 latency. */
public final class UploadFigure {
  static final int CLIENTS = 8;
  static final int EACH = 50;
  static final int WARM_UP = 20;

  private UploadFigure() {}

  /** The median measured round: MB/s acknowledged, its p95 latency, its uploads and seconds; and the warm-up rounds. */
  public record Result(double megabytesPerSecond, double p95Millis, int uploads, double seconds, int warmUpRounds) {}

  /**
   * A long-running server, as {@code frame serve} is: warm-up rounds of {@code WARM_UP} photos a
   * client until steady (as for the warm import), then three measured rounds of {@code EACH} a
   * client, the median of them; every upload a photo new to the store.
   */
  public static Result measure(List<Path> photos, int workers, Path dataDir) throws Exception {
    try (FrameLibrary frame = FrameLibrary.open(FrameConfig.inDataDir(dataDir).withWorkers(workers));
        ApiServer server = ApiServer.start(frame, ServerSettings.defaults(0, false, dataDir).withMaxConcurrentUploads(CLIENTS))) {
      String token = frame.ports().devices().createToken("bench");
      List<byte[]> originals = new ArrayList<>();
      for (Path photo : photos) originals.add(Files.readAllBytes(photo));
      HttpClient http = HttpClient.newHttpClient();
      int warmUpRounds = SteadyWarmUp.run(3, 12,
          n -> round(http, server.port(), token, originals, WARM_UP, n * CLIENTS * WARM_UP).seconds());
      int first = warmUpRounds * CLIENTS * WARM_UP;
      List<Result> measured = new ArrayList<>();
      for (int i = 0; i < 3; i++) measured.add(round(http, server.port(), token, originals, EACH, first + i * CLIENTS * EACH));
      measured.sort(Comparator.comparingDouble(Result::megabytesPerSecond));
      Result median = measured.get(1);
      return new Result(median.megabytesPerSecond(), median.p95Millis(), median.uploads(), median.seconds(), warmUpRounds);
    }
  }

  /** {@code CLIENTS} clients at once, {@code each} uploads apiece, numbered from {@code first}. */
  private static Result round(HttpClient http, int port, String token, List<byte[]> originals, int each, int first)
      throws Exception {
    List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicLong bytes = new AtomicLong();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      long start = System.nanoTime();
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        done.add(clients.submit(() -> {
          for (int i = 0; i < each; i++) {
            int n = first + client * each + i;
            byte[] photo = originals.get(n % originals.size());
            // the copy's own tail goes as its own buffer: the client copies nothing
            byte[] tail = DistinctCopies.tail(n);
            long t = System.nanoTime();
            HttpResponse<String> response = http.send(multipart(port, token, photo, tail), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) throw new IOException("upload failed: " + response.body());
            latencies.add((System.nanoTime() - t) / 1e6);
            bytes.addAndGet(photo.length + tail.length);
          }
          return null;
        }));
      }
      for (Future<?> f : done) f.get();
      double seconds = (System.nanoTime() - start) / 1e9;
      List<Double> sorted = new ArrayList<>(latencies);
      Collections.sort(sorted);
      return new Result(bytes.get() / 1e6 / seconds, sorted.get((int) (sorted.size() * 0.95)), sorted.size(), seconds, 0);
    } finally {
      clients.shutdown();
    }
  }

  private static HttpRequest multipart(int port, String token, byte[] photo, byte[] photoTail) {
    String boundary = "bench-boundary-7d1f";
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.jpg\"\r\n"
        + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/upload"))
        .timeout(Duration.ofMinutes(2)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, photo, photoTail, tail))).build();
  }
}
