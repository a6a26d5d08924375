package frame.server;

import com.fasterxml.jackson.databind.JsonNode;
import frame.core.Frame;
import frame.core.job.JobType;
import frame.server.dto.QueueDto;
import io.javalin.http.Context;

/** Pause and resume the queue, all of it or one job type, and its state at a glance. */
final class QueueController {
  private final Frame frame;

  QueueController(Frame frame) {
    this.frame = frame;
  }

  void get(Context ctx) {
    ctx.json(QueueDto.of(frame.queue()));
  }

  /** Body (optional): {@code {"type": "PREVIEW_GENERATION"}}; without a type the whole queue. */
  void pause(Context ctx) {
    frame.pause(type(ctx));
    ctx.json(QueueDto.of(frame.queue()));
  }

  /** Body (optional): {@code {"type": ...}}; without a type everything resumes. */
  void resume(Context ctx) {
    frame.resume(type(ctx));
    ctx.json(QueueDto.of(frame.queue()));
  }

  private static JobType type(Context ctx) {
    JsonNode body = JsonBodies.optional(ctx);
    return JsonBodies.enumField(body, "type", JobType.class);
  }
}
