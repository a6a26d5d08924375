package frame.ui.server;

import frame.core.api.Devices;
import frame.core.api.devices.TokenInfo;
import frame.core.api.devices.PairingCode;
import frame.core.api.devices.Paired;
import frame.core.api.devices.PairingStatus;

import frame.core.api.FrameLibrary;
import frame.core.api.devices.TokenKind;
import frame.server.ApiServer;
import frame.server.PairingLinks;
import frame.server.ServerSettings;
import frame.server.localsend.LocalSendSettings;
import frame.server.tls.Fingerprint;
import frame.ui.common.Background;
import frame.ui.common.Notice;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
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

  private final FrameLibrary frame;
  private final Devices devicesPort;
  private final Background background;
  private final int port;
  private final BooleanProperty running = new SimpleBooleanProperty();
  private final BooleanProperty lan = new SimpleBooleanProperty();
  private final StringProperty status = new SimpleStringProperty("Stopped");
  private final StringProperty advertised = new SimpleStringProperty("");
  private final ObservableList<String> urls = FXCollections.observableArrayList();
  private final ObservableList<TokenInfo> tokens = FXCollections.observableArrayList();
  private final ObservableList<TokenInfo> devices = FXCollections.observableArrayList();
  private final StringProperty newToken = new SimpleStringProperty("");
  private final StringProperty pairingLink = new SimpleStringProperty("");
  private final StringProperty pairingDigits = new SimpleStringProperty("");
  private final StringProperty pairingExpiry = new SimpleStringProperty("");
  private final StringProperty fingerprint = new SimpleStringProperty("");
  private Optional<Fingerprint> served = Optional.empty();
  private final Notice notice = new Notice();
  private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "frame-server-pane");
    thread.setDaemon(true);
    return thread;
  });
  private volatile Instant pairingExpiresAt = Instant.MAX;
  private volatile String shownDigits;
  private ApiServer server;
  private final LocalSendModel localSend;

  public ServerModel(FrameLibrary frame, Background background, int port, boolean lanAtStart) {
    this.frame = frame;
    this.devicesPort = frame.ports().devices();
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
  public ObservableList<TokenInfo> tokens() { return tokens; }
  /** Paired phones and laptops. */
  public ObservableList<TokenInfo> devices() { return devices; }
  /** A token just created, shown once so it can be copied. */
  public StringProperty newToken() { return newToken; }
  /** The single-use pairing link the QR code carries; empty until the server runs. */
  public StringProperty pairingLink() { return pairingLink; }
  public StringProperty pairingDigits() { return pairingDigits; }
  public StringProperty pairingExpiry() { return pairingExpiry; }
  /** The HTTPS certificate's SHA-256 fingerprint (AB:12:...), empty when serving plain HTTP on loopback. */
  public StringProperty fingerprint() { return fingerprint; }
  /** What went wrong with the last token or device action, in plain words; empty when nothing did. */
  public Notice notice() { return notice; }
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
      served = started.fingerprint();
      fingerprint.set(served.map(Fingerprint::hex).orElse(""));
      advertised.set(started.advertisedName().orElse(""));
      running.set(true);
      status.set(onLan ? "Running, open to the local network" : "Running, this computer only");
      newPairingCode();
    }, failure -> {
      urls.clear();
      served = Optional.empty();
      fingerprint.set("");
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
    newPairingCode("");
  }

  /** A fresh code, with why the last one was replaced (empty when nothing needs saying). */
  private void newPairingCode(String why) {
    List<String> addresses = List.copyOf(urls);
    Optional<Fingerprint> certificate = served;
    if (addresses.isEmpty()) return;
    background.run(() -> devicesPort.createPairing(), (PairingCode code) -> {
      pairingExpiresAt = code.expiresAt();
      shownDigits = code.digits();
      pairingLink.set(PairingLinks.link(PairingLinks.bestBase(addresses), code, certificate));
      pairingDigits.set(code.digits().substring(0, 3) + " " + code.digits().substring(3));
      pairingExpiry.set(why + "Works once, until " + CLOCK.format(code.expiresAt()));
    }, failure -> pairingExpiry.set("No pairing code: " + failure.getMessage()));
  }

  /** Replaces the code on screen if wrong guesses closed it, and says so. */
  public void checkPairingCode() {
    String digits = shownDigits;
    if (digits == null || !running.get()) return;
    background.run(() -> devicesPort.pairingStatus(digits), status -> {
      if (status == PairingStatus.CLOSED_AFTER_WRONG_GUESSES && digits.equals(shownDigits)) {
        newPairingCode("New code: the last one was closed after " + Devices.PAIRING_WRONG_GUESSES_ALLOWED
            + " wrong guesses from the network. ");
      }
    }, notice.onFailure("check the pairing code"));
  }

  public void createToken(String name) {
    background.run(() -> devicesPort.createToken(name.trim()), token -> {
      newToken.set(token);
      refreshTokens();
      notice.clear();
    }, failure -> {
      newToken.set("");
      notice.failed("create the token", failure);
    });
  }

  /** Revokes an admin token or unpairs a device; its next request is refused. */
  public void revoke(TokenInfo token) {
    background.run(() -> devicesPort.revoke(token.id()), revoked -> {
      // revoked meanwhile, e.g. with `frame token revoke` or from another window
      if (revoked) notice.clear();
      else notice.say("\"" + token.name() + "\" was already revoked. The list is refreshed.");
      refreshTokens();
    }, notice.onFailure("revoke \"" + token.name() + "\""));
  }

  public void refreshTokens() {
    background.run(() -> devicesPort.tokens(), (List<TokenInfo> list) -> {
      notice.recovered("list the tokens and devices");
      Set<Long> before = devices.stream().map(TokenInfo::id).collect(Collectors.toSet());
      List<TokenInfo> paired = list.stream().filter(t -> t.kind() == TokenKind.DEVICE).toList();
      boolean someonePaired = paired.stream().anyMatch(t -> !before.contains(t.id()));
      tokens.setAll(list.stream().filter(t -> t.kind() == TokenKind.ADMIN).toList());
      devices.setAll(paired);
      // the code on screen was probably just used, or has run out: show one that works
      if (running.get() && (someonePaired || Instant.now().isAfter(pairingExpiresAt))) newPairingCode();
      else checkPairingCode();
    }, notice.onFailure("list the tokens and devices"));
  }

  @Override
  public void close() {
    refresher.shutdownNow();
    localSend.close();
    stopServer();
  }
}
