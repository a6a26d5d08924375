package frame.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import frame.core.api.FrameLibrary;
import frame.core.api.library.Image;
import frame.core.api.library.ImageQuery;
import frame.core.api.library.ImageState;
import frame.core.crash.ChildJvmFailpoints;
import frame.core.crash.Failpoints;
import frame.core.testing.FrameFixture;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A child FRAME archiving to a target, killed -9 while an archive failpoint holds one photo's copy,
 * and the library as the kill left it and as a restart finishes it: nothing is STORED on faith.
 * Shared by the crash tests of the folder and the S3 targets.
 */
final class ArchiveKill {
  private final Path dataDir;
  private final String point;
  private final int occurrence;

  /** Checks one photo's copy on the target: recorded with the photo's SHA-256, and its bytes there hash to it. */
  @FunctionalInterface
  interface CopyCheck {
    void assertVerified(FrameLibrary frame, Image image) throws Exception;
  }

  /** A kill at the {@code occurrence}-th pass of the failpoint {@code point} (e.g. "archive:written"). */
  ArchiveKill(Path dataDir, String point, int occurrence) {
    this.dataDir = dataDir;
    this.point = point;
    this.occurrence = occurrence;
  }

  /** The child FRAME to start, held at the failpoint. */
  ChildFrame child() {
    return new ChildFrame(dataDir, "-D" + Failpoints.HOLD_PROPERTY + "=" + point + ":#" + occurrence);
  }

  /**
   * In the started {@code child}: adds the target ({@code frame archive add <target>}), uploads the
   * photos (name to bytes, in order), waits for the failpoint to hold a photo, and kills the child
   * -9 whatever happens. Returns the held photo's id.
   */
  long killWhileHeld(ChildFrame child, List<String> target, Map<String, byte[]> photos) throws Exception {
    Pattern held = Pattern.compile(ChildJvmFailpoints.HOLDING + point + ":(\\d+)");
    try {
      List<String> add = new ArrayList<>(List.of("archive", "add"));
      add.addAll(target);
      // a second JVM that checks the target: on a loaded 2-core machine it took over a minute
      ChildFrame.Finished added = child.runAnother(Duration.ofSeconds(180), add.toArray(String[]::new));
      assertThat(added.exitCode()).as(added.output()).isZero();
      for (var photo : photos.entrySet()) {
        HttpResponse<String> response = child.upload(photo.getKey(), photo.getValue());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
      }
      String log = await("a copy held at " + point).atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(50)).until(child::log, held.asPredicate());
      Matcher m = held.matcher(log);
      m.find();
      return Long.parseLong(m.group(1));
    } finally {
      child.kill();
    }
  }

  /**
   * The library as the kill left it, opened without its runner: the held photo is not STORED and
   * has no copy; every STORED photo has a verified copy. Returns the held photo.
   */
  Image assertNothingStoredOnFaith(long held, CopyCheck copy) throws Exception {
    try (FrameLibrary frame = FrameLibrary.openWithoutRunner(FrameFixture.config(dataDir))) {
      Image caught = frame.ports().library().image(held);
      assertThat(caught.state()).as("the photo whose copy was cut off").isNotEqualTo(ImageState.STORED);
      assertThat(frame.ports().archive().copies(held)).isEmpty();
      for (Image image : frame.ports().library().list(ImageQuery.all())) {
        if (image.state() == ImageState.STORED) copy.assertVerified(frame, image);
      }
      return caught;
    }
  }

  /** FRAME restarted on the folder: all {@code photos} become STORED, each with a verified copy. */
  void assertRestartStoresAll(int photos, CopyCheck copy) throws Exception {
    try (FrameLibrary frame = FrameLibrary.open(FrameFixture.config(dataDir))) {
      List<Image> all = await("every photo STORED after the restart").atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(50)).until(() -> frame.ports().library().list(ImageQuery.all()),
              images -> images.size() == photos && images.stream().allMatch(i -> i.state() == ImageState.STORED));
      for (Image image : all) copy.assertVerified(frame, image);
    }
  }
}
