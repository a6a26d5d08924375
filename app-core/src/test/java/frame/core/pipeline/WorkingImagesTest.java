package frame.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import frame.core.api.library.Image;
import frame.core.api.library.ImageFormat;
import frame.core.api.library.ImageState;
import frame.core.media.DecodeBudget;
import frame.core.media.DecodedImage;
import frame.core.media.ImageDecoder;
import frame.core.testing.PixelDifference;
import frame.core.testing.TestImages;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkingImagesTest {
  @TempDir Path dir;
  final ImageDecoder decoder = new ImageDecoder(Long.MAX_VALUE, new DecodeBudget(100, Duration.ofSeconds(30)));

  @Test
  void preview_and_thumbnail_jobs_of_one_photo_share_one_decode() {
    Path file = TestImages.write(dir, "a.jpg", TestImages.jpeg(TestImages.photo(3000, 2000, 1)));
    WorkingImages working = new WorkingImages(decoder);

    DecodedImage first = working.of(image("a".repeat(64), 3000, 2000), file);
    DecodedImage second = working.of(image("a".repeat(64), 3000, 2000), file);

    assertThat(second).isSameAs(first);
    assertThat(first.pixels().getWidth()).isEqualTo(2000);
    assertThat(working.of(image("a".repeat(64), 3000, 2000), file)).as("after both used it, a new decode").isNotSameAs(first);
  }

  @Test
  void working_image_is_the_same_whether_shared_or_decoded_alone_so_reruns_match() {
    Path file = TestImages.write(dir, "b.jpg", TestImages.jpeg(TestImages.photo(3000, 2000, 2)));
    WorkingImages both = new WorkingImages(decoder);
    DecodedImage first = both.of(image("b".repeat(64), 3000, 2000), file);
    DecodedImage shared = both.of(image("b".repeat(64), 3000, 2000), file);
    assertThat(shared).as("the second job was handed the first one's decode").isSameAs(first);
    DecodedImage alone = new WorkingImages(decoder).of(image("b".repeat(64), 3000, 2000), file);
    assertThat(alone).as("a rerun decodes by itself").isNotSameAs(shared);

    assertThat(alone.pixels().getWidth()).isEqualTo(shared.pixels().getWidth());
    assertThat(alone.pixels().getHeight()).isEqualTo(shared.pixels().getHeight());
    assertThat(PixelDifference.of(alone.pixels(), shared.pixels()).worst()).as("every pixel the same").isZero();
  }

  @Test
  void a_panorama_keeps_enough_height_for_a_sharp_512_square() {
    Path file = TestImages.write(dir, "pano.jpg", TestImages.jpeg(TestImages.photo(8000, 1000, 3)));
    DecodedImage working = new WorkingImages(decoder).of(image("c".repeat(64), 8000, 1000), file);
    assertThat(working.pixels().getHeight()).isGreaterThanOrEqualTo(512);
  }

  private static Image image(String sha256, int width, int height) {
    return new Image(1, sha256, ImageState.PROCESSING, ImageFormat.JPEG, width, height, 0, "x.jpg", null, null, null,
        null, Instant.EPOCH, Instant.EPOCH);
  }
}
