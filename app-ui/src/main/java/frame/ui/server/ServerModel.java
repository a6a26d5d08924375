package frame.ui.server;

import frame.core.Frame;
import frame.core.auth.ApiTokens;
import frame.core.auth.Pairings;
import frame.core.auth.TokenKind;
import frame.server.ApiServer;
import frame.server.PairingLinks;
import frame.server.ServerSettings;
import frame.server.localsend.LocalSendSettings;
import frame.ui.Background;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The embedded REST server as the desktop shows it: running, loopback or LAN, URLs, the name it is
 * announced under, a pairing code for phones (renewed when used or expired), paired devices and
 * admin tokens.
 */
public final class ServerModel implements AutoCloseable {
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

  private final Frame frame;
  private final Background background;
  private final int port;
  private final BooleanProperty running = new SimpleBooleanProperty();
  private final BooleanProperty lan = new SimpleBooleanProperty();
  private final StringProperty status = new SimpleStringProperty("Stopped");
  private final StringProperty advertised = new SimpleStringProperty("");
  private final ObservableList<String> urls = FXCollections.observableArrayList();
  private final ObservableList<ApiTokens.TokenInfo> tokens = FXCollections.observableArrayList();
  private final ObservableList<ApiTokens.TokenInfo> devices = FXCollections.observableArrayList();
  private final StringProperty newToken = new SimpleStringProperty("");
  private final StringProperty pairingLink = new SimpleStringProperty("");
  private final StringProperty pairingDigits = new SimpleStringProperty("");
  private final StringProperty pairingExpiry = new SimpleStringProperty("");
  private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "frame-server-pane");
    thread.setDaemon(true);
    return thread;
  });
  private volatile Instant pairingExpiresAt = Instant.MAX;
  private ApiServer server;
  private final LocalSendModel localSend;

  public ServerModel(Frame frame, Background background, int port, boolean lanAtStart) {
    this.frame = frame;
    this.background = background;
    this.port = port;
    this.lan.set(lanAtStart);
    this.localSend = new LocalSendModel(frame, background, LocalSendSettings.DEFAULT_PORT, lan);
    lan.addListener((o, a, b) -> restart());
    // last-seen times move, devices pair and codes expire while the pane is open
    refresher.scheduleWithFixedDelay(() -> background.onFx(this::refreshTokens), 5, 5, TimeUnit.SECONDS);
  }

  public BooleanProperty running() { return running; }
  /** True: every interface, for LAN devices; false: this machine only. */
  public BooleanProperty lan() { return lan; }
  public StringProperty status() { return status; }
  /** The name other devices see over mDNS, empty when not open to the LAN. */
  public StringProperty advertised() { return advertised; }
  public ObservableList<String> urls() { return urls; }
  /** Admin tokens (scripts, the command line). */
  public ObservableList<ApiTokens.TokenInfo> tokens() { return tokens; }
  /** Paired phones and laptops. */
  public ObservableList<ApiTokens.TokenInfo> devices() { return devices; }
  /** A token just created, shown once so it can be copied. */
  public StringProperty newToken() { return newToken; }
  /** The single-use pairing link the QR code carries; empty until the server runs. */
  public StringProperty pairingLink() { return pairingLink; }
  public StringProperty pairingDigits() { return pairingDigits; }
  public StringProperty pairingExpiry() { return pairingExpiry; }
  /** Receive from LocalSend, with the photographer's Accept. */
  public LocalSendModel localSend() { return localSend; }

  public void start() {
    boolean onLan = lan.get();
    status.set("Starting…");
    background.run(() -> {
      stopServer();
      ApiServer started = ApiServer.start(frame, ServerSettings.defaults(port, onLan, frame.config().dataDir()));
      synchronized (this) {
        server = started;
      }
      return started;
    }, started -> {
      urls.setAll(started.urls());
      advertised.set(started.advertisedName().orElse(""));
      running.set(true);
      status.set(onLan ? "Running, open to the local network" : "Running, this computer only");
      newPairingCode();
    }, failure -> {
      urls.clear();
      advertised.set("");
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

  /** A fresh pairing code; the one shown before stays valid until used or expired. */
  public void newPairingCode() {
    List<String> addresses = List.copyOf(urls);
    if (addresses.isEmpty()) return;
    background.run(() -> frame.createPairing(), (Pairings.PairingCode code) -> {
      pairingExpiresAt = code.expiresAt();
      pairingLink.set(PairingLinks.link(PairingLinks.bestBase(addresses), code));
      pairingDigits.set(code.digits().substring(0, 3) + " " + code.digits().substring(3));
      pairingExpiry.set("Works once, until " + CLOCK.format(code.expiresAt()));
    }, failure -> pairingExpiry.set("No pairing code: " + failure.getMessage()));
  }

  public void createToken(String name) {
    background.run(() -> frame.createToken(name.trim()), token -> {
      newToken.set(token);
      refreshTokens();
    }, failure -> newToken.set(""));
  }

  /** Revokes an admin token or unpairs a device; its next request is refused. */
  public void revoke(ApiTokens.TokenInfo token) {
    background.run(() -> frame.revokeToken(token.id()), ignored -> refreshTokens(), failure -> {});
  }

  public void refreshTokens() {
    background.run(() -> frame.tokens(), (List<ApiTokens.TokenInfo> list) -> {
      Set<Long> before = devices.stream().map(ApiTokens.TokenInfo::id).collect(Collectors.toSet());
      List<ApiTokens.TokenInfo> paired = list.stream().filter(t -> t.kind() == TokenKind.DEVICE).toList();
      boolean someonePaired = paired.stream().anyMatch(t -> !before.contains(t.id()));
      tokens.setAll(list.stream().filter(t -> t.kind() == TokenKind.ADMIN).toList());
      devices.setAll(paired);
      // the code on screen was probably just used, or has run out: show one that works
      if (running.get() && (someonePaired || Instant.now().isAfter(pairingExpiresAt))) newPairingCode();
    }, failure -> {});
  }

  @Override
  public void close() {
    refresher.shutdownNow();
    localSend.close();
    stopServer();
  }
}
