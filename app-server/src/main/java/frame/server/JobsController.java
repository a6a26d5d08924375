package frame.server;

import frame.server.error.ApiError;

import frame.core.api.Ports;
import com.fasterxml.jackson.databind.JsonNode;
import frame.core.api.jobs.JobDetails;
import frame.core.api.jobs.Regeneration;
import frame.core.api.library.ImageState;
import frame.core.api.jobs.Job;
import frame.core.api.jobs.JobQuery;
import frame.core.api.jobs.JobState;
import frame.core.api.jobs.JobType;
import frame.server.dto.JobDto;
import frame.server.dto.Page;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** The admin view of jobs, and an admin's operations on them: retry, cancel, regenerate photos. */
final class JobsController {
  private final Ports ports;

  JobsController(Ports ports) {
    this.ports = ports;
  }

  void list(Context ctx) {
    int limit = Params.intQuery(ctx, "limit", 50, 1, 1000);
    int offset = Params.intQuery(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    JobQuery query = new JobQuery(Params.enumQuery(ctx, "status", JobState.class),
        Params.enumQuery(ctx, "type", JobType.class), Params.longQuery(ctx, "imageId"), limit, offset);
    ctx.json(new Page<>(ports.jobs().listWithImages(query).stream()
        .map(j -> JobDto.of(ports.library(), j.job(), j.image(), j.imageInTrash(), null))
        .toList(), ports.jobs().count(query), limit, offset));
  }

  void get(Context ctx) {
    JobDetails details = ports.jobs().details(Params.id(ctx, "id"));
    ctx.json(JobDto.of(ports.library(), details.job(), details.image(), details.imageInTrash(), details.attempts()));
  }

  void retry(Context ctx) {
    Job job = ports.jobs().retry(Params.id(ctx, "id"));
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
      retried = ports.jobs().retryEach(ids);
    } else {
      if (status != null && status != JobState.FAILED) {
        throw ApiError.badRequest("invalid_body", "The filter retries FAILED jobs; name others by their ids");
      }
      if (status == null) throw ApiError.badRequest("invalid_body", "Give ids, or the filter {\"status\": \"FAILED\"}");
      retried = ports.jobs().retryFailed(type);
    }
    ctx.json(Map.of("retried", retried.size(), "jobs", retried.stream().map(j -> JobDto.of(j, null)).toList()));
  }

  void cancel(Context ctx) {
    ctx.json(JobDto.of(ports.jobs().cancel(Params.id(ctx, "id")), null));
  }

  void regenerate(Context ctx) {
    long id = Params.id(ctx, "id");
    boolean sent = !ports.jobs().regenerate(List.of(id)).sentBack().isEmpty();
    ctx.status(202).json(Map.of("imageId", id, "sentBack", sent,
        "jobs", ports.jobs().list(JobQuery.forImage(id)).stream().map(j -> JobDto.of(j, null)).toList()));
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
    Regeneration done = ids != null ? ports.jobs().regenerate(ids) : ports.jobs().regenerateEvery(status);
    ctx.status(202).json(done);
  }
}
