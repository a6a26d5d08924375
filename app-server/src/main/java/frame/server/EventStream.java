package frame.server;

import java.util.LinkedHashMap;
import frame.core.event.EventBus;
import frame.core.event.FrameEvent;
import io.javalin.http.sse.SseClient;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * GET /api/events: server-sent events of image and job state changes. Event names are
 * {@code image} and {@code job}; a comment every 15 s keeps idle connections open and finds dead ones.
 */
final class EventStream implements AutoCloseable {
  private final EventBus events;
  private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService pings = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "frame-sse-ping");
    thread.setDaemon(true);
    return thread;
  });
  private final AutoCloseable subscription;

  EventStream(EventBus events) {
    this.events = events;
    this.subscription = events.subscribe(this::broadcast);
    pings.scheduleAtFixedRate(this::ping, 15, 15, TimeUnit.SECONDS);
  }

  /** The route's handler: an event stream for clients that ask for one, a clear 406 for the rest. */
  io.javalin.http.Handler handler() {
    io.javalin.http.sse.SseHandler sse = new io.javalin.http.sse.SseHandler(this::connect);
    return ctx -> {
      String accept = ctx.header("Accept");
      if (accept == null || !accept.contains("text/event-stream")) {
        throw new ApiError(406, "not_acceptable", "This is an event stream: send Accept: text/event-stream");
      }
      sse.handle(ctx);
    };
  }

  private void connect(SseClient client) {
    client.keepAlive();
    client.onClose(() -> clients.remove(client));
    clients.add(client);
    client.sendComment("connected");
  }

  private void broadcast(FrameEvent event) {
    String name;
    Object data;
    switch (event) {
      case FrameEvent.ImageChanged c -> {
        name = "image";
        data = Map.of("imageId", c.imageId(), "status", c.state().name());
      }
      case FrameEvent.JobChanged j -> {
        name = "job";
        var body = new LinkedHashMap<String, Object>();
        body.put("jobId", j.jobId());
        body.put("imageId", j.imageId());
        body.put("type", j.type().name());
        body.put("status", j.state().name());
        data = body;
      }
    }
    for (SseClient client : clients) {
      if (client.terminated()) clients.remove(client);
      else client.sendEvent(name, data);
    }
  }

  private void ping() {
    for (SseClient client : clients) {
      if (client.terminated()) clients.remove(client);
      else client.sendComment("ping");
    }
  }

  @Override
  public void close() throws Exception {
    subscription.close();
    pings.shutdownNow();
    clients.forEach(SseClient::close);
  }
}
