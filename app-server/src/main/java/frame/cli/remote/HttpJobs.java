package frame.cli.remote;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frame.core.api.Jobs;
import frame.core.api.jobs.Job;
import frame.core.api.jobs.JobAttempt;
import frame.core.api.jobs.JobDetails;
import frame.core.api.jobs.JobPriority;
import frame.core.api.jobs.JobQuery;
import frame.core.api.jobs.JobState;
import frame.core.api.jobs.JobType;
import frame.core.api.jobs.JobWithImage;
import frame.core.api.jobs.Regeneration;
import frame.core.api.library.Image;
import frame.core.api.library.ImageFormat;
import frame.core.api.library.ImageState;
import frame.server.dto.JobDto;
import frame.server.dto.Page;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@link Jobs} over {@code /api/admin/jobs} and {@code /api/admin/images/regenerate}. */
final class HttpJobs implements Jobs {
  private final LoopbackClient api;

  HttpJobs(LoopbackClient api) {
    this.api = api;
  }

  @Override
  public List<JobWithImage> listWithImages(JobQuery query) {
    return page(query).items().stream()
        .map(dto -> new JobWithImage(job(dto), photo(dto.image()), dto.image() != null && dto.image().inTrash()))
        .toList();
  }

  @Override
  public List<Job> list(JobQuery query) {
    return page(query).items().stream().map(HttpJobs::job).toList();
  }

  @Override
  public long count(JobQuery query) {
    return page(new JobQuery(query.state(), query.type(), query.imageId(), 1, 0)).total();
  }

  private Page<JobDto> page(JobQuery query) {
    return api.get("/api/admin/jobs" + LoopbackClient.params("status", query.state(), "type", query.type(),
        "imageId", query.imageId(), "limit", query.limit(), "offset", query.offset()), new TypeReference<>() {});
  }

  @Override
  public JobDetails details(long id) {
    JobDto dto = api.get("/api/admin/jobs/" + id, new TypeReference<>() {});
    List<JobAttempt> attempts = dto.history() == null ? List.of() : dto.history().stream().map(HttpJobs::attempt).toList();
    return new JobDetails(job(dto), attempts, photo(dto.image()), dto.image() != null && dto.image().inTrash());
  }

  @Override
  public Job retry(long id) {
    return job(api.post("/api/admin/jobs/" + id + "/retry", null, JobDto.class));
  }

  @Override
  public List<Job> retryEach(Collection<Long> ids) {
    ObjectNode body = LoopbackClient.JSON.createObjectNode();
    ids.forEach(body.putArray("ids")::add);
    return retried(body);
  }

  @Override
  public List<Job> retryFailed(JobType type) {
    return retried(HttpQueue.typeBody(type).put("status", "FAILED"));
  }

  private List<Job> retried(ObjectNode body) {
    List<JobDto> jobs = LoopbackClient.JSON.convertValue(api.post("/api/admin/jobs/retry", body, JsonNode.class).get("jobs"),
        new TypeReference<>() {});
    return jobs.stream().map(HttpJobs::job).toList();
  }

  @Override
  public Job cancel(long id) {
    return job(api.post("/api/admin/jobs/" + id + "/cancel", null, JobDto.class));
  }

  @Override
  public Regeneration regenerate(Collection<Long> imageIds) {
    ObjectNode body = LoopbackClient.JSON.createObjectNode();
    imageIds.stream().distinct().forEach(body.putArray("ids")::add);
    return api.post("/api/admin/images/regenerate", body, Regeneration.class);
  }

  @Override
  public Regeneration regenerateEvery(ImageState state) {
    ObjectNode body = LoopbackClient.JSON.createObjectNode();
    if (state == null) body.put("all", true); else body.put("status", state.name());
    return api.post("/api/admin/images/regenerate", body, Regeneration.class);
  }

  @Override
  public Map<JobState, Long> countsByState() {
    throw LoopbackClient.notOverTheApi("Counting jobs by state");
  }

  @Override
  public Map<Long, List<Job>> activeFor(Collection<Long> imageIds) {
    throw LoopbackClient.notOverTheApi("The active jobs of a selection");
  }

  private static Job job(JobDto d) {
    return new Job(d.id(), JobType.valueOf(d.type()), d.imageId(), d.payload() == null ? null
        : d.payload().isTextual() ? d.payload().asText() : d.payload().toString(), JobState.valueOf(d.status()),
        d.attempts(), d.maxAttempts(), d.runAfter(), d.lockedBy(), d.lockedAt(), d.leaseUntil(), d.leaseToken(),
        d.lastError(), d.createdAt(), d.updatedAt(), d.completedAt(), d.interruptions(), d.maxInterruptions(),
        JobPriority.valueOf(d.priority().toUpperCase(Locale.ROOT)));
  }

  private static JobAttempt attempt(JobDto.AttemptDto a) {
    return new JobAttempt(a.attempt(), a.worker(), a.started(), a.ended(), JobAttempt.Outcome.valueOf(a.outcome()),
        a.error());
  }

  /** The photo as a job shows it: enough to name it; its checksum is asked for only when its files are. */
  private static Image photo(JobDto.Photo p) {
    if (p == null) return null;
    return new Image(p.id(), null, ImageState.valueOf(p.status()), ImageFormat.valueOf(p.format()), p.width(),
        p.height(), 0, p.originalName(), null, null, null, null, null, null);
  }
}
