package frame.server;

import static frame.server.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import frame.core.api.library.ImageFormat;
import frame.core.media.Codecs;
import frame.core.testing.HeifFixtures;
import frame.core.testing.RawFiles;
import frame.core.testing.TestImages;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The upload API takes HEIC and RAW like any photo: thumbnails made, originals served with their real type. */
class ApiFormatsTest {
  @TempDir Path dataDir;
  ServerFixture fixture;
  ApiClient api;

  @BeforeEach
  void start() {
    fixture = new ServerFixture(dataDir);
    api = fixture.client;
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void an_uploaded_heic_gets_its_thumbnail_and_its_original_is_served_as_image_heic() {
    HeifFixtures heif = HeifFixtures.available(HeifFixtures.Codec.HEVC).orElse(null);
    assumeTrue(heif != null, "libheif with x265 makes the HEIC");
    byte[] heic = heif.encodeShowingUpright(TestImages.quadrants(640, 480), HeifFixtures.Codec.HEVC, 6, null);

    HttpResponse<byte[]> created = api.upload("IMG_4242.HEIC", heic);
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode image = json(created).get("image");
    long id = image.get("id").asLong();
    assertThat(image.get("format").asText()).isEqualTo("HEIC");
    assertThat(image.get("mediaType").asText()).isEqualTo("image/heic");

    JsonNode done = awaitFinal(id);
    if (!Codecs.forFormat(ImageFormat.HEIC).orElseThrow().decodes()) {
      assertThat(done.get("status").asText()).isEqualTo("FAILED");
      assertThat(done.get("failureReason").asText()).contains("HEIC needs libheif");
      return;
    }
    assertThat(done.get("status").asText()).isEqualTo("PROCESSED");
    HttpResponse<byte[]> thumb = api.get("/api/images/" + id + "/thumbnail/256");
    assertThat(thumb.statusCode()).isEqualTo(200);
    HttpResponse<byte[]> original = api.get("/api/images/" + id + "/original");
    assertThat(original.headers().firstValue("Content-Type")).hasValue("image/heic");
    assertThat(original.body()).isEqualTo(heic);
  }

  @Test
  void an_uploaded_dng_is_shown_through_its_preview_and_says_when_that_is_small() throws Exception {
    byte[] preview = TestImages.jpeg(TestImages.quadrants(1200, 800));
    byte[] dng = RawFiles.tiff(RawFiles.ifd().tag(0xC612, new byte[] {1, 4, 0, 0}).tag(0x10F, "Canon")
        .tag(0x110, "Canon EOS 6D").tag(0x103, 7).tag(0x106, 6).strip(preview));

    long id = json(api.upload("IMG_0001.DNG", dng)).get("image").get("id").asLong();
    assertThat(awaitFinal(id).get("status").asText()).isEqualTo("PROCESSED");

    HttpResponse<byte[]> shown = api.get("/api/images/" + id + "/preview");
    assertThat(ImageIO.read(new ByteArrayInputStream(shown.body())).getWidth()).isEqualTo(1200);
    assertThat(json(api.get("/api/images/" + id)).get("previewNote").asText()).contains("1200 x 800");
    HttpResponse<byte[]> original = api.get("/api/images/" + id + "/original");
    assertThat(original.headers().firstValue("Content-Type")).hasValue("image/x-adobe-dng");
    assertThat(original.body()).isEqualTo(dng);
  }

  private JsonNode awaitFinal(long id) {
    return await().atMost(Duration.ofMinutes(1)).until(() -> json(api.get("/api/images/" + id)).get("image"),
        image -> image.get("status").asText().matches("PROCESSED|FAILED"));
  }
}
