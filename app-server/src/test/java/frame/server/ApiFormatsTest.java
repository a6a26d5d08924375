package frame.server;

import static frame.server.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import frame.core.api.library.ImageFormat;
import frame.core.media.Codecs;
import frame.core.testing.HeifFixtures;
import frame.core.testing.RawFiles;
import frame.core.testing.TestImages;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The upload API takes HEIC and RAW like any photo: thumbnails made, originals served with their real type. */
class ApiFormatsTest extends ServerPerTest {
  @Test
  void an_uploaded_heic_gets_its_thumbnail_and_its_original_is_served_as_image_heic() {
    assumeTrue(heicDecodes(), "FRAME decodes no HEIC here (libheif missing or hidden): the branch without it runs instead");
    System.out.println("ApiFormatsTest: libheif decodes here, so an uploaded HEIC must come out PROCESSED");
    byte[] heic = heic();
    long id = uploadedHeic(heic);

    assertThat(awaitFinal(id).get("status").asText()).isEqualTo("PROCESSED");
    HttpResponse<byte[]> thumb = api.get("/api/images/" + id + "/thumbnail/256");
    assertThat(thumb.statusCode()).isEqualTo(200);
    HttpResponse<byte[]> original = api.get("/api/images/" + id + "/original");
    assertThat(original.headers().firstValue("Content-Type")).hasValue("image/heic");
    assertThat(original.body()).isEqualTo(heic);
  }

  @Test
  void without_libheif_an_uploaded_heic_is_kept_and_fails_saying_what_to_install() {
    assumeFalse(heicDecodes(), "FRAME decodes HEIC here: the branch with libheif runs instead");
    System.out.println("ApiFormatsTest: no libheif decoder here, so an uploaded HEIC must fail saying what to install");
    byte[] heic = heic();
    long id = uploadedHeic(heic);

    JsonNode done = awaitFinal(id);
    assertThat(done.get("status").asText()).isEqualTo("FAILED");
    assertThat(done.get("failureReason").asText()).contains("HEIC needs libheif");
    assertThat(api.get("/api/images/" + id + "/original").body()).as("the original is kept").isEqualTo(heic);
  }

  private static boolean heicDecodes() {
    return Codecs.forFormat(ImageFormat.HEIC).decodes();
  }

  /** Made by libheif's own encoder, which the test loads even where FRAME's codec is hidden. */
  private static byte[] heic() {
    HeifFixtures heif = HeifFixtures.available(HeifFixtures.Codec.HEVC).orElse(null);
    assumeTrue(heif != null, "libheif with x265 makes the HEIC");
    return heif.encodeShowingUpright(TestImages.quadrants(640, 480), HeifFixtures.Codec.HEVC, 6, null);
  }

  private long uploadedHeic(byte[] heic) {
    HttpResponse<byte[]> created = api.upload("IMG_4242.HEIC", heic);
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode image = json(created).get("image");
    assertThat(image.get("format").asText()).isEqualTo("HEIC");
    assertThat(image.get("mediaType").asText()).isEqualTo("image/heic");
    return image.get("id").asLong();
  }

  @Test
  void an_uploaded_dng_is_shown_through_its_preview_and_says_when_that_is_small() throws Exception {
    byte[] preview = TestImages.jpeg(TestImages.quadrants(1200, 800));
    byte[] dng = RawFiles.tiff(RawFiles.ifd().tag(0xC612, new byte[] {1, 4, 0, 0}).tag(0x10F, "Canon")
        .tag(0x110, "Canon EOS 6D").tag(0x103, 7).tag(0x106, 6).strip(preview)
        .exif(RawFiles.ifd().tag(0x9003, "2019:06:06 07:29:51").tag(0x9011, "+02:00")));

    long id = json(api.upload("IMG_0001.DNG", dng)).get("image").get("id").asLong();
    assertThat(awaitFinal(id).get("status").asText()).isEqualTo("PROCESSED");

    HttpResponse<byte[]> shown = api.get("/api/images/" + id + "/preview");
    assertThat(ImageIO.read(new ByteArrayInputStream(shown.body())).getWidth()).isEqualTo(1200);
    JsonNode details = json(api.get("/api/images/" + id));
    assertThat(details.get("previewNote").asText()).contains("1200 x 800");
    assertThat(details.get("camera").asText()).as("the make is not repeated").isEqualTo("Canon EOS 6D");
    assertThat(details.get("dateTaken").asText()).isEqualTo("6 Jun 2019, 07:29:51 +02:00");
    HttpResponse<byte[]> original = api.get("/api/images/" + id + "/original");
    assertThat(original.headers().firstValue("Content-Type")).hasValue("image/x-adobe-dng");
    assertThat(original.body()).isEqualTo(dng);
  }

  private JsonNode awaitFinal(long id) {
    return await().atMost(Duration.ofMinutes(1)).until(() -> json(api.get("/api/images/" + id)).get("image"),
        image -> image.get("status").asText().matches("PROCESSED|FAILED"));
  }
}
