package frame.cli.remote;

import com.fasterxml.jackson.databind.JsonNode;
import frame.core.api.Events;
import frame.core.api.FrameLibrary;
import frame.core.api.Ports;
import frame.core.api.config.FrameConfig;
import frame.core.api.events.FrameEvent;
import frame.server.LocalEndpoint;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The FRAME already running on a data folder (the window or {@code frame serve}), reached over its
 * loopback API with the credential it published ({@link LocalEndpoint}): the same ports as a
 * library opened in this process, so a command is written once. What the API does not offer
 * fails with {@code not_over_the_api}.
 */
public final class HttpPorts implements FrameLibrary {
  private final LoopbackClient api;
  private final HttpDevices devices;
  private final Ports ports;

  public HttpPorts(LocalEndpoint.Published endpoint, FrameConfig config) {
    this.api = new LoopbackClient(endpoint, config);
    this.devices = new HttpDevices(api);
    HttpLibrary library = new HttpLibrary(api);
    Events events = listener -> subscribe(listener);
    this.ports = new Ports(library, new HttpImports(api), new HttpJobs(api), new HttpQueue(api),
        new HttpTrash(api, library), devices, new HttpNodes(api), events, new HttpCatalogue(api), archive(api),
        new HttpCulling(api));
  }

  private static RemoteArchive archive(LoopbackClient api) {
    return new RemoteArchive(new RemoteArchive.Http() {
      @Override
      public JsonNode get(String path) {
        return LoopbackClient.checked(api.send(api.request(path).GET().build()));
      }

      @Override
      public JsonNode post(String path, JsonNode body) {
        return api.post(path, body, JsonNode.class);
      }

      @Override
      public HttpResponse<byte[]> delete(String path) {
        return api.send(api.request(path).DELETE().build());
      }

      @Override
      public JsonNode checkedBody(HttpResponse<byte[]> response) {
        return LoopbackClient.checked(response);
      }
    });
  }

  private Events.Subscription subscribe(Consumer<FrameEvent> listener) {
    RemoteEvents stream = RemoteEvents.open(api.http(), api.request("/api/events").timeout(Duration.ofDays(365)), listener);
    return stream::close;
  }

  @Override
  public Ports ports() {
    return ports;
  }

  @Override
  public FrameConfig config() {
    return api.config();
  }

  /** The addresses the running server put in the last pairing code's links ({@code Devices#createPairing}). */
  public List<String> pairingUrls() {
    return devices.pairingUrls();
  }

  @Override
  public void close() {
    api.close();
  }
}
