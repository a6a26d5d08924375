package frame.server;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceInfo;

/** Finds FRAME servers announced on the LAN ({@code _frame._tcp}), listening on each LAN address. */
public final class LanDiscovery {
  private LanDiscovery() {}

  /** One server found: its announced name, a URL to open, and its version. */
  public record Found(String name, String url, String version) {}

  public static List<Found> find(Duration listen) throws IOException {
    List<InetAddress> addresses = LanAddresses.find();
    if (addresses.isEmpty()) throw new IOException("This computer has no LAN address to listen on.");
    Map<String, Found> found = new LinkedHashMap<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<List<Found>>> each = new ArrayList<>();
      for (InetAddress address : addresses) each.add(pool.submit(() -> listenOn(address, listen)));
      for (Future<List<Found>> one : each) {
        try {
          one.get().forEach(f -> found.putIfAbsent(f.url(), f));
        } catch (java.util.concurrent.ExecutionException e) {
          // one interface failed: the others may still answer
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    return List.copyOf(found.values());
  }

  private static List<Found> listenOn(InetAddress address, Duration listen) throws IOException {
    try (JmDNS jmdns = JmDNS.create(address)) {
      return Arrays.stream(jmdns.list(LanAdvertiser.FRAME_TYPE, listen.toMillis()))
          .flatMap(info -> Arrays.stream(info.getInet4Addresses())
              .map(a -> new Found(info.getName(), schemeOf(info) + "://" + a.getHostAddress() + ":" + info.getPort()
                  + pathOf(info), info.getPropertyString("version"))))
          .toList();
    }
  }

  /** A FRAME from before HTTPS announces no scheme: it serves plain HTTP. */
  private static String schemeOf(ServiceInfo info) {
    return "https".equals(info.getPropertyString("scheme")) ? "https" : "http";
  }

  private static String pathOf(ServiceInfo info) {
    String path = info.getPropertyString("path");
    return path == null || !path.startsWith("/") ? "/" : path;
  }
}
