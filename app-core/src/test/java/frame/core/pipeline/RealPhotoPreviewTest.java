package frame.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import frame.core.api.library.ImageFormat;
import frame.core.media.DecodeBudget;
import frame.core.media.DecodedImage;
import frame.core.media.ImageDecoder;
import frame.core.media.Renditions;
import frame.core.testing.PixelDifference;
import frame.core.testing.SampleFiles;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * On real camera and phone photos (../shared/samples/photos, skipped when absent), the preview
 * FRAME makes (scaled decode, area-averaged to 2000 px, converted to sRGB) is within a small
 * RMSE of the reference: ImageIO decoding the whole photo (applying its ICC profile) then
 * area-averaged to the same size. Before orientation, which both sides would apply alike.
 */
class RealPhotoPreviewTest {
  static final double MAX_RMSE = 6;

  @Test
  void every_sample_photo_preview_is_close_to_an_area_averaged_full_decode() throws Exception {
    Optional<Path> folder = SampleFiles.folder("photos");
    assumeTrue(folder.isPresent(), "../shared/samples/photos is not here");
    ImageDecoder decoder = new ImageDecoder(Long.MAX_VALUE, new DecodeBudget(200, Duration.ofMinutes(2)));
    List<Path> photos = SampleFiles.files(folder.get());
    assertThat(photos).isNotEmpty();
    for (Path photo : photos) {
      DecodedImage working = WorkingImages.working(decoder.decode(photo, ImageFormat.JPEG, Renditions.PREVIEW_LONGEST_SIDE));
      BufferedImage preview = Renditions.fit(working.pixels(), Renditions.PREVIEW_LONGEST_SIDE);
      BufferedImage full = ImageIO.read(photo.toFile());
      BufferedImage reference = PixelDifference.areaAverage(full, preview.getWidth(), preview.getHeight());
      PixelDifference difference = PixelDifference.of(preview, reference);
      double rmse = 255 / Math.pow(10, difference.psnr() / 20);
      System.out.printf("%s: RMSE %.2f, %s%n", photo.getFileName(), rmse, difference);
      assertThat(rmse).as("%s: %s", photo.getFileName(), difference).isLessThan(MAX_RMSE);
      for (double shift : difference.meanShift()) assertThat(Math.abs(shift)).as("%s colour shift", photo.getFileName()).isLessThan(2);
    }
  }
}
