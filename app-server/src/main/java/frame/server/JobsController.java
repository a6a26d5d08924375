package frame.server;

import frame.core.Frame;
import com.fasterxml.jackson.databind.JsonNode;
import frame.core.JobDetails;
import frame.core.Regeneration;
import frame.core.image.ImageState;
import frame.core.job.Job;
import frame.core.job.JobQuery;
import frame.core.job.JobState;
import frame.core.job.JobType;
import frame.server.dto.JobDto;
import frame.server.dto.Page;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** The admin view of jobs, and an admin's operations on them: retry, cancel, regenerate photos. */
final class JobsController {
  private final Frame frame;

  JobsController(Frame frame) {
    this.frame = frame;
  }

  void list(Context ctx) {
    int limit = Params.intQuery(ctx, "limit", 50, 1, 1000);
    int offset = Params.intQuery(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    JobQuery query = new JobQuery(Params.enumQuery(ctx, "status", JobState.class),
        Params.enumQuery(ctx, "type", JobType.class), Params.longQuery(ctx, "imageId"), limit, offset);
    ctx.json(new Page<>(frame.jobsWithImages(query).stream()
        .map(j -> JobDto.of(frame, j.job(), j.image(), j.imageInTrash(), null))
        .toList(), frame.countJobs(query), limit, offset));
  }

  void get(Context ctx) {
    JobDetails details = frame.jobDetails(Params.id(ctx, "id"));
    ctx.json(JobDto.of(frame, details.job(), details.image(), details.imageInTrash(), details.attempts()));
  }

  void retry(Context ctx) {
    Job job = frame.retryJob(Params.id(ctx, "id"));
    ctx.json(JobDto.of(job, null));
  }

  /**
   * Body: {@code {"ids": [1, 2]}} for a selection, or {@code {"status": "FAILED", "type": T}} for
   * every failed job (of that type). Failed and cancelled jobs only.
   */
  void retryMany(Context ctx) {
    JsonNode body = JsonBodies.optional(ctx);
    List<Long> ids = JsonBodies.ids(body, "ids");
    JobState status = JsonBodies.enumField(body, "status", JobState.class);
    JobType type = JsonBodies.enumField(body, "type", JobType.class);
    List<Job> retried;
    if (ids != null) {
      if (status != null || type != null) throw ApiError.badRequest("invalid_body", "Give either ids or a filter, not both");
      retried = frame.retryJobs(ids);
    } else {
      if (status != null && status != JobState.FAILED) {
        throw ApiError.badRequest("invalid_body", "The filter retries FAILED jobs; name others by their ids");
      }
      if (status == null) throw ApiError.badRequest("invalid_body", "Give ids, or the filter {\"status\": \"FAILED\"}");
      retried = frame.retryFailedJobs(type);
    }
    ctx.json(Map.of("retried", retried.size(), "jobs", retried.stream().map(j -> JobDto.of(j, null)).toList()));
  }

  void cancel(Context ctx) {
    ctx.json(JobDto.of(frame.cancelJob(Params.id(ctx, "id")), null));
  }

  void regenerate(Context ctx) {
    long id = Params.id(ctx, "id");
    int sent = frame.regenerate(List.of(id));
    ctx.status(202).json(Map.of("imageId", id, "sentBack", sent > 0,
        "jobs", frame.jobs(JobQuery.forImage(id)).stream().map(j -> JobDto.of(j, null)).toList()));
  }

  /**
   * Body: {@code {"ids": [1, 2]}} for a selection (every id known, or nothing is sent back),
   * {@code {"status": "FAILED"}} for every photo in a state, or {@code {"all": true}} for every
   * photo. Answers which were sent back and which were left as they are, still on their way.
   */
  void regenerateMany(Context ctx) {
    JsonNode body = JsonBodies.optional(ctx);
    List<Long> ids = JsonBodies.ids(body, "ids");
    ImageState status = JsonBodies.enumField(body, "status", ImageState.class);
    JsonNode all = body.get("all");
    if (all != null && !all.isBoolean()) throw ApiError.badRequest("invalid_body", "all must be true or false");
    boolean every = all != null && all.asBoolean();
    if ((ids != null ? 1 : 0) + (status != null ? 1 : 0) + (every ? 1 : 0) != 1) {
      throw ApiError.badRequest("invalid_body", "Give one of ids, status or {\"all\": true}");
    }
    Regeneration done = ids != null ? frame.regenerateImages(ids) : frame.regenerateEvery(status);
    ctx.status(202).json(done);
  }
}
