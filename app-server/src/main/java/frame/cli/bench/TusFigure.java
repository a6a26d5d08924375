package frame.cli.bench;

import frame.cli.remote.PinnedTls;
import frame.core.api.FrameLibrary;
import frame.core.api.config.FrameConfig;
import frame.server.ApiServer;
import frame.server.ServerSettings;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * A 50 MB photo sent with tus over loopback (creation, then one PATCH of the whole file, as
 * tus-js-client sends by default, or PATCHes of {@code chunkBytes} as the phone page sends), timed
 * from the POST to the last PATCH's answer: bytes fsynced and the photo ingested. One warm-up, then
 * the median of three, each a photo new to the store, sent once the last one's jobs have ended (an
 * idle app: the previews of a 50 MB file are not part of its upload). The process's CPU time per
 * upload is given too: on a machine shared with other work it says more than the wall clock.
 */
public final class TusFigure {
  static final int BYTES = 50_000_000;
  private static final int ROUNDS = 3;

  private TusFigure() {}

  /** The phone page's chunk. */
  public static final int PHONE_CHUNK = 4 << 20;

  public record Result(double megabytesPerSecond, List<Double> seconds, double cpuSecondsMedian) {}

  /** One PATCH of the whole file. */
  public static Result measure(int workers, Path dataDir) throws Exception {
    return measure(workers, dataDir, BYTES, false);
  }

  public static Result measure(int workers, Path dataDir, int chunkBytes) throws Exception {
    return measure(workers, dataDir, chunkBytes, false);
  }

  /**
   * With {@code tls}, over HTTPS as FRAME serves the LAN: its own certificate, which the client
   * trusts by its pinned fingerprint, as a paired phone or {@code frame --remote} does.
   */
  public static Result measure(int workers, Path dataDir, int chunkBytes, boolean tls) throws Exception {
    try (FrameLibrary frame = FrameLibrary.open(FrameConfig.inDataDir(dataDir).withWorkers(workers));
        ApiServer server = ApiServer.start(frame, ServerSettings.defaults(0, false, dataDir), tls)) {
      String token = frame.ports().devices().createToken("bench");
      HttpClient http = tls ? PinnedTls.client(server.fingerprint().orElseThrow(), Duration.ofSeconds(10))
          : HttpClient.newHttpClient();
      String base = (tls ? "https" : "http") + "://127.0.0.1:" + server.port();
      byte[] jpeg = jpeg();
      settled(frame, upload(http, base, token, photo(jpeg, 0), chunkBytes));
      List<Double> seconds = new ArrayList<>();
      List<Double> cpu = new ArrayList<>();
      for (int i = 1; i <= ROUNDS; i++) {
        byte[] photo = photo(jpeg, i);
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        long imageId = upload(http, base, token, photo, chunkBytes);
        seconds.add((System.nanoTime() - start) / 1e9);
        cpu.add((processCpuNanos() - cpuStart) / 1e9);
        settled(frame, imageId);
      }
      return new Result(BYTES / 1e6 / median(seconds), seconds, median(cpu));
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** Waits until the photo's jobs have ended, so the next upload has the machine to itself. */
  private static void settled(FrameLibrary frame, long imageId) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (!frame.ports().library().image(imageId).state().isFinal() && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(50);
    }
  }

  /** Sends the photo; returns its image id. */
  private static long upload(HttpClient http, String base, String token, byte[] photo, int chunkBytes)
      throws IOException, InterruptedException {
    HttpResponse<String> created = http.send(request(base + "/api/tus", token)
        .header("Upload-Length", Integer.toString(photo.length)).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    if (created.statusCode() != 201) throw new IOException("tus creation failed: " + created.body());
    String location = created.headers().firstValue("Location").orElseThrow();
    HttpResponse<String> patched = null;
    for (int offset = 0; offset < photo.length; offset += chunkBytes) {
      int length = Math.min(chunkBytes, photo.length - offset);
      patched = http.send(request(base + location, token).header("Upload-Offset", Integer.toString(offset))
          .header("Content-Type", "application/offset+octet-stream")
          .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(photo, offset, length)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (patched.statusCode() != 204) break;
    }
    if (patched.statusCode() != 204 || !"stored".equals(patched.headers().firstValue("Frame-Image-Status").orElse(""))) {
      throw new IOException("tus upload failed (" + patched.statusCode() + "): " + patched.body());
    }
    return Long.parseLong(patched.headers().firstValue("Frame-Image-Id").orElseThrow());
  }

  private static HttpRequest.Builder request(String url, String token) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5))
        .header("Authorization", "Bearer " + token).header("Tus-Resumable", "1.0.0");
  }

  /** A small real JPEG, padded after its end marker (decoders ignore it) to 50 MB; {@code n} makes it unique. */
  private static byte[] photo(byte[] jpeg, int n) {
    byte[] bytes = new byte[BYTES];
    System.arraycopy(jpeg, 0, bytes, 0, jpeg.length);
    byte[] padding = new byte[BYTES - jpeg.length];
    new Random(n).nextBytes(padding);
    System.arraycopy(padding, 0, bytes, jpeg.length, padding.length);
    return bytes;
  }

  private static byte[] jpeg() throws IOException {
    BufferedImage image = new BufferedImage(1600, 1200, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) image.setRGB(x, y, (x * 7 + y * 3) & 0xffffff);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "jpg", out);
    return out.toByteArray();
  }
}
