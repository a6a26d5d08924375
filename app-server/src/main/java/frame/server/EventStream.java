package frame.server;

import frame.server.error.ApiError;

import frame.core.api.Ports;
import java.time.Duration;
import frame.core.api.events.FrameEvent;
import io.javalin.http.Handler;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * GET /api/events: server-sent events of image and job state changes. Event names are
 * {@code image} and {@code job}; a comment every 15 s keeps idle connections open and finds dead
 * ones. Each client has its own queue and sender, so one slow phone never holds up the others, or
 * the core's event bus; a client that falls 1 000 events behind is disconnected.
 */
final class EventStream implements AutoCloseable {
  static final String PATH = "/api/events";
  private static final int BACKLOG = 1000;
  private static final String SUBSCRIBER_TOKEN = "frame.sse.token";

  private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService pings = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "frame-sse-ping");
    thread.setDaemon(true);
    return thread;
  });
  private final AutoCloseable subscription;
  private final Ports ports;

  EventStream(Ports ports) {
    this(ports, Duration.ofSeconds(15));
  }

  /** {@code ping}: how often idle streams get a comment and revoked tokens lose their streams. */
  EventStream(Ports ports, Duration ping) {
    this.subscription = ports.events().subscribe(this::broadcast);
    this.ports = ports;
    pings.scheduleAtFixedRate(this::ping, ping.toMillis(), ping.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void ping() {
    for (Subscriber subscriber : subscribers) {
      try {
        // a revoked device stops hearing at once, not when it next reconnects
        // (a caller without a stored token, tokenId < 0, e.g. this machine's command line, is not checked)
        if (subscriber.tokenId >= 0 && !ports.devices().isActive(subscriber.tokenId)) {
          subscriber.stop();
          continue;
        }
      } catch (RuntimeException e) {
        // the database is away for a moment: keep the stream, check again next time
      }
      subscriber.offer(() -> subscriber.client.sendComment("ping"));
    }
  }

  /** The route's handler: an event stream for clients that ask for one, a clear 406 for the rest. */
  Handler handler() {
    SseHandler sse = new SseHandler(this::connect);
    return ctx -> {
      String accept = ctx.header("Accept");
      if (accept == null || !accept.contains("text/event-stream")) {
        throw new ApiError(406, "not_acceptable", "This is an event stream: send Accept: text/event-stream");
      }
      ctx.attribute(SUBSCRIBER_TOKEN, RequestGuards.caller(ctx).tokenId());
      sse.handle(ctx);
    };
  }

  private void connect(SseClient client) {
    client.keepAlive();
    Long tokenId = client.ctx().attribute(SUBSCRIBER_TOKEN);
    Subscriber subscriber = new Subscriber(client, tokenId == null ? -1 : tokenId);
    client.onClose(() -> subscriber.stop());
    subscribers.add(subscriber);
    subscriber.offer(() -> client.sendComment("connected"));
  }

  private void broadcast(FrameEvent event) {
    // nobody listening (the window's own server, most of the time): no marks read for nobody
    if (subscribers.isEmpty()) return;
    String name;
    Map<String, Object> data = new LinkedHashMap<>();
    switch (event) {
      case FrameEvent.ImageChanged c -> {
        name = "image";
        data.put("imageId", c.imageId());
        data.put("status", c.state().name());
      }
      case FrameEvent.ImageMarked m -> {
        // the marks themselves, so a phone page or a script updates without asking again
        name = "marks";
        ports.culling().marks(java.util.List.of(m.imageId())).values().forEach(marks -> data.putAll(MarksJson.of(marks)));
        data.put("imageId", m.imageId());
      }
      case FrameEvent.JobChanged j -> {
        name = "job";
        data.put("jobId", j.jobId());
        data.put("imageId", j.imageId());
        data.put("type", j.type().name());
        data.put("status", j.state().name());
      }
    }
    for (Subscriber subscriber : subscribers) subscriber.offer(() -> subscriber.client.sendEvent(name, data));
  }

  /** One client's queue of sends, drained by a virtual thread of its own. */
  private final class Subscriber {
    final SseClient client;
    final long tokenId;
    private final BlockingQueue<Runnable> sends = new ArrayBlockingQueue<>(BACKLOG);
    private final Thread sender;

    Subscriber(SseClient client, long tokenId) {
      this.client = client;
      this.tokenId = tokenId;
      this.sender = Thread.ofVirtual().name("frame-sse-client").start(this::drain);
    }

    void offer(Runnable send) {
      if (client.terminated() || !sends.offer(send)) stop(); // gone, or too far behind to catch up
    }

    private void drain() {
      try {
        while (!client.terminated()) sends.take().run();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        // the connection broke: the client reconnects if it wants more
      } finally {
        stop();
      }
    }

    void stop() {
      if (subscribers.remove(this)) {
        sender.interrupt();
        client.close();
      }
    }
  }

  @Override
  public void close() throws Exception {
    subscription.close();
    pings.shutdownNow();
    subscribers.forEach(Subscriber::stop);
  }
}
