package frame.server;

import com.fasterxml.jackson.databind.JsonNode;
import frame.core.api.Ports;
import frame.core.api.jobs.JobType;
import frame.server.dto.QueueDto;
import io.javalin.http.Context;

/** Pause and resume the queue, all of it or one job type, and its state at a glance. */
final class QueueController {
  private final Ports ports;

  QueueController(Ports ports) {
    this.ports = ports;
  }

  void get(Context ctx) {
    ctx.json(QueueDto.of(ports.queue().overview()));
  }

  /** Body (optional): {@code {"type": "PREVIEW_GENERATION"}}; without a type the whole queue. */
  void pause(Context ctx) {
    ports.queue().pause(type(ctx));
    ctx.json(QueueDto.of(ports.queue().overview()));
  }

  /** Body (optional): {@code {"type": ...}}; without a type everything resumes. */
  void resume(Context ctx) {
    ports.queue().resume(type(ctx));
    ctx.json(QueueDto.of(ports.queue().overview()));
  }

  private static JobType type(Context ctx) {
    JsonNode body = JsonBodies.optional(ctx);
    return JsonBodies.enumField(body, "type", JobType.class);
  }
}
