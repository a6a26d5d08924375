package frame.core.culling;

import static frame.core.testing.TestImages.detailedPhoto;
import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import frame.core.Frame;
import frame.core.FrameTestAccess;
import frame.core.api.imports.IngestResult;
import frame.core.api.jobs.Job;
import frame.core.api.jobs.JobQuery;
import frame.core.api.jobs.JobState;
import frame.core.api.jobs.JobType;
import frame.core.api.library.Image;
import frame.core.api.library.ImageFormat;
import frame.core.db.Jdbc;
import frame.core.media.DecodeBudget;
import frame.core.media.ImageDecoder;
import frame.core.media.turbo.TurboJpeg;
import frame.core.testing.Bursts;
import frame.core.testing.FrameFixture;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Culling's analysis done by the preview's own job, on a real library (HSQLDB): the hash and
 * sharpness it stores are exactly those the analysis jobs take from the preview file, it leaves
 * no analysis jobs behind, and where it cannot run (no libjpeg-turbo) the two jobs follow as before.
 */
class PreviewAnalysisTest {
  @TempDir Path dataDir;
  @TempDir Path card;

  private final String hiddenBefore = System.getProperty("frame.native.disable");

  @AfterEach
  void hide_what_was_hidden_before() {
    if (hiddenBefore == null) System.clearProperty("frame.native.disable");
    else System.setProperty("frame.native.disable", hiddenBefore);
  }

  record Measures(Long hash, Double sharpness) {}

  @Test
  void the_preview_job_stores_exactly_what_the_analysis_jobs_measure_from_the_preview_file() {
    assumeTrue(TurboJpeg.available().isPresent(), "libturbojpeg is not installed here (or hidden)");
    try (Frame frame = FrameFixture.open(dataDir)) {
      BufferedImage scene = detailedPhoto(3000, 2000, 7);
      List<Image> photos = List.of(
          stored(frame, "IMG_0001.jpg", scene),
          stored(frame, "IMG_0002.jpg", Bursts.shifted(scene, 20)),
          stored(frame, "portrait.jpg", detailedPhoto(1200, 1800, 8)),
          stored(frame, "square.jpg", detailedPhoto(2600, 2600, 9)),
          stored(frame, "small.jpg", detailedPhoto(700, 466, 10)));
      settled(frame);
      Jdbc jdbc = FrameTestAccess.database(frame).jdbc();
      Map<Long, Measures> inPreviewJob = measures(jdbc, photos);
      ImageDecoder decoder = new ImageDecoder(100_000_000L, DecodeBudget.forHeap(Runtime.getRuntime().maxMemory()));
      for (Image photo : photos) {
        assertThat(analysisJobs(frame, photo.id())).as("no analysis jobs for %s", photo.originalName()).isEmpty();
        // what AnalysisHandler does with the file
        Path preview = frame.ports().library().details(photo.id()).files().preview();
        long hash = PerceptualHash.of(decoder.decode(preview, ImageFormat.JPEG, PerceptualHash.MEASURED_AT).pixels());
        double sharpness = Sharpness.of(decoder.decode(preview, ImageFormat.JPEG, Sharpness.MEASURED_AT).pixels());
        assertThat(inPreviewJob.get(photo.id())).as(photo.originalName()).isEqualTo(new Measures(hash, sharpness));
      }
      assertThat(frame.ports().culling().marks(List.of(photos.get(0).id())).get(photos.get(0).id()).stack())
          .as("the burst is stacked").isNotNull()
          .isEqualTo(frame.ports().culling().marks(List.of(photos.get(1).id())).get(photos.get(1).id()).stack());

      frame.ports().culling().setAnalysis(false);
      assertThat(frame.ports().culling().setAnalysis(true)).as("measured photos are not queued again").isZero();

      // the same photos measured again by the analysis jobs, from the files: the same values
      jdbc.update("UPDATE image SET perceptual_hash = NULL, sharpness = NULL");
      frame.ports().culling().setAnalysis(false);
      assertThat(frame.ports().culling().setAnalysis(true)).isEqualTo(photos.size());
      for (Image photo : photos) awaitAnalysisJobsDone(frame, photo.id());
      assertThat(measures(jdbc, photos)).isEqualTo(inPreviewJob);
    }
  }

  @Test
  void without_libjpeg_turbo_the_two_analysis_jobs_follow_the_preview() {
    System.setProperty("frame.native.disable", "turbojpeg");
    try (Frame frame = FrameFixture.open(dataDir)) {
      Image photo = stored(frame, "a.jpg", detailedPhoto(900, 600, 3));
      awaitAnalysisJobsDone(frame, photo.id());
      assertThat(analysisJobs(frame, photo.id())).extracting(Job::type)
          .containsExactlyInAnyOrder(JobType.PERCEPTUAL_HASH, JobType.SHARPNESS);
      assertThat(measures(FrameTestAccess.database(frame).jdbc(), List.of(photo)).get(photo.id()))
          .satisfies(m -> assertThat(m.hash()).isNotNull(), m -> assertThat(m.sharpness()).isPositive());
    }
  }

  private Image stored(Frame frame, String name, BufferedImage picture) {
    return ((IngestResult.Stored) frame.ports().imports().importFile(write(card, name, jpeg(picture)))).image();
  }

  private static void settled(Frame frame) {
    FrameFixture.awaitAllFinal(frame, Duration.ofSeconds(60));
    await("no job left").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
      Map<JobState, Long> counts = frame.ports().jobs().countsByState();
      return counts.getOrDefault(JobState.PENDING, 0L) + counts.getOrDefault(JobState.RUNNING, 0L) == 0;
    });
  }

  private static Map<Long, Measures> measures(Jdbc jdbc, List<Image> photos) {
    Map<Long, Measures> measures = new LinkedHashMap<>();
    StackRepository results = new StackRepository(jdbc);
    for (Image photo : photos) {
      StackRepository.Candidate c = results.candidate(photo.id()).orElseThrow();
      measures.put(photo.id(), new Measures(c.hash(), c.sharpness()));
    }
    return measures;
  }

  private static List<Job> analysisJobs(Frame frame, long imageId) {
    return new ArrayList<>(frame.ports().jobs().list(JobQuery.forImage(imageId)).stream().filter(j -> j.type().isAnalysis()).toList());
  }

  private static void awaitAnalysisJobsDone(Frame frame, long imageId) {
    await("analysis jobs of " + imageId).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
        .until(() -> analysisJobs(frame, imageId).size() == 2
            && analysisJobs(frame, imageId).stream().allMatch(j -> j.state() == JobState.COMPLETED));
  }
}
