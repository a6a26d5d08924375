package frame.server;

import frame.core.api.FrameException;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * The port the server is to listen on, checked before Jetty tries it: Jetty would log a bind
 * failure at ERROR with a long stack trace; a person needs one line saying the port is taken.
 */
public final class ListenPort {
  /** The code of the {@link FrameException} for a port another program holds. */
  public static final String TAKEN = "port_in_use";

  private ListenPort() {}

  static void ensureFree(String host, int port) {
    if (port == 0) return; // any free port
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true); // as Jetty binds: a port in TIME_WAIT is free
      probe.bind(new InetSocketAddress(host, port));
    } catch (BindException e) {
      throw taken(host, port);
    } catch (IOException e) {
      // not a bind conflict: let Jetty try and report what it finds
    }
  }

  static FrameException taken(String host, int port) {
    return new FrameException(TAKEN, "Port " + port + " on " + host
        + " is already in use (another FRAME, or another program)", true);
  }
}
