package frame.server;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static frame.server.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import frame.core.testing.FrameFixture;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every job in the admin list and detail says which photo it is about. */
class JobPhotoApiTest {
  @TempDir Path dataDir;

  @Test
  void jobs_carry_their_photo_when_it_is_processed_and_when_it_failed() throws Exception {
    try (ServerFixture fixture = new ServerFixture(dataDir)) {
      ApiClient api = fixture.client;
      long good = json(api.upload("IMG_0001.JPG", jpeg(photo(1200, 800, 1)))).get("image").get("id").asLong();
      byte[] whole = jpeg(photo(1000, 700, 2));
      long broken = json(api.upload("half.jpg", Arrays.copyOf(whole, whole.length / 2))).get("image").get("id").asLong();
      FrameFixture.awaitAllFinal(fixture.frame, Duration.ofSeconds(60));

      JsonNode processed = onlyThumbnailJob(api, good);
      assertThat(processed.get("status").asText()).isEqualTo("COMPLETED");
      JsonNode photo = processed.get("image");
      assertThat(photo.get("id").asLong()).isEqualTo(good);
      assertThat(photo.get("originalName").asText()).isEqualTo("IMG_0001.JPG");
      assertThat(photo.get("status").asText()).isEqualTo("PROCESSED");
      assertThat(photo.get("format").asText()).isEqualTo("JPEG");
      assertThat(photo.get("width").asInt()).isEqualTo(1200);
      assertThat(photo.get("height").asInt()).isEqualTo(800);
      String thumbnail = photo.get("thumbnailUrl").asText();
      assertThat(thumbnail).isEqualTo("/api/images/" + good + "/thumbnail/128");
      var picture = ImageIO.read(new ByteArrayInputStream(api.get(thumbnail).body()));
      assertThat(Math.max(picture.getWidth(), picture.getHeight())).isEqualTo(128);

      JsonNode failed = onlyThumbnailJob(api, broken);
      assertThat(failed.get("status").asText()).isEqualTo("FAILED");
      JsonNode failedPhoto = failed.get("image");
      assertThat(failedPhoto.get("originalName").asText()).isEqualTo("half.jpg");
      assertThat(failedPhoto.get("status").asText()).isEqualTo("FAILED");
      assertThat(failedPhoto.get("format").asText()).isEqualTo("JPEG");
      assertThat(failedPhoto.get("width").asInt()).isEqualTo(1000);
      assertThat(failedPhoto.get("thumbnailUrl").isNull()).as("no thumbnail was made").isTrue();

      JsonNode detail = json(api.get("/api/admin/jobs/" + failed.get("id").asLong()));
      assertThat(detail.get("image")).isEqualTo(failedPhoto);
      assertThat(detail.get("history")).isNotEmpty();
      JsonNode processedDetail = json(api.get("/api/admin/jobs/" + processed.get("id").asLong()));
      assertThat(processedDetail.get("image")).isEqualTo(photo);
    }
  }

  @Test
  void a_job_whose_photo_is_in_the_trash_still_names_it_and_says_so() throws Exception {
    try (ServerFixture fixture = new ServerFixture(dataDir)) {
      ApiClient api = fixture.client;
      long id = json(api.upload("reject.jpg", jpeg(photo(900, 600, 3)))).get("image").get("id").asLong();
      FrameFixture.awaitAllFinal(fixture.frame, Duration.ofSeconds(60));
      assertThat(api.method("DELETE", "/api/images/" + id).statusCode()).isEqualTo(200);

      JsonNode photo = onlyThumbnailJob(api, id).get("image");
      assertThat(photo.get("id").asLong()).isEqualTo(id);
      assertThat(photo.get("originalName").asText()).isEqualTo("reject.jpg");
      assertThat(photo.get("inTrash").asBoolean()).isTrue();
      assertThat(photo.get("thumbnailUrl").isNull()).as("no link into the trash").isTrue();
    }
  }

  private static JsonNode onlyThumbnailJob(ApiClient api, long imageId) {
    JsonNode items = json(api.get("/api/admin/jobs?type=THUMBNAIL_GENERATION&imageId=" + imageId)).get("items");
    assertThat(items).hasSize(1);
    return items.get(0);
  }
}
