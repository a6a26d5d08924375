package frame.server;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static frame.server.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Issue 13's admin routes over real HTTP: queue pause and resume, retry, cancel, regenerate. */
class ApiControlTest extends ServerPerTest {
  @Test
  void pause_and_resume_the_queue_and_cancel_retry_and_regenerate_through_the_api() {
    JsonNode paused = json(post("/api/admin/queue/pause", ""));
    assertThat(paused.get("status").asText()).isEqualTo("paused");
    long imageId = json(api.upload("a.jpg", jpeg(photo(800, 600, 1)))).get("image").get("id").asLong();
    JsonNode queue = json(api.get("/api/admin/queue"));
    assertThat(queue.get("paused").asBoolean()).isTrue();
    assertThat(queue.get("byType").get("OFFLOAD_ORIGINAL").get("PENDING").asLong()).isEqualTo(1);

    long jobId = json(api.get("/api/admin/jobs?imageId=" + imageId)).get("items").get(0).get("id").asLong();
    JsonNode cancelled = json(post("/api/admin/jobs/" + jobId + "/cancel", ""));
    assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
    HttpResponse<byte[]> twice = post("/api/admin/jobs/" + jobId + "/cancel", "");
    assertThat(twice.statusCode()).isEqualTo(409);
    assertThat(json(twice).get("error").get("code").asText()).isEqualTo("job_not_cancellable");
    assertThat(json(api.get("/api/images/" + imageId)).get("image").get("failureReason").asText())
        .isEqualTo("Storing the original failed: cancelled by an admin");

    JsonNode retried = json(post("/api/admin/jobs/retry", "{\"ids\": [" + jobId + "]}"));
    assertThat(retried.get("retried").asInt()).isEqualTo(1);
    assertThat(retried.get("jobs").get(0).get("status").asText()).isEqualTo("PENDING");
    JsonNode running = json(post("/api/admin/queue/resume", ""));
    assertThat(running.get("status").asText()).isEqualTo("running");
    awaitProcessed(imageId);

    HttpResponse<byte[]> regenerate = post("/api/admin/images/" + imageId + "/regenerate", "");
    assertThat(regenerate.statusCode()).isEqualTo(202);
    assertThat(json(regenerate).get("sentBack").asBoolean()).isTrue();
    awaitProcessed(imageId);
    JsonNode preview = json(api.get("/api/admin/jobs?imageId=" + imageId + "&type=PREVIEW_GENERATION")).get("items").get(0);
    assertThat(preview.get("priority").asText()).isEqualTo("background");
    JsonNode history = json(api.get("/api/admin/jobs/" + preview.get("id").asLong())).get("history");
    assertThat(history).hasSize(2);
    assertThat(history.get(0).get("interrupted").asBoolean()).isFalse();
  }

  @Test
  void retrying_by_filter_and_refusals_are_plain_errors() {
    byte[] whole = jpeg(photo(1200, 800, 2));
    long imageId = json(api.upload("half.jpg", Arrays.copyOf(whole, whole.length / 2))).get("image").get("id").asLong();
    await().atMost(Duration.ofSeconds(60)).until(() -> "FAILED".equals(status(imageId)) && "FAILED".equals(
        json(api.get("/api/admin/jobs?imageId=" + imageId + "&type=PREVIEW_GENERATION")).get("items").get(0).get("status").asText()));

    JsonNode retried = json(post("/api/admin/jobs/retry", "{\"status\": \"FAILED\", \"type\": \"PREVIEW_GENERATION\"}"));
    assertThat(retried.get("retried").asInt()).isEqualTo(1);
    assertThat(retried.get("jobs").get(0).get("type").asText()).isEqualTo("PREVIEW_GENERATION");
    await().atMost(Duration.ofSeconds(60)).until(() -> "FAILED".equals(status(imageId)));

    long previewJob = retried.get("jobs").get(0).get("id").asLong();
    await().atMost(Duration.ofSeconds(60)).until(() ->
        "FAILED".equals(json(api.get("/api/admin/jobs/" + previewJob)).get("status").asText()));
    JsonNode one = json(post("/api/admin/jobs/" + previewJob + "/retry", ""));
    assertThat(one.get("maxAttempts").asInt()).isEqualTo(one.get("attempts").asInt() + 3);

    assertThat(post("/api/admin/jobs/retry", "{\"status\": \"COMPLETED\"}").statusCode()).isEqualTo(400);
    assertThat(post("/api/admin/jobs/retry", "{\"ids\": [\"x\"]}").statusCode()).isEqualTo(400);
    assertThat(post("/api/admin/jobs/retry", "not json").statusCode()).isEqualTo(400);
    assertThat(post("/api/admin/queue/pause", "{\"type\": \"NOPE\"}").statusCode()).isEqualTo(400);
    assertThat(post("/api/admin/jobs/999/retry", "").statusCode()).isEqualTo(404);
    assertThat(post("/api/admin/images/999/regenerate", "").statusCode()).isEqualTo(404);
    assertThat(json(post("/api/admin/queue/pause", "{\"type\": \"PREVIEW_GENERATION\"}")).get("status").asText())
        .isEqualTo("paused: PREVIEW_GENERATION");
  }

  @Test
  void an_upload_marked_part_of_a_large_import_goes_at_bulk_priority_and_photos_regenerate_in_one_request() {
    post("/api/admin/queue/pause", "");
    long bulk = json(upload("?priority=bulk", "archive.jpg", jpeg(photo(400, 300, 21)))).get("image").get("id").asLong();
    long fresh = json(upload("", "dropped.jpg", jpeg(photo(400, 300, 22)))).get("image").get("id").asLong();
    assertThat(priorityOfFirstJob(bulk)).isEqualTo("bulk");
    assertThat(priorityOfFirstJob(fresh)).isEqualTo("fresh");
    HttpResponse<byte[]> refused = upload("?priority=background", "c.jpg", jpeg(photo(400, 300, 23)));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(json(refused).get("error").get("message").asText()).isEqualTo("priority must be fresh or bulk");
    assertThat(json(api.get("/api/images")).get("total").asLong()).as("nothing stored").isEqualTo(2);

    JsonNode waiting = json(post("/api/admin/images/regenerate", "{\"all\": true}"));
    assertThat(waiting.get("sentBack")).isEmpty();
    assertThat(waiting.get("stillProcessing")).extracting(JsonNode::asLong).containsExactly(bulk, fresh);
    post("/api/admin/queue/resume", "");
    awaitProcessed(bulk);
    awaitProcessed(fresh);

    HttpResponse<byte[]> some = post("/api/admin/images/regenerate", "{\"ids\": [" + fresh + "]}");
    assertThat(some.statusCode()).isEqualTo(202);
    assertThat(json(some).get("sentBack")).extracting(JsonNode::asLong).containsExactly(fresh);
    awaitProcessed(fresh);
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      JsonNode counts = json(api.get("/api/admin/queue")).get("counts");
      return counts.get("PENDING").asLong() + counts.get("RUNNING").asLong() == 0;
    });
    assertThat(json(post("/api/admin/images/regenerate", "{\"all\": true}")).get("sentBack"))
        .extracting(JsonNode::asLong).containsExactly(bulk, fresh);
    awaitProcessed(bulk);
    assertThat(json(post("/api/admin/images/regenerate", "{\"status\": \"FAILED\"}")).get("sentBack")).isEmpty();

    assertThat(post("/api/admin/images/regenerate", "{\"ids\": [" + fresh + ", 999]}").statusCode())
        .as("every id known, or nothing sent back").isEqualTo(404);
    assertThat(post("/api/admin/images/regenerate", "{}").statusCode()).isEqualTo(400);
    assertThat(post("/api/admin/images/regenerate", "{\"all\": true, \"status\": \"FAILED\"}").statusCode()).isEqualTo(400);
    assertThat(post("/api/admin/images/regenerate", "{\"all\": \"yes\"}").statusCode()).isEqualTo(400);
    assertThat(post("/api/admin/images/regenerate", "{\"status\": \"NOPE\"}").statusCode()).isEqualTo(400);
  }

  private HttpResponse<byte[]> upload(String query, String name, byte[] bytes) {
    frame.core.testing.Multipart body = new frame.core.testing.Multipart().file(name, bytes);
    return api.send(api.request("/api/upload" + query).header("Content-Type", body.contentType())
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build());
  }

  private String priorityOfFirstJob(long imageId) {
    return json(api.get("/api/admin/jobs?imageId=" + imageId)).get("items").get(0).get("priority").asText();
  }

  private String status(long imageId) {
    return json(api.get("/api/images/" + imageId)).get("image").get("status").asText();
  }

  private void awaitProcessed(long imageId) {
    await().atMost(Duration.ofSeconds(60)).until(() -> "PROCESSED".equals(status(imageId)));
  }

  private HttpResponse<byte[]> post(String path, String body) {
    return api.send(api.request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }
}
