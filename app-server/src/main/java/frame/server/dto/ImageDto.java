package frame.server.dto;

import frame.core.api.library.Image;
import frame.core.api.library.ImageState;
import frame.core.api.jobs.Job;
import frame.core.api.culling.ImageMarks;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An image as the API shows it, with the seed's convenience flags and where to fetch its pictures. */
public record ImageDto(
    long id, String status, String sha256, String format, String mediaType, int width, int height, long byteSize,
    String originalName, String takenAt, String cameraMake, String cameraModel, String failureReason,
    Instant createdAt, Instant updatedAt, boolean isProcessing, boolean isProcessed, boolean isStored,
    boolean isSyncing, List<JobSummary> processingJobs, Urls urls,
    int rating, String flag, String label, Long shoot, Long stack, Long stackTop, Double sharpness,
    int stackSize) {

  public record JobSummary(long id, String type, String status, int attempts, int maxAttempts) {
    static JobSummary of(Job job) {
      return new JobSummary(job.id(), job.type().name(), job.state().name(), job.attempts(), job.maxAttempts());
    }
  }

  public record Urls(String original, String preview, Map<Integer, String> thumbnails) {}

  public static ImageDto of(Image image, List<Job> activeJobs) {
    String base = "/api/images/" + image.id();
    Map<Integer, String> thumbnails = new TreeMap<>();
    for (int size : new int[] {64, 128, 256, 512}) thumbnails.put(size, base + "/thumbnail/" + size);
    boolean processing = !image.state().isFinal();
    return new ImageDto(image.id(), image.state().name(), image.sha256(), image.format().name(),
        image.format().mediaType(), image.width(), image.height(), image.byteSize(), image.originalName(),
        image.takenAt(), image.cameraMake(), image.cameraModel(), image.failureReason(), image.createdAt(),
        image.updatedAt(), processing, image.state().isProcessed(), image.state() == ImageState.STORED, processing,
        // culling's background analysis is not processing: a processed photo lists none
        activeJobs.stream().filter(j -> !j.type().isAnalysis()).map(JobSummary::of).toList(),
        new Urls(base + "/original", base + "/preview", thumbnails),
        0, null, null, null, null, null, null, 1);
  }

  /** The same image with its culling fields (none when {@code marks} is null). */
  public ImageDto withMarks(ImageMarks marks) {
    if (marks == null) return this;
    return new ImageDto(id, status, sha256, format, mediaType, width, height, byteSize, originalName, takenAt,
        cameraMake, cameraModel, failureReason, createdAt, updatedAt, isProcessing, isProcessed, isStored, isSyncing,
        processingJobs, urls, marks.rating(), marks.flag() == null ? null : marks.flag().wire(),
        marks.label() == null ? null : marks.label().wire(), marks.shoot(), marks.stack(), marks.stackTop(),
        marks.sharpness(), marks.stackSize());
  }
}
