package frame.server;

import frame.core.FrameTestAccess;
import frame.core.Frame;
import frame.core.testing.FrameFixture;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** A real FRAME with its REST server on a random loopback port, and a token for it. */
final class ServerFixture implements AutoCloseable {
  final Frame frame;
  final ApiServer server;
  final String token;
  final ApiClient client;
  final ServerSettings settings;

  ServerFixture(Path dataDir) {
    this(dataDir, s -> s);
  }

  ServerFixture(Path dataDir, UnaryOperator<ServerSettings> adjust) {
    this(FrameFixture.open(dataDir), dataDir, adjust);
  }

  /** A server over a FRAME the test opened itself (e.g. with a settable clock). */
  ServerFixture(Frame opened, Path dataDir, UnaryOperator<ServerSettings> adjust) {
    this(opened, dataDir, adjust, false);
  }

  /** The same, serving HTTPS with the data folder's certificate when {@code tls}. */
  ServerFixture(Frame opened, Path dataDir, UnaryOperator<ServerSettings> adjust, boolean tls) {
    frame = opened;
    // a data folder opened again keeps its earlier test token: each opening gets its own
    token = FrameTestAccess.tokens(frame).create("test-" + (FrameTestAccess.tokens(frame).list().size() + 1));
    settings = adjust.apply(ServerSettings.defaults(0, false, dataDir));
    server = ApiServer.start(frame, settings, tls);
    client = new ApiClient(server.port(), token);
  }

  @Override
  public void close() {
    server.close();
    frame.close();
  }
}
