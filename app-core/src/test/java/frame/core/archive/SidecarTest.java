package frame.core.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import frame.core.api.culling.ColorLabel;
import frame.core.api.culling.Flag;
import frame.core.api.culling.ShootSource;
import frame.core.api.library.Image;
import frame.core.api.library.ImageFormat;
import frame.core.api.library.ImageState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The sidecar beside each archived original: what it carries, and the first format still read. */
class SidecarTest {
  private static final String SHA = "ab".repeat(32);
  private static final Image IMAGE = new Image(7, SHA, ImageState.STORED, ImageFormat.JPEG, 4000, 3000, 123_456,
      "IMG_0042.JPG", "2024-05-01T10:22:33", "Canon", "EOS R5", null, Instant.parse("2024-05-02T08:00:00Z"),
      Instant.parse("2024-05-02T08:00:01Z"));

  @Test
  void a_sidecar_carries_shoot_stars_flag_label_and_removal_and_reads_back_the_same() {
    Instant shootStart = Instant.parse("2024-05-02T07:59:00Z");
    Instant removed = Instant.parse("2024-06-01T12:00:00Z");
    byte[] json = Sidecar.of(IMAGE, new Sidecar.Marks(4, Flag.PICK, ColorLabel.RED,
        new ArchivedPhoto.ArchivedShoot("Wedding", ShootSource.FOLDER, shootStart), removed));

    ArchivedPhoto read = Sidecar.read(json);

    assertThat(read).isEqualTo(new ArchivedPhoto(SHA, "IMG_0042.JPG", ImageFormat.JPEG, 123_456, 4000, 3000,
        "2024-05-01T10:22:33", "Canon", "EOS R5", Instant.parse("2024-05-02T08:00:00Z"),
        new ArchivedPhoto.ArchivedShoot("Wedding", ShootSource.FOLDER, shootStart), 4, Flag.PICK, ColorLabel.RED,
        removed));
    assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"flag\" : \"pick\"").contains("\"label\" : \"red\"");
  }

  @Test
  void a_sidecar_of_the_first_format_is_read_without_shoot_or_marks() {
    String first = """
        {"frameSidecar": 1, "sha256": "%s", "originalName": "IMG_0042.JPG", "format": "JPEG", "size": 123456,
         "width": 4000, "height": 3000, "takenAt": "2024-05-01T10:22:33", "cameraMake": "Canon",
         "cameraModel": "EOS R5", "importedAt": "2024-05-02T08:00:00Z", "shoot": null, "ratings": null}
        """.formatted(SHA);

    ArchivedPhoto read = Sidecar.read(first.getBytes(StandardCharsets.UTF_8));

    assertThat(read.shoot()).isNull();
    assertThat(read.rating()).isZero();
    assertThat(read.flag()).isNull();
    assertThat(read.removed()).isFalse();
    assertThat(read.originalName()).isEqualTo("IMG_0042.JPG");
  }

  @Test
  void a_broken_or_foreign_sidecar_is_refused_with_the_reason() {
    assertThatThrownBy(() -> Sidecar.read("{\"frameSidecar\": 2, \"sha2".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JSON");
    assertThatThrownBy(() -> Sidecar.read("{\"sha256\": \"x\"}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a FRAME sidecar");
    assertThatThrownBy(() -> Sidecar.read(("{\"frameSidecar\": 2, \"sha256\": \"" + SHA
        + "\", \"ratings\": {\"rating\": 9}}").getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rating of 9");
  }
}
