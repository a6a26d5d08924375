package frame.cli.bench;

import frame.core.Frame;
import frame.core.FrameConfig;
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
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/** Uploads over loopback HTTP from 8 clients at once: MB/s acknowledged and the p95 latency. */
public final class UploadFigure {
  static final int CLIENTS = 8;
  static final int EACH = 50;

  private UploadFigure() {}

  public record Result(double megabytesPerSecond, double p95Millis, int uploads, double seconds) {}

  public static Result measure(List<Path> photos, int workers, Path dataDir) throws Exception {
    try (Frame frame = Frame.open(FrameConfig.inDataDir(dataDir).withWorkers(workers));
        ApiServer server = ApiServer.start(frame, ServerSettings.defaults(0, false, dataDir).withMaxConcurrentUploads(CLIENTS))) {
      String token = frame.createToken("bench");
      HttpClient http = HttpClient.newHttpClient();
      List<byte[]> originals = new ArrayList<>();
      for (Path photo : photos) originals.add(Files.readAllBytes(photo));
      List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
      AtomicLong bytes = new AtomicLong();
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      try {
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
          int client = c;
          done.add(clients.submit(() -> {
            for (int i = 0; i < EACH; i++) {
              byte[] photo = unique(originals.get((client * EACH + i) % originals.size()), client * 1000 + i);
              long t = System.nanoTime();
              HttpResponse<String> response = http.send(multipart(server.port(), token, photo), HttpResponse.BodyHandlers.ofString());
              if (response.statusCode() >= 300) throw new IOException("upload failed: " + response.body());
              latencies.add((System.nanoTime() - t) / 1e6);
              bytes.addAndGet(photo.length);
            }
            return null;
          }));
        }
        for (Future<?> f : done) f.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Result(bytes.get() / 1e6 / seconds, sorted.get((int) (sorted.size() * 0.95)), sorted.size(), seconds);
      } finally {
        clients.shutdown();
      }
    }
  }

  /** The same photo with a few bytes after its end marker: a different file to the store. */
  static byte[] unique(byte[] jpeg, int n) {
    byte[] tail = ("#" + n).getBytes(StandardCharsets.US_ASCII);
    byte[] copy = Arrays.copyOf(jpeg, jpeg.length + tail.length);
    System.arraycopy(tail, 0, copy, jpeg.length, tail.length);
    return copy;
  }

  private static HttpRequest multipart(int port, String token, byte[] photo) {
    String boundary = "bench-boundary-7d1f";
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.jpg\"\r\n"
        + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/upload"))
        .timeout(Duration.ofMinutes(2)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, photo, tail))).build();
  }
}
