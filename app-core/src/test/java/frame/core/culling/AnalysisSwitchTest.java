package frame.core.culling;

import static frame.core.testing.TestImages.detailedPhoto;
import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import frame.core.Frame;
import frame.core.api.culling.ImageMarks;
import frame.core.api.imports.IngestResult;
import frame.core.api.jobs.Job;
import frame.core.api.jobs.JobQuery;
import frame.core.api.jobs.JobState;
import frame.core.api.jobs.JobType;
import frame.core.api.library.Image;
import frame.core.testing.FrameFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data folder's culling.properties turns culling's analysis off and on again, on a real
 * library; and the analysis reads only the preview: with the originals gone or spoilt after the
 * previews were made, the analysis jobs still succeed.
 */
class AnalysisSwitchTest {
  @TempDir Path dataDir;
  @TempDir Path card;

  @Test
  void off_queues_no_analysis_and_on_again_queues_it_for_the_photos_that_lack_it() throws Exception {
    Files.writeString(dataDir.resolve("culling.properties"), "analysis=off\n");
    long third;
    try (Frame frame = FrameFixture.open(dataDir)) {
      assertThat(frame.ports().culling().analysisOn()).isFalse();
      Image a = stored(frame, "a.jpg", 1);
      Image b = stored(frame, "b.jpg", 2);
      FrameFixture.awaitAllFinal(frame, Duration.ofSeconds(60));
      assertThat(analysisJobs(frame, a.id())).as("off: no analysis at import").isEmpty();
      assertThat(analysisJobs(frame, b.id())).isEmpty();

      assertThat(frame.ports().culling().setAnalysis(true)).as("photos queued").isEqualTo(2);
      awaitMeasured(frame, a.id());
      awaitMeasured(frame, b.id());
      assertThat(Files.readString(dataDir.resolve("culling.properties"))).contains("analysis=on");
      assertThat(frame.ports().culling().setAnalysis(true)).as("nothing lacks it any more").isZero();

      assertThat(frame.ports().culling().setAnalysis(false)).isZero();
      third = stored(frame, "c.jpg", 3).id();
      FrameFixture.awaitAllFinal(frame, Duration.ofSeconds(60));
      assertThat(analysisJobs(frame, third)).isEmpty();
    }
    // edited back by hand while FRAME was closed: the next start queues what lacks it
    Files.writeString(dataDir.resolve("culling.properties"), "analysis=on\n");
    try (Frame frame = FrameFixture.open(dataDir)) {
      awaitMeasured(frame, third);
      assertThat(analysisJobs(frame, third)).extracting(Job::type)
          .containsExactlyInAnyOrder(JobType.PERCEPTUAL_HASH, JobType.SHARPNESS);
    }
  }

  @Test
  void a_value_other_than_on_or_off_is_a_clear_error_naming_the_file() throws Exception {
    Files.writeString(dataDir.resolve("culling.properties"), "analysis=maybe\n");
    assertThatThrownBy(() -> FrameFixture.open(dataDir).close())
        .hasMessageContaining("culling.properties").hasMessageContaining("on or off").hasMessageContaining("maybe");
    assertThat(Files.readString(dataDir.resolve("culling.properties"))).isEqualTo("analysis=maybe\n");
  }

  @Test
  void analysis_succeeds_from_the_preview_with_the_original_gone_or_spoilt() throws Exception {
    Files.writeString(dataDir.resolve("culling.properties"), "analysis=off\n");
    try (Frame frame = FrameFixture.open(dataDir)) {
      Image gone = stored(frame, "gone.jpg", 4);
      Image spoilt = stored(frame, "spoilt.jpg", 5);
      FrameFixture.awaitAllFinal(frame, Duration.ofSeconds(60));
      assertThat(Files.isRegularFile(frame.ports().library().files(gone).existingPreview().orElseThrow())).isTrue();
      // the previews are made; now the originals are freed, or spoilt on disk
      Files.delete(frame.ports().library().files(gone).original());
      Path original = frame.ports().library().files(spoilt).original();
      original.toFile().setWritable(true);
      Files.write(original, new byte[] {1, 2, 3});

      frame.ports().culling().setAnalysis(true);

      for (Image image : List.of(gone, spoilt)) {
        awaitMeasured(frame, image.id());
        assertThat(analysisJobs(frame, image.id())).allSatisfy(job -> assertThat(job.state()).isEqualTo(JobState.COMPLETED));
      }
      assertThat(Files.exists(frame.ports().library().files(gone).original())).as("not fetched back").isFalse();
    }
  }

  private Image stored(Frame frame, String name, long seed) {
    Path file = write(card, name, jpeg(detailedPhoto(900, 600, seed)));
    return ((IngestResult.Stored) frame.ports().imports().importFile(file)).image();
  }

  private static List<Job> analysisJobs(Frame frame, long imageId) {
    return frame.ports().jobs().list(JobQuery.forImage(imageId)).stream().filter(j -> j.type().isAnalysis()).toList();
  }

  private static void awaitMeasured(Frame frame, long imageId) {
    await("analysed " + imageId).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
      ImageMarks marks = frame.ports().culling().marks(List.of(imageId)).get(imageId);
      return marks.sharpness() != null && analysisJobs(frame, imageId).size() == 2
          && analysisJobs(frame, imageId).stream().allMatch(j -> j.state() == JobState.COMPLETED);
    });
  }
}
