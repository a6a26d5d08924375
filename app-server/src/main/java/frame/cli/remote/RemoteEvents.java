package frame.cli.remote;

import com.fasterxml.jackson.databind.JsonNode;
import frame.core.api.FrameException;
import frame.core.api.events.FrameEvent;
import frame.core.api.library.ImageState;
import frame.core.api.jobs.JobState;
import frame.core.api.jobs.JobType;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The running FRAME's event stream ({@code GET /api/events}) turned back into core events, read on
 * a thread of its own. {@link #open} returns once the server has said it is connected, so no
 * event of work started after it is missed.
 */
final class RemoteEvents implements AutoCloseable {
  private final CompletableFuture<HttpResponse<Stream<String>>> response;
  private final Thread reader;

  private RemoteEvents(CompletableFuture<HttpResponse<Stream<String>>> response, Thread reader) {
    this.response = response;
    this.reader = reader;
  }

  static RemoteEvents open(HttpClient http, HttpRequest.Builder request, Consumer<FrameEvent> listener) {
    CompletableFuture<HttpResponse<Stream<String>>> response = http.sendAsync(
        request.header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
    CountDownLatch connected = new CountDownLatch(1);
    AtomicBoolean streaming = new AtomicBoolean();
    Thread reader = Thread.ofPlatform().daemon().name("frame-cli-events").start(() -> {
      try (Stream<String> lines = response.join().body()) {
        String event = null;
        for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
          String line = it.next();
          if (line.startsWith(": connected")) {
            streaming.set(true);
            connected.countDown();
          }
          else if (line.startsWith("event:")) event = line.substring(6).trim();
          else if (line.startsWith("data:") && event != null) deliver(event, line.substring(5).trim(), listener);
          else if (line.isEmpty()) event = null;
        }
      } catch (RuntimeException e) {
        // the stream ended (FRAME stopped, or we closed it): the import's own checks take over
      } finally {
        connected.countDown();
      }
    });
    RemoteEvents events = new RemoteEvents(response, reader);
    try {
      if (!connected.await(30, TimeUnit.SECONDS) || !streaming.get()) {
        events.close();
        throw new FrameException("frame_unreachable", "The running FRAME's event stream did not start", true);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      events.close();
      throw new FrameException("interrupted", "Interrupted", true, e);
    }
    return events;
  }

  private static void deliver(String event, String data, Consumer<FrameEvent> listener) {
    try {
      JsonNode json = LoopbackClient.JSON.readTree(data);
      switch (event) {
        case "image" -> listener.accept(new FrameEvent.ImageChanged(json.get("imageId").asLong(),
            ImageState.valueOf(json.get("status").asText())));
        case "job" -> listener.accept(new FrameEvent.JobChanged(json.get("jobId").asLong(),
            json.get("imageId").isNull() ? null : json.get("imageId").asLong(),
            JobType.valueOf(json.get("type").asText()), JobState.valueOf(json.get("status").asText())));
        default -> { } // an event kind this command does not know yet
      }
    } catch (IOException | RuntimeException e) {
      // one unreadable event: the import's database checks settle its photo anyway
    }
  }

  @Override
  public void close() {
    response.cancel(true);
    response.thenAccept(r -> r.body().close());
    reader.interrupt();
  }
}
