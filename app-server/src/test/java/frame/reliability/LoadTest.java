package frame.reliability;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import frame.core.testing.Multipart;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Load against FRAME in a child JVM capped at -Xmx512m. */
class LoadTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataDir;

  @Test
  void l1_eight_clients_upload_fifty_photos_each_with_no_errors_and_all_processed() throws Exception {
    try (ChildFrame frame = new ChildFrame(dataDir).start()) {
      ExecutorService clients = Executors.newFixedThreadPool(8);
      List<Future<List<Integer>>> statuses = new ArrayList<>();
      for (int c = 0; c < 8; c++) {
        int client = c;
        String token = frame.newToken("client-" + c); // eight devices, each with its share of the slots
        statuses.add(clients.submit(() -> {
          List<Integer> codes = new ArrayList<>();
          for (int i = 0; i < 50; i++) {
            byte[] photo = jpeg(photo(1024, 768, client * 100L + i));
            String name = "c" + client + "-" + i + ".jpg";
            // past the concurrent-upload cap the server says 503 + Retry-After: a client waits and retries
            HttpResponse<String> response = await(name + " accepted").atMost(Duration.ofMinutes(2))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                .until(() -> frame.upload(name, photo, token), r -> r.statusCode() != 503);
            codes.add(response.statusCode());
          }
          return codes;
        }));
      }
      for (Future<List<Integer>> codes : statuses) assertThat(codes.get()).containsOnly(201);
      clients.shutdown();

      await("all 400 photos PROCESSED").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(250))
          .failFast("a photo FAILED", () -> total(frame, "/api/images?status=FAILED&limit=1") > 0)
          .until(() -> total(frame, "/api/images?status=PROCESSED&limit=1") == 400);
      assertThat(frame.alive()).isTrue();
      assertThat(frame.get("/api/health").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void l2_two_200_mb_uploads_stream_to_disk_and_small_ones_beside_them_are_not_starved() throws Exception {
    try (ChildFrame frame = new ChildFrame(dataDir).start()) {
      HttpClient http = HttpClient.newHttpClient();
      // each big upload sends 16 MB, then holds until the small ones are done: they are in flight meanwhile
      CountDownLatch bigStarted = new CountDownLatch(2);
      CountDownLatch smallDone = new CountDownLatch(1);
      List<CompletableFuture<HttpResponse<String>>> big = new ArrayList<>();
      for (int i = 0; i < 2; i++) big.add(http.sendAsync(bigUpload(frame, "big" + i + ".jpg", 200L << 20, bigStarted, smallDone),
          HttpResponse.BodyHandlers.ofString()));
      assertThat(bigStarted.await(60, TimeUnit.SECONDS)).as("both big uploads streaming").isTrue();

      // the big ones come from one device, which may hold half the upload slots; a second device
      // sends the small ones in the other half
      String phone = frame.newToken("phone");
      for (int i = 0; i < 10; i++) {
        HttpResponse<String> sent = frame.upload("small" + i + ".jpg", jpeg(photo(640, 480, i)), phone);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
      }
      assertThat(big).as("the small uploads finished while the big ones were still streaming")
          .allMatch(f -> !f.isDone());
      smallDone.countDown();

      for (CompletableFuture<HttpResponse<String>> upload : big) {
        HttpResponse<String> response = upload.get();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422); // JPEG magic, then noise
      }
      assertThat(frame.alive()).as("200 MB twice in a 512 MB heap: streamed, not buffered").isTrue();
      assertThat(JSON.readTree(frame.get("/api/images?limit=1").body()).get("total").asLong()).isEqualTo(10);
    }
  }

  /** A multipart body of {@code size} bytes, generated as it is sent; it pauses at 16 MB until {@code resume}. */
  private static HttpRequest bigUpload(ChildFrame frame, String name, long size, CountDownLatch started,
      CountDownLatch resume) {
    Multipart multipart = new Multipart();
    byte[] head = multipart.head(name);
    byte[] tail = multipart.tail();
    return frame.request("/api/upload").timeout(Duration.ofMinutes(3))
        .header("Content-Type", multipart.contentType())
        .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() ->
            new SequenceInputStream(new ByteArrayInputStream(head),
                new SequenceInputStream(new Noise(size, started, resume), new ByteArrayInputStream(tail)))), head.length + size + tail.length))
        .build();
  }

  /** JPEG magic followed by noise, produced on demand; after {@link #PAUSE_AT} bytes it waits for {@code resume}. */
  private static final class Noise extends InputStream {
    private static final long PAUSE_AT = 16L << 20;
    private final long size;
    private final CountDownLatch started;
    private final CountDownLatch resume;
    private long sent;

    Noise(long size, CountDownLatch started, CountDownLatch resume) {
      this.size = size;
      this.started = started;
      this.resume = resume;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (sent >= size) return -1;
      int n = (int) Math.min(length, Math.min(size - sent, 1 << 20));
      for (int i = 0; i < n; i++) buffer[offset + i] = (byte) (sent + i);
      if (sent == 0 && n >= 3) {
        buffer[offset] = (byte) 0xFF;
        buffer[offset + 1] = (byte) 0xD8;
        buffer[offset + 2] = (byte) 0xFF;
      }
      if (sent < PAUSE_AT && sent + n >= PAUSE_AT) holdUntilResumed();
      sent += n;
      return n;
    }

    private void holdUntilResumed() {
      started.countDown();
      try {
        if (!resume.await(3, TimeUnit.MINUTES)) throw new IllegalStateException("never resumed");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static long total(ChildFrame frame, String path) throws Exception {
    return JSON.readTree(frame.get(path).body()).get("total").asLong();
  }

}
