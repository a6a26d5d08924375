package frame.server;

import frame.core.Frame;
import frame.core.JobDetails;
import frame.core.job.JobQuery;
import frame.core.job.JobState;
import frame.core.job.JobType;
import frame.server.dto.JobDto;
import frame.server.dto.Page;
import io.javalin.http.Context;

/** The admin view of jobs. */
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
}
