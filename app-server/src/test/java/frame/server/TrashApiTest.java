package frame.server;

import frame.core.FrameTestAccess;
import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static frame.core.testing.TestImages.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import frame.core.api.library.Image;
import frame.core.api.imports.IngestResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DELETE /api/images/{id} and the trash routes on a real server over loopback. */
class TrashApiTest {
  @TempDir Path dataDir;
  @TempDir Path photos;

  @Test
  void a_deleted_image_is_gone_from_the_api_until_restored_then_the_trash_empties() {
    try (ServerFixture fixture = new ServerFixture(dataDir)) {
      Image image = ((IngestResult.Stored) fixture.frame.ports().imports().importFile(write(photos, "a.jpg", jpeg(photo(400, 300, 1))))).image();
      String path = "/api/images/" + image.id();

      var removed = fixture.client.method("DELETE", path);
      assertThat(removed.statusCode()).isEqualTo(200);
      assertThat(ApiClient.json(removed).get("removed").asInt()).isEqualTo(1);
      assertThat(fixture.client.get(path).statusCode()).isEqualTo(404);
      assertThat(fixture.client.method("DELETE", path).statusCode()).isEqualTo(404);
      assertThat(ApiClient.json(fixture.client.get("/api/images")).get("total").asLong()).isZero();
      assertThat(fixture.client.method("HEAD", "/api/images/by-checksum/" + image.sha256()).statusCode()).isEqualTo(404);
      JsonNode trash = ApiClient.json(fixture.client.get("/api/admin/trash"));
      assertThat(trash.get("items").get(0).get("image").get("id").asLong()).isEqualTo(image.id());

      assertThat(fixture.client.method("POST", "/api/admin/trash/" + image.id() + "/restore").statusCode()).isEqualTo(200);
      assertThat(fixture.client.get(path).statusCode()).isEqualTo(200);

      fixture.client.method("DELETE", path);
      var emptied = fixture.client.method("DELETE", "/api/admin/trash");
      assertThat(ApiClient.json(emptied).get("deleted").asInt()).isEqualTo(1);
      assertThat(fixture.client.method("POST", "/api/admin/trash/" + image.id() + "/restore").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void deleting_needs_an_admin_token() {
    try (ServerFixture fixture = new ServerFixture(dataDir)) {
      Image image = ((IngestResult.Stored) fixture.frame.ports().imports().importFile(write(photos, "a.jpg", jpeg(photo(400, 300, 2))))).image();
      String phone = FrameTestAccess.pairings(fixture.frame).redeem(FrameTestAccess.pairings(fixture.frame).create().digits(), "Phone").token();

      assertThat(fixture.client.withToken(null).method("DELETE", "/api/images/" + image.id()).statusCode()).isEqualTo(401);
      var refused = fixture.client.withToken(phone).method("DELETE", "/api/images/" + image.id());
      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(ApiClient.json(refused).get("error").get("code").asText()).isEqualTo("admin_only");
      assertThat(fixture.client.withToken(phone).get("/api/admin/trash").statusCode()).isEqualTo(403);
      assertThat(fixture.frame.ports().library().image(image.id()).id()).isEqualTo(image.id());
    }
  }
}
