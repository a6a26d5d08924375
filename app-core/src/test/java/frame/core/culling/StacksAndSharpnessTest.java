package frame.core.culling;

import static frame.core.testing.TestImages.detailedPhoto;
import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import frame.core.Frame;
import frame.core.FrameTestAccess;
import frame.core.api.culling.ImageMarks;
import frame.core.api.culling.LookAlike;
import frame.core.api.library.Image;
import frame.core.api.library.ImageFormat;
import frame.core.api.imports.IngestResult;
import frame.core.api.jobs.JobState;
import frame.core.testing.Bursts;
import frame.core.testing.FrameFixture;
import frame.core.testing.RawFiles;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bursts, near-duplicates and RAW+JPEG pairs made by the test, through the real pipeline: the
 * analysis jobs hash and measure the previews, and the photos that belong together are stacked.
 */
class StacksAndSharpnessTest {
  @TempDir Path dataDir;
  @TempDir Path card;

  @Test
  void a_burst_of_shifted_blurred_and_re_encoded_frames_is_one_stack_with_the_sharpest_on_top() {
    BufferedImage scene = detailedPhoto(1200, 800, 1);
    try (Frame frame = FrameFixture.open(dataDir)) {
      Image sharp = shot(frame, "IMG_0001.jpg", scene, "2024:05:02 10:00:00");
      Image shifted = shot(frame, "IMG_0002.jpg", Bursts.shifted(scene, 14), "2024:05:02 10:00:01");
      Image blurred = shot(frame, "IMG_0003.jpg", Bursts.blurred(scene), "2024:05:02 10:00:01");
      Image reencoded = shot(frame, "IMG_0004.jpg", decode(jpeg(scene)), "2024:05:02 10:00:02");
      Image other = shot(frame, "IMG_0005.jpg", detailedPhoto(1200, 800, 99), "2024:05:02 10:00:02");
      Map<Long, ImageMarks> marks = analysed(frame);

      Long stack = marks.get(sharp.id()).stack();
      assertThat(stack).isNotNull();
      assertThat(List.of(shifted, blurred, reencoded)).allSatisfy(i -> assertThat(marks.get(i.id()).stack()).isEqualTo(stack));
      assertThat(marks.get(other.id()).stack()).isNull();
      assertThat(marks.get(blurred.id()).sharpness()).isLessThan(marks.get(sharp.id()).sharpness() / 2);
      List<ImageMarks> sharpestFirst = frame.ports().culling().stack(stack);
      assertThat(sharpestFirst).hasSize(4);
      assertThat(sharpestFirst.getLast().imageId()).isEqualTo(blurred.id());
      assertThat(marks.get(blurred.id()).stackTop()).isEqualTo(sharpestFirst.getFirst().imageId());
      assertThat(sharpestFirst.getFirst().imageId()).isNotEqualTo(blurred.id());
    }
  }

  @Test
  void the_photographer_s_choice_of_top_stays() {
    BufferedImage scene = detailedPhoto(1000, 700, 3);
    try (Frame frame = FrameFixture.open(dataDir)) {
      shot(frame, "A.jpg", scene, "2024:05:02 11:00:00");
      Image soft = shot(frame, "B.jpg", Bursts.blurred(scene), "2024:05:02 11:00:01");
      analysed(frame);

      ImageMarks chosen = frame.ports().culling().chooseStackTop(soft.id());

      assertThat(chosen.stackTop()).isEqualTo(soft.id());
      Image third = shot(frame, "C.jpg", scene, "2024:05:02 11:00:02");
      Map<Long, ImageMarks> marks = analysed(frame);
      assertThat(marks.get(third.id()).stack()).isEqualTo(chosen.stack());
      assertThat(marks.get(third.id()).stackTop()).isEqualTo(soft.id());
    }
  }

  @Test
  void a_raw_and_its_jpeg_of_one_shot_are_stacked_by_name_and_time() {
    try (Frame frame = FrameFixture.open(dataDir)) {
      byte[] preview = jpeg(detailedPhoto(1200, 800, 5));
      // the same base name and capture time; the JPEG is a different picture (an in-camera crop and style)
      Image raw = stored(frame, write(card, "IMG_0100.DNG", RawFiles.container(ImageFormat.DNG, preview, 1, "EOS 6D")));
      Image twin = shot(frame, "IMG_0100.JPG", detailedPhoto(800, 800, 6), "2024:05:01 10:22:33");
      Image stranger = shot(frame, "IMG_0101.JPG", detailedPhoto(800, 800, 7), "2024:05:01 10:22:33");
      Map<Long, ImageMarks> marks = analysed(frame);

      assertThat(raw.format()).isEqualTo(ImageFormat.DNG);
      assertThat(marks.get(raw.id()).stack()).isNotNull().isEqualTo(marks.get(twin.id()).stack());
      assertThat(marks.get(stranger.id()).stack()).isNull();
    }
  }

  @Test
  void a_near_duplicate_of_another_day_is_found_across_the_library() {
    BufferedImage scene = detailedPhoto(1000, 700, 8);
    try (Frame frame = FrameFixture.open(dataDir)) {
      Image original = shot(frame, "IMG_0042.jpg", scene, "2024:05:02 09:00:00");
      Image copy = stored(frame, write(card, "shared.jpg", jpeg(resize(scene, 700, 490))));
      shot(frame, "unrelated.jpg", detailedPhoto(1000, 700, 9), "2024:05:02 09:00:00");
      Map<Long, ImageMarks> marks = analysed(frame);

      assertThat(marks.get(copy.id()).stack()).isNull();
      List<LookAlike> alikes = frame.ports().culling().lookAlikes(copy.id());
      assertThat(alikes).extracting(LookAlike::imageId).containsExactly(original.id());
      assertThat(alikes.getFirst().describe()).isEqualTo("looks like IMG_0042.jpg of 2024-05-02");
    }
  }

  private Map<Long, ImageMarks> analysed(Frame frame) {
    List<Image> images = FrameFixture.awaitAllFinal(frame, Duration.ofSeconds(60));
    await("analysis done").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
      Map<JobState, Long> counts = frame.ports().jobs().countsByState();
      return counts.getOrDefault(JobState.PENDING, 0L) + counts.getOrDefault(JobState.RUNNING, 0L) == 0;
    });
    return frame.ports().culling().marks(images.stream().map(Image::id).toList());
  }

  private Image shot(Frame frame, String name, BufferedImage picture, String taken) {
    return stored(frame, Bursts.shot(card, name, picture, taken));
  }

  private static Image stored(Frame frame, Path file) {
    return ((IngestResult.Stored) frame.ports().imports().importFile(file)).image();
  }

  private static BufferedImage resize(BufferedImage image, int w, int h) {
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.drawImage(image, 0, 0, w, h, null);
    g.dispose();
    return out;
  }

  private static BufferedImage decode(byte[] jpeg) {
    try {
      return javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(jpeg));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
