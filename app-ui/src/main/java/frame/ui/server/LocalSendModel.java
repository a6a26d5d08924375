package frame.ui.server;

import frame.core.api.FrameLibrary;
import frame.server.ApiServer;
import frame.server.ServerSettings;
import frame.server.localsend.Approval;
import frame.server.localsend.LocalSendReceiver;
import frame.server.localsend.LocalSendSettings;
import frame.server.localsend.SessionOffer;
import frame.ui.common.Background;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;

/**
 * "Receive from LocalSend" in the Server pane: while on, FRAME is a LocalSend receiver, and each
 * session is the photographer's to accept (sender, file count and size shown) or decline; one
 * left unanswered is refused by the receiver after its timeout.
 */
public final class LocalSendModel implements Approval, AutoCloseable {
  private final FrameLibrary frame;
  private final Background background;
  private final int port;
  private final ObservableBooleanValue lan;
  private final BooleanProperty receiving = new SimpleBooleanProperty();
  private final BooleanProperty asking = new SimpleBooleanProperty();
  private final StringProperty status = new SimpleStringProperty("");
  private final StringProperty offer = new SimpleStringProperty("");
  private CompletableFuture<Boolean> pending;
  private LocalSendReceiver receiver;

  public LocalSendModel(FrameLibrary frame, Background background, int port, ObservableBooleanValue lan) {
    this.frame = frame;
    this.background = background;
    this.port = port;
    this.lan = lan;
    receiving.addListener((o, was, on) -> {
      if (on) start();
      else stop();
    });
  }

  public BooleanProperty receiving() { return receiving; }
  /** True while a sender waits for Accept or Decline. */
  public ReadOnlyBooleanProperty asking() { return asking; }
  public StringProperty status() { return status; }
  /** Who wants to send what, while {@link #asking()}. */
  public StringProperty offer() { return offer; }

  private void start() {
    boolean onLan = lan.get();
    status.set("Starting…");
    background.run(() -> {
      stopReceiver();
      LocalSendReceiver started = LocalSendReceiver.start(frame.ports(),
          LocalSendSettings.of(port, null).withMulticast(onLan), this,
          ApiServer.certificate(frame.config().dataDir(), onLan),
          ServerSettings.defaults(0, onLan, frame.config().dataDir()).bindHost());
      synchronized (this) {
        receiver = started;
      }
      return started;
    }, started -> status.set("Receiving from LocalSend as “FRAME” on port " + started.port()
        + (onLan ? "" : " (this computer only: open to the local network for phones)")),
        failure -> {
          status.set("Not receiving: " + failure.getMessage());
          receiving.set(false);
        });
  }

  private void stop() {
    background.run(() -> {
      stopReceiver();
      return true;
    }, stopped -> status.set(""), failure -> status.set("Could not stop receiving: " + failure.getMessage()));
    decline();
  }

  private synchronized void stopReceiver() {
    if (receiver != null) {
      receiver.close();
      receiver = null;
    }
  }

  @Override
  public CompletableFuture<Boolean> ask(SessionOffer session) {
    CompletableFuture<Boolean> answer = new CompletableFuture<>();
    background.onFx(() -> {
      if (pending != null) pending.complete(false); // one question at a time
      pending = answer;
      offer.set("“" + session.senderAlias() + "” wants to send " + session.files()
          + (session.files() == 1 ? " file" : " files") + " (" + megabytes(session.bytes()) + ")");
      asking.set(true);
    });
    answer.whenComplete((yes, failure) -> background.onFx(() -> {
      if (pending == answer) {
        pending = null;
        asking.set(false);
        offer.set("");
      }
    }));
    return answer;
  }

  public void accept() {
    if (pending != null) pending.complete(true);
  }

  public void decline() {
    if (pending != null) pending.complete(false);
  }

  private static String megabytes(long bytes) {
    return String.format("%.1f MB", bytes / 1e6);
  }

  @Override
  public void close() {
    decline();
    stopReceiver();
  }
}
