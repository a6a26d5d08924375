package frame.core.pipeline;

import frame.core.media.turbo.TurboJpeg;
import static frame.core.testing.TestImages.encode;
import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static frame.core.testing.TestImages.write;
import static org.assertj.core.api.Assertions.assertThat;

import frame.core.Frame;
import frame.core.api.ImageDetails;
import frame.core.api.imports.ImportSources;
import frame.core.api.library.Image;
import frame.core.api.library.ImageFormat;
import frame.core.api.library.ImageState;
import frame.core.api.imports.IngestResult;
import frame.core.api.jobs.JobState;
import frame.core.api.jobs.JobType;
import frame.core.testing.ExifBuilder;
import frame.core.testing.FrameFixture;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class PipelineEndToEndTest {
  @TempDir Path dataDir;
  @TempDir Path photos;

  @Test
  void imported_folder_of_mixed_formats_is_fully_processed() throws IOException {
    write(photos, "camera.jpg", new ExifBuilder().camera("FRAME", "Test Body").dateTaken("2024:05:01 10:22:33")
        .exposure(28, 400, 35).into(jpeg(photo(3000, 2000, 1))));
    write(photos, "nested/portrait.jpg", jpeg(photo(1200, 1800, 2)));
    write(photos, "screen.png", encode(photo(640, 480, 3), "png"));
    write(photos, "anim.gif", encode(photo(300, 200, 4), "gif"));
    write(photos, "scan.bmp", encode(photo(200, 300, 5), "bmp"));
    write(photos, "film.tif", encode(photo(1000, 800, 6), "tiff"));
    write(photos, "gray.jpg", jpeg(gray(800, 600)));
    write(photos, "deep.png", encode(sixteenBit(500, 400), "png"));
    write(photos, "small.webp", webp());

    try (Frame frame = FrameFixture.open(dataDir)) {
      List<IngestResult> results = ImportSources.expand(List.of(photos)).stream().map(frame.ports().imports()::importFile).toList();
      assertThat(results).allMatch(r -> r instanceof IngestResult.Stored);

      List<Image> images = FrameFixture.awaitAllFinal(frame, Duration.ofSeconds(90));
      assertThat(images).hasSize(9).allMatch(i -> i.state() == ImageState.PROCESSED);
      Map<String, Image> byName = images.stream().collect(Collectors.toMap(Image::originalName, i -> i));

      // culling's analysis jobs (where they run) follow the preview at background priority
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() ->
          frame.ports().jobs().countsByState().getOrDefault(JobState.PENDING, 0L)
              + frame.ports().jobs().countsByState().getOrDefault(JobState.RUNNING, 0L) == 0);
      for (Image image : images) {
        ImageDetails details = frame.ports().library().details(image.id());
        for (int size : new int[] {64, 128, 256, 512}) {
          BufferedImage thumb = ImageIO.read(details.files().thumbnail(size).orElseThrow().toFile());
          assertThat(thumb.getWidth()).as("%s thumb %d", image.originalName(), size).isEqualTo(size);
          assertThat(thumb.getHeight()).isEqualTo(size);
        }
        assertThat(details.jobs()).extracting(j -> j.state()).containsOnly(JobState.COMPLETED);
        java.util.List<JobType> steps = new java.util.ArrayList<>(java.util.List.of(JobType.OFFLOAD_ORIGINAL,
            JobType.THUMBNAIL_GENERATION, JobType.PREVIEW_GENERATION, JobType.EXIF_ENRICHMENT));
        // culling's analysis: measured by the preview's job from the preview in memory where
        // libjpeg-turbo made it, else by its two jobs from the file
        if (TurboJpeg.available().isEmpty()) steps.addAll(JobType.ANALYSIS);
        assertThat(details.jobs()).extracting(j -> j.type()).containsExactlyInAnyOrderElementsOf(steps);
        assertThat(frame.ports().culling().marks(java.util.List.of(image.id())).get(image.id()).sharpness())
            .as("%s measured", image.originalName()).isNotNull();
        assertThat(details.exif()).isPresent();
        assertThat(Files.size(details.files().original())).isEqualTo(image.byteSize());
      }
      assertPreview(frame, byName.get("camera.jpg"), 2000, 1333);
      assertPreview(frame, byName.get("portrait.jpg"), 1200, 1800); // never upscaled
      assertPreview(frame, byName.get("screen.png"), 640, 480);
      assertPreview(frame, byName.get("scan.bmp"), 200, 300);
      assertPreview(frame, byName.get("small.webp"), 240, 160);
      assertThat(byName.get("small.webp").format()).isEqualTo(ImageFormat.WEBP);
    }
  }

  @Test
  void camera_metadata_is_kept_as_columns_and_as_json() {
    write(photos, "camera.jpg", new ExifBuilder().camera("FRAME", "Test Body").dateTaken("2024:05:01 10:22:33")
        .exposure(28, 400, 35).into(jpeg(photo(600, 400, 7))));
    try (Frame frame = FrameFixture.open(dataDir)) {
      Image stored = ((IngestResult.Stored) frame.ports().imports().importFile(photos.resolve("camera.jpg"))).image();
      assertThat(stored.cameraMake()).isEqualTo("FRAME");
      assertThat(stored.takenAt()).isEqualTo("2024-05-01T10:22:33");
      FrameFixture.awaitAllFinal(frame, Duration.ofSeconds(30));

      var exif = frame.ports().library().details(stored.id()).exif().orElseThrow();
      assertThat(exif.cameraModel()).isEqualTo("Test Body");
      assertThat(exif.fNumber()).isEqualTo(2.8);
      assertThat(exif.iso()).isEqualTo(400);
      assertThat(exif.focalLength()).isEqualTo(35.0);
      assertThat(exif.directoriesJson()).contains("\"Exif IFD0\"").contains("Test Body");
    }
  }

  private static void assertPreview(Frame frame, Image image, int width, int height) throws IOException {
    BufferedImage preview = ImageIO.read(frame.ports().library().files(image).existingPreview().orElseThrow().toFile());
    assertThat(preview.getWidth()).as("%s preview width", image.originalName()).isEqualTo(width);
    assertThat(preview.getHeight()).as("%s preview height", image.originalName()).isEqualTo(height);
  }

  /** The one committed test image: no WebP encoder runs on the JVM. */
  public static byte[] webp() {
    try (var in = PipelineEndToEndTest.class.getResourceAsStream("/photos/small.webp")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static BufferedImage gray(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    image.getGraphics().drawImage(photo(width, height, 9), 0, 0, null);
    return image;
  }

  private static BufferedImage sixteenBit(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_USHORT_GRAY);
    image.getGraphics().drawImage(photo(width, height, 10), 0, 0, null);
    return image;
  }
}
