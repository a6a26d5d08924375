package frame.core.archive;

import frame.core.api.FrameException;
import frame.core.api.library.Image;
import frame.core.image.ImageRepository;
import frame.core.api.jobs.Job;
import frame.core.job.JobContext;
import frame.core.job.JobHandler;
import frame.core.job.JobOutcome;
import frame.core.job.JobPostponed;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import frame.core.crash.Failpoints;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ARCHIVE_ORIGINAL}: copies one photo's original to one target, reads the copy back from
 * the target and compares its SHA-256 with the photo's content address; only then records the
 * copy. Trouble with the target postpones the job (its failure budget untouched) and shows on the
 * target; trouble with the photo fails the job as any other.
 */
final class ArchiveHandler implements JobHandler {
  private static final Pattern TARGET_ID = Pattern.compile("\"targetId\"\\s*:\\s*(\\d+)");

  private final ArchiveRepository archive;
  private final ImageRepository images;
  private final Targets targets;
  private final Originals originals;
  private final LocalSpace space;
  private final ArchiveSettings settings;
  private final Clock clock;
  private final Failpoints failpoints;

  ArchiveHandler(ArchiveRepository archive, ImageRepository images, Targets targets, Originals originals,
      LocalSpace space, ArchiveSettings settings, Clock clock, Failpoints failpoints) {
    this.failpoints = failpoints;
    this.space = space;
    this.archive = archive;
    this.images = images;
    this.targets = targets;
    this.originals = originals;
    this.settings = settings;
    this.clock = clock;
  }

  static String payload(long imageId, long targetId) {
    return "{\"imageId\":" + imageId + ",\"targetId\":" + targetId + "}";
  }

  static long targetIdOf(Job job) {
    Matcher m = TARGET_ID.matcher(job.payload() == null ? "" : job.payload());
    if (!m.find()) throw new FrameException("bad_job", "Job " + job.id() + " names no archive target", true);
    return Long.parseLong(m.group(1));
  }

  @Override
  public JobOutcome handle(Job job, JobContext context) throws Exception {
    long targetId = targetIdOf(job);
    Optional<TargetRecord> record = archive.target(targetId);
    Optional<Image> image = job.imageId() == null ? Optional.empty() : images.find(job.imageId());
    if (record.isEmpty() || image.isEmpty()) return JobOutcome.completed(); // the target or photo went meanwhile
    try {
      Path original = originals.local(image.get());
      Target target = targets.of(record.get());
      String key = target.put(image.get(), original, Sidecar.of(image.get(), archive.sidecarMarks(image.get().id())));
      failpoints.reach("archive:written:" + image.get().id()); // on the target, not yet read back nor recorded
      Read back = readBack(target, key, record.get());
      if (!back.sha256().equals(image.get().sha256()) || back.size() != image.get().byteSize()) {
        originals.requireIntact(image.get(), original); // a damaged local original is the photo's trouble
        throw new TargetFault("The copy read back from " + record.get().where() + " differs from the original ("
            + back.size() + " bytes, SHA-256 " + back.sha256() + "): it is not counted", null);
      }
      archive.recordCopy(image.get().id(), targetId, key, back.size(), back.sha256(), clock.instant(),
          target.verifiedHow());
      if (record.get().problem() != null) archive.working(targetId, clock.instant());
      // "free after N verified copies"
      if (settings.freeAfterCopies() > 0) space.freeOne(image.get(), settings.freeAfterCopies());
      return JobOutcome.completed();
    } catch (TargetFault fault) {
      Instant now = clock.instant();
      archive.problem(targetId, fault.getMessage(), now);
      Duration troubled = record.get().problemSince() == null ? Duration.ZERO
          : Duration.between(record.get().problemSince(), now);
      throw new JobPostponed(fault.getMessage(), settings.waitAfter(troubled), fault);
    }
  }

  record Read(String sha256, long size) {}

  static Read readBack(Target target, String key, TargetRecord record) throws IOException {
    try (InputStream in = target.read(key)) {
      return hash(in);
    } catch (NoSuchFileException e) {
      throw new TargetFault("The copy vanished from " + record.where() + " right after it was written", e);
    } catch (IOException e) {
      throw new TargetFault("Cannot read back from " + record.where() + ": " + e.getMessage(), e);
    }
  }

  static Read hash(InputStream in) throws IOException {
    java.security.MessageDigest digest;
    try {
      digest = java.security.MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    byte[] buffer = new byte[1 << 16];
    long size = 0;
    for (int n; (n = in.read(buffer)) > 0; size += n) digest.update(buffer, 0, n);
    return new Read(HexFormat.of().formatHex(digest.digest()), size);
  }
}
