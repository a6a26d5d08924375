package frame.server;

import static org.awaitility.Awaitility.await;
import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static frame.server.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import frame.core.testing.ExifBuilder;
import frame.core.testing.FrameFixture;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ApiFlowTest extends ServerPerTest {
  @Test
  void upload_then_event_stream_reports_processed_then_thumbnail_bytes_are_served() throws Exception {
    BlockingQueue<String> events = new LinkedBlockingQueue<>();
    CompletableFuture<HttpResponse<Stream<String>>> stream = HttpClient.newHttpClient().sendAsync(
        api.request("/api/events").header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
    // read on a thread of our own: a dependent action may otherwise run on the client's selector
    // thread, and blocking that thread would stop the stream being read at all
    java.util.concurrent.ExecutorService reader = java.util.concurrent.Executors.newSingleThreadExecutor();
    stream.thenAcceptAsync(response -> response.body().forEach(events::add), reader);
    awaitLine(events, ": connected");

    byte[] photo = new ExifBuilder().camera("FRAME", "LAN Cam").into(jpeg(photo(1600, 1200, 1)));
    HttpResponse<byte[]> created = api.upload("IMG_0001.JPG", photo);
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode image = json(created).get("image");
    long id = image.get("id").asLong();
    assertThat(json(created).get("duplicate").asBoolean()).isFalse();
    assertThat(image.get("originalName").asText()).isEqualTo("IMG_0001.JPG");

    awaitLine(events, "data: {\"imageId\":" + id + ",\"status\":\"PROCESSED\"}", "{\"status\":\"PROCESSED\",\"imageId\":" + id + "}");

    HttpResponse<byte[]> thumb = api.get("/api/images/" + id + "/thumbnail/256");
    assertThat(thumb.statusCode()).isEqualTo(200);
    assertThat(thumb.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    assertThat(ImageIO.read(new ByteArrayInputStream(thumb.body())).getWidth()).isEqualTo(256);
    String etag = thumb.headers().firstValue("ETag").orElseThrow();
    HttpResponse<byte[]> again = api.send(api.request("/api/images/" + id + "/thumbnail/256")
        .header("If-None-Match", etag).GET().build());
    assertThat(again.statusCode()).isEqualTo(304);

    JsonNode detail = json(api.get("/api/images/" + id));
    assertThat(detail.get("image").get("status").asText()).isEqualTo("PROCESSED");
    assertThat(detail.get("image").get("isProcessed").asBoolean()).isTrue();
    assertThat(detail.get("exif").get("cameraModel").asText()).isEqualTo("LAN Cam");
    // the four processing steps; culling's analysis jobs follow at background priority
    List<String> steps = new java.util.ArrayList<>();
    detail.get("jobs").forEach(j -> steps.add(j.get("type").asText()));
    assertThat(steps).filteredOn(t -> !t.equals("PERCEPTUAL_HASH") && !t.equals("SHARPNESS")).hasSize(4);
    stream.cancel(true);
    reader.shutdownNow();
  }

  @Test
  void duplicate_upload_answers_200_with_the_existing_image() {
    byte[] photo = jpeg(photo(400, 300, 2));
    long first = json(api.upload("a.jpg", photo)).get("image").get("id").asLong();

    HttpResponse<byte[]> again = api.upload("b.jpg", photo);

    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(json(again).get("duplicate").asBoolean()).isTrue();
    assertThat(json(again).get("image").get("id").asLong()).isEqualTo(first);
  }

  @Test
  void upload_of_the_bytes_of_a_photo_whose_original_was_lost_answers_restored_and_puts_them_back() throws Exception {
    byte[] photo = jpeg(photo(400, 300, 5));
    long first = json(api.upload("a.jpg", photo)).get("image").get("id").asLong();
    frame.core.api.library.Image image = fixture.frame.ports().library().image(first);
    java.nio.file.Path original = fixture.frame.ports().library().files(image).original();
    java.nio.file.Files.delete(original);

    HttpResponse<byte[]> again = api.upload("b.jpg", photo);

    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(json(again).get("duplicate").asBoolean()).isTrue();
    assertThat(json(again).get("restored").asBoolean()).isTrue();
    assertThat(json(again).get("image").get("id").asLong()).isEqualTo(first);
    assertThat(java.nio.file.Files.readAllBytes(original)).isEqualTo(photo);
  }

  @Test
  void checksum_precheck_says_whether_a_photo_is_stored() {
    JsonNode image = json(api.upload("a.jpg", jpeg(photo(400, 300, 3)))).get("image");

    HttpResponse<byte[]> known = api.method("HEAD", "/api/images/by-checksum/" + image.get("sha256").asText());
    assertThat(known.statusCode()).isEqualTo(200);
    assertThat(known.headers().firstValue("X-Image-Id")).hasValue(image.get("id").asText());
    assertThat(api.method("HEAD", "/api/images/by-checksum/" + "a".repeat(64)).statusCode()).isEqualTo(404);
    assertThat(api.method("HEAD", "/api/images/by-checksum/nothex").statusCode()).isEqualTo(400);
  }

  @Test
  void images_filter_by_status_and_paginate_with_a_total() {
    for (int i = 0; i < 5; i++) api.upload("p" + i + ".jpg", jpeg(photo(300, 200, 10 + i)));
    FrameFixture.awaitAllFinal(fixture.frame, Duration.ofSeconds(60));

    JsonNode page = json(api.get("/api/images?status=processed&limit=2&offset=1"));

    assertThat(page.get("total").asLong()).isEqualTo(5);
    assertThat(page.get("items")).hasSize(2);
    assertThat(page.get("items").get(0).get("isProcessing").asBoolean()).isFalse();
    assertThat(page.get("items").get(0).get("processingJobs")).isEmpty();
    assertThat(json(api.get("/api/images?status=FAILED")).get("total").asLong()).isZero();
  }

  @Test
  void admin_sees_failed_jobs_and_one_jobs_history() {
    byte[] whole = jpeg(photo(1200, 900, 4));
    api.upload("half.jpg", java.util.Arrays.copyOf(whole, whole.length / 2));
    FrameFixture.awaitAllFinal(fixture.frame, Duration.ofSeconds(60));

    JsonNode failed = json(api.get("/api/admin/jobs?status=FAILED"));
    assertThat(failed.get("total").asLong()).isGreaterThanOrEqualTo(1);
    long jobId = failed.get("items").get(0).get("id").asLong();

    JsonNode job = json(api.get("/api/admin/jobs/" + jobId));
    assertThat(job.get("status").asText()).isEqualTo("FAILED");
    assertThat(job.get("payload").get("imageId").isNumber()).isTrue();
    assertThat(job.get("attempts").asInt()).isEqualTo(1);
    assertThat(job.get("maxAttempts").asInt()).isEqualTo(3);
    assertThat(job.get("lockedBy").asText()).isNotBlank();
    assertThat(job.get("lastError").asText()).contains("damaged or truncated");
    assertThat(job.get("history").get(0).get("outcome").asText()).isEqualTo("FAILED");
    JsonNode image = json(api.get("/api/images/" + job.get("imageId").asLong())).get("image");
    assertThat(image.get("status").asText()).isEqualTo("FAILED");
    assertThat(image.get("failureReason").asText()).contains("truncated");
  }

  private static void awaitLine(BlockingQueue<String> lines, String... anyOf) {
    List<String> wanted = List.of(anyOf);
    await("event stream says " + String.join(" or ", anyOf)).atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO)
        .until(() -> {
          String line = lines.poll(100, TimeUnit.MILLISECONDS);
          return line != null && wanted.contains(line);
        });
  }
}
