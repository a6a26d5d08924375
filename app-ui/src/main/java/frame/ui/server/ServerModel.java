package frame.ui.server;

import frame.core.Frame;
import frame.core.auth.ApiTokens;
import frame.server.ApiServer;
import frame.server.ServerSettings;
import frame.ui.Background;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The embedded REST server as the desktop shows it: running, loopback or LAN, URLs, tokens. */
public final class ServerModel implements AutoCloseable {
  private final Frame frame;
  private final Background background;
  private final int port;
  private final BooleanProperty running = new SimpleBooleanProperty();
  private final BooleanProperty lan = new SimpleBooleanProperty();
  private final StringProperty status = new SimpleStringProperty("Stopped");
  private final ObservableList<String> urls = FXCollections.observableArrayList();
  private final ObservableList<ApiTokens.TokenInfo> tokens = FXCollections.observableArrayList();
  private final StringProperty newToken = new SimpleStringProperty("");
  private ApiServer server;

  public ServerModel(Frame frame, Background background, int port, boolean lanAtStart) {
    this.frame = frame;
    this.background = background;
    this.port = port;
    this.lan.set(lanAtStart);
    lan.addListener((o, a, b) -> restart());
  }

  public BooleanProperty running() { return running; }
  /** True: every interface, for LAN devices; false: this machine only. */
  public BooleanProperty lan() { return lan; }
  public StringProperty status() { return status; }
  public ObservableList<String> urls() { return urls; }
  public ObservableList<ApiTokens.TokenInfo> tokens() { return tokens; }
  /** A token just created, shown once so it can be copied. */
  public StringProperty newToken() { return newToken; }

  public void start() {
    boolean onLan = lan.get();
    status.set("Starting…");
    background.run(() -> {
      stopServer();
      ApiServer started = ApiServer.start(frame, ServerSettings.defaults(port, onLan, frame.config().dataDir()));
      synchronized (this) {
        server = started;
      }
      return started.urls();
    }, list -> {
      urls.setAll(list);
      running.set(true);
      status.set(onLan ? "Running, open to the local network" : "Running, this computer only");
    }, failure -> {
      urls.clear();
      running.set(false);
      status.set("Not running: " + failure.getMessage());
    });
    refreshTokens();
  }

  private void restart() {
    if (running.get()) start();
  }

  private synchronized void stopServer() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  public void createToken(String name) {
    background.run(() -> frame.tokens().create(name.trim()), token -> {
      newToken.set(token);
      refreshTokens();
    }, failure -> newToken.set(""));
  }

  public void revoke(String name) {
    background.run(() -> frame.tokens().revoke(name), ignored -> refreshTokens(), failure -> {});
  }

  public void refreshTokens() {
    background.run(() -> frame.tokens().list(), (List<ApiTokens.TokenInfo> list) -> tokens.setAll(list), failure -> {});
  }

  @Override
  public void close() {
    stopServer();
  }
}
