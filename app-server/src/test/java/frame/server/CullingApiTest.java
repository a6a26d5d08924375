package frame.server;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static frame.core.testing.TestImages.write;
import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import frame.core.testing.TestImages;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.time.Duration;
import frame.core.FrameTestAccess;
import frame.core.api.culling.ImportBatch;
import frame.core.api.culling.ShootSource;
import frame.core.api.imports.IngestResult;
import frame.core.api.jobs.JobPriority;
import frame.core.api.library.Image;
import frame.core.testing.Multipart;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ratings, flags and labels over a real server on loopback: PATCH, filters, shoots, tombstones. */
class CullingApiTest {
  @TempDir Path dataDir;
  @TempDir Path photos;

  @Test
  void a_paired_phone_picks_and_rates_and_the_list_filters_by_flag_and_stars() {
    try (ServerFixture fixture = new ServerFixture(dataDir)) {
      List<Image> images = new ArrayList<>();
      ImportBatch card = ImportBatch.shoot("EOS_DIGITAL", ShootSource.FOLDER);
      for (int i = 1; i <= 3; i++) {
        images.add(((IngestResult.Stored) fixture.frame.ports().imports()
            .importFile(write(photos, "IMG_000" + i + ".jpg", jpeg(photo(400, 300, i))), JobPriority.FRESH, card)).image());
      }
      String phone = FrameTestAccess.pairings(fixture.frame).redeem(FrameTestAccess.pairings(fixture.frame).create().digits(), "Phone").token();
      ApiClient client = fixture.client.withToken(phone);

      HttpResponse<byte[]> picked = patch(client, images.get(0).id(), "{\"flag\": \"pick\", \"rating\": 4, \"label\": \"red\"}");
      patch(client, images.get(1).id(), "{\"flag\": \"reject\"}");
      patch(client, images.get(2).id(), "{\"rating\": 2}");

      assertThat(picked.statusCode()).isEqualTo(200);
      JsonNode marks = ApiClient.json(picked);
      assertThat(marks.get("flag").asText()).isEqualTo("pick");
      assertThat(marks.get("rating").asInt()).isEqualTo(4);
      assertThat(marks.get("label").asText()).isEqualTo("red");
      assertThat(ids(client, "?flag=pick")).containsExactly(images.get(0).id());
      assertThat(ids(client, "?flag=reject")).containsExactly(images.get(1).id());
      assertThat(ids(client, "?unrated=true")).containsExactly(images.get(1).id());
      assertThat(ids(client, "?minRating=2")).containsExactlyInAnyOrder(images.get(0).id(), images.get(2).id());
      assertThat(ApiClient.json(client.get("/api/images?minRating=2")).get("total").asLong()).isEqualTo(2);
      JsonNode one = ApiClient.json(client.get("/api/images/" + images.get(0).id())).get("image");
      assertThat(one.get("rating").asInt()).isEqualTo(4);
      assertThat(one.has("stack")).isTrue();
      assertThat(one.has("sharpness")).isTrue();

      JsonNode unflagged = ApiClient.json(patch(client, images.get(0).id(), "{\"flag\": null}"));
      assertThat(unflagged.get("flag").isNull()).isTrue();
      assertThat(unflagged.get("rating").asInt()).isEqualTo(4);

      JsonNode shoots = ApiClient.json(client.get("/api/shoots"));
      assertThat(shoots).hasSize(1);
      assertThat(shoots.get(0).get("name").asText()).isEqualTo("EOS_DIGITAL");
      assertThat(shoots.get(0).get("photos").asInt()).isEqualTo(3);
      assertThat(shoots.get(0).get("rejects").asInt()).isEqualTo(1);
    }
  }

  @Test
  void bad_marks_are_refused_with_a_clear_error_and_change_nothing() {
    try (ServerFixture fixture = new ServerFixture(dataDir)) {
      Image image = ((IngestResult.Stored) fixture.frame.ports().imports().importFile(write(photos, "a.jpg", jpeg(photo(400, 300, 9))))).image();

      HttpResponse<byte[]> tooMany = patch(fixture.client, image.id(), "{\"rating\": 6}");
      HttpResponse<byte[]> oddFlag = patch(fixture.client, image.id(), "{\"flag\": \"maybe\"}");
      HttpResponse<byte[]> unknown = patch(fixture.client, 999, "{\"rating\": 1}");

      assertThat(tooMany.statusCode()).isEqualTo(400);
      assertThat(ApiClient.json(oddFlag).get("error").get("message").asText()).contains("pick");
      assertThat(unknown.statusCode()).isEqualTo(404);
      assertThat(fixture.frame.ports().culling().marks(List.of(image.id())).get(image.id()).rating()).isZero();
    }
  }

  @Test
  void a_phone_sending_a_photo_deleted_for_good_again_is_told_it_was_skipped() throws Exception {
    try (ServerFixture fixture = new ServerFixture(dataDir)) {
      Path file = write(photos, "IMG_0042.jpg", jpeg(photo(400, 300, 42)));
      Image image = ((IngestResult.Stored) fixture.frame.ports().imports().importFile(file)).image();
      fixture.frame.ports().culling().mark(image.id(), frame.core.api.culling.MarkChange.flag(frame.core.api.culling.Flag.REJECT));
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() ->
          fixture.frame.ports().jobs().countsByState().getOrDefault(frame.core.api.jobs.JobState.PENDING, 0L)
              + fixture.frame.ports().jobs().countsByState().getOrDefault(frame.core.api.jobs.JobState.RUNNING, 0L) == 0);
      assertThat(ApiClient.json(fixture.client.method("POST", "/api/admin/culling/delete-rejects")).get("deleted").asInt())
          .isEqualTo(1);

      Multipart body = new Multipart().file("IMG_0042.jpg", Files.readAllBytes(file));
      HttpResponse<byte[]> again = fixture.client.send(fixture.client.request("/api/upload")
          .header("Content-Type", body.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build());

      assertThat(again.statusCode()).isEqualTo(200);
      assertThat(ApiClient.json(again).get("skipped").get("message").asText()).startsWith("deleted on ");
      assertThat(ApiClient.json(fixture.client.get("/api/images")).get("total").asLong()).isZero();
      assertThat(ApiClient.json(fixture.client.get("/api/admin/tombstones")).get(0).get("name").asText()).isEqualTo("IMG_0042.jpg");
    }
  }

  private static HttpResponse<byte[]> patch(ApiClient client, long id, String json) {
    return client.send(client.request("/api/images/" + id).header("Content-Type", "application/json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build());
  }

  @Test
  void the_list_sorts_sharpest_first_and_refuses_an_unknown_order() {
    BufferedImage scene = TestImages.detailedPhoto(800, 600, 5);
    try (ServerFixture fixture = new ServerFixture(dataDir)) {
      // imported sharp, very soft, soft: newest first would be soft, very soft, sharp
      long sharp = stored(fixture, "sharp.jpg", scene);
      long verySoft = stored(fixture, "very-soft.jpg", blur(blur(blur(scene))));
      long soft = stored(fixture, "soft.jpg", blur(scene));
      await("sharpness measured").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() -> {
        JsonNode items = ApiClient.json(fixture.client.get("/api/images")).get("items");
        for (JsonNode item : items) if (item.get("sharpness").isNull()) return false;
        return items.size() == 3;
      });

      assertThat(ids(fixture.client, "")).containsExactly(soft, verySoft, sharp);
      assertThat(ids(fixture.client, "?sort=sharpness")).containsExactly(sharp, soft, verySoft);
      HttpResponse<byte[]> odd = fixture.client.get("/api/images?sort=blurriest");
      assertThat(odd.statusCode()).isEqualTo(400);
      assertThat(ApiClient.json(odd).get("error").get("message").asText()).contains("sharpness", "stacks");
    }
  }

  @Test
  void a_folded_list_shows_one_photo_a_stack_with_its_frame_count() {
    BufferedImage scene = TestImages.detailedPhoto(800, 600, 6);
    try (ServerFixture fixture = new ServerFixture(dataDir)) {
      // one scene three times (no camera, no capture time): one stack, the sharp frame on top
      long sharp = stored(fixture, "sharp.jpg", scene);
      stored(fixture, "soft.jpg", blur(scene));
      stored(fixture, "softer.jpg", blur(blur(scene)));
      long other = stored(fixture, "other.jpg", TestImages.detailedPhoto(800, 600, 77));
      await("stacked").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
          .until(() -> ApiClient.json(fixture.client.get("/api/images?stacks=folded")).get("total").asLong() == 2);

      JsonNode folded = ApiClient.json(fixture.client.get("/api/images?stacks=folded&sort=sharpness"));
      assertThat(ids(fixture.client, "?stacks=folded")).containsExactlyInAnyOrder(sharp, other);
      assertThat(folded.get("items")).allSatisfy(item -> assertThat(item.get("stackSize").asInt())
          .isEqualTo(item.get("id").asLong() == sharp ? 3 : 1));
      assertThat(ApiClient.json(fixture.client.get("/api/images?stacks=all")).get("total").asLong()).isEqualTo(4);
      HttpResponse<byte[]> odd = fixture.client.get("/api/images?stacks=sideways");
      assertThat(odd.statusCode()).isEqualTo(400);
      assertThat(ApiClient.json(odd).get("error").get("message").asText()).contains("folded");
    }
  }

  private long stored(ServerFixture fixture, String name, BufferedImage picture) {
    return ((IngestResult.Stored) fixture.frame.ports().imports().importFile(write(photos, name, jpeg(picture))))
        .image().id();
  }

  private static BufferedImage blur(BufferedImage image) {
    float[] box = new float[25];
    java.util.Arrays.fill(box, 1f / 25);
    BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    return new ConvolveOp(new Kernel(5, 5, box), ConvolveOp.EDGE_NO_OP, null).filter(image, out);
  }

  private static List<Long> ids(ApiClient client, String query) {
    List<Long> ids = new ArrayList<>();
    ApiClient.json(client.get("/api/images" + query)).get("items").forEach(i -> ids.add(i.get("id").asLong()));
    return ids;
  }
}
