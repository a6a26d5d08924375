package frame.ui.server;

import frame.core.api.devices.TokenInfo;
import frame.core.api.devices.Paired;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import frame.ui.common.NoticeLabel;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The server pane: status, LAN toggle, addresses and the announced name; a QR code of a
 * single-use pairing link with its six digits; paired devices with Unpair; admin tokens.
 */
public final class ServerView extends HBox {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
      .withZone(ZoneId.systemDefault());

  public ServerView(ServerModel model) {
    VBox left = new VBox(8, serverBox(model), pairingBox(model));
    left.setPadding(new Insets(12));
    left.setPrefWidth(420);
    VBox right = new VBox(8, new NoticeLabel(model.notice(), "server-notice"), devicesBox(model), tokensBox(model));
    right.setPadding(new Insets(12));
    HBox.setHgrow(right, Priority.ALWAYS);
    getChildren().addAll(left, right);
  }

  private static VBox serverBox(ServerModel model) {
    Label status = new Label();
    status.setId("server-status");
    status.textProperty().bind(model.status());
    CheckBox lan = new CheckBox("Open to other devices on the local network");
    lan.setId("server-lan");
    lan.selectedProperty().bindBidirectional(model.lan());
    Label advertised = new Label();
    advertised.setId("server-advertised");
    advertised.textProperty().bind(Bindings.createStringBinding(() -> model.advertised().get().isEmpty() ? ""
        : "Announced on the network as “" + model.advertised().get() + "”", model.advertised()));
    ListView<String> urls = new ListView<>(model.urls());
    urls.setId("server-urls");
    urls.setPrefHeight(90);
    Label fingerprint = new Label();
    fingerprint.setId("server-fingerprint");
    fingerprint.setWrapText(true);
    fingerprint.textProperty().bind(Bindings.createStringBinding(() -> model.fingerprint().get().isEmpty() ? ""
        : "HTTPS, with FRAME's own certificate. A phone's browser warns about it once; its SHA-256 fingerprint is "
            + model.fingerprint().get(), model.fingerprint()));
    return new VBox(8, new Label("REST server"), status, lan, advertised, new Label("Addresses"), urls, fingerprint,
        localSendBox(model.localSend()));
  }

  /** Receive from LocalSend: on or off, and Accept or Decline for a sender waiting. */
  private static VBox localSendBox(LocalSendModel model) {
    CheckBox receive = new CheckBox("Receive from LocalSend");
    receive.setId("localsend-receive");
    receive.selectedProperty().bindBidirectional(model.receiving());
    Label status = new Label();
    status.setId("localsend-status");
    status.setWrapText(true);
    status.textProperty().bind(model.status());
    Label offer = new Label();
    offer.setId("localsend-offer");
    offer.setWrapText(true);
    offer.textProperty().bind(model.offer());
    Button accept = new Button("Accept");
    accept.setId("localsend-accept");
    accept.setOnAction(e -> model.accept());
    Button decline = new Button("Decline");
    decline.setId("localsend-decline");
    decline.setOnAction(e -> model.decline());
    HBox question = new HBox(8, offer, accept, decline);
    question.visibleProperty().bind(model.asking());
    question.managedProperty().bind(model.asking());
    return new VBox(6, receive, status, question);
  }

  private static VBox pairingBox(ServerModel model) {
    ImageView qr = new ImageView();
    qr.setId("server-qr");
    qr.imageProperty().bind(Bindings.createObjectBinding(
        () -> model.pairingLink().get().isEmpty() ? null : QrCodes.of(model.pairingLink().get(), 220),
        model.pairingLink()));
    Label digits = new Label();
    digits.setId("server-pairing-digits");
    digits.setStyle("-fx-font-size: 2em; -fx-font-family: monospace;");
    digits.textProperty().bind(model.pairingDigits());
    Label expiry = new Label();
    expiry.setId("server-pairing-expiry");
    expiry.textProperty().bind(model.pairingExpiry());
    Button renew = new Button("New code");
    renew.setId("server-pairing-new");
    renew.disableProperty().bind(model.running().not());
    renew.setOnAction(e -> model.newPairingCode());
    Label how = new Label("Scan with the phone's camera, or open the address on a laptop and type the six digits.");
    how.setWrapText(true);
    return new VBox(8, new Label("Pair a phone or laptop"), how, qr, digits, new HBox(8, expiry, renew));
  }

  private static VBox devicesBox(ServerModel model) {
    ListView<TokenInfo> devices = new ListView<>(model.devices());
    devices.setId("server-devices");
    devices.setPrefHeight(160);
    devices.setPlaceholder(new Label("No paired devices yet."));
    devices.setCellFactory(list -> new TokenCell("paired"));
    Button unpair = new Button("Unpair selected");
    unpair.setId("server-device-unpair");
    unpair.disableProperty().bind(devices.getSelectionModel().selectedItemProperty().isNull());
    unpair.setOnAction(e -> model.revoke(devices.getSelectionModel().getSelectedItem()));
    Label note = new Label("Paired devices upload and browse; they cannot reach admin routes or tokens.");
    note.setWrapText(true);
    return new VBox(8, new Label("Paired devices"), devices, note, unpair);
  }

  private static VBox tokensBox(ServerModel model) {
    ListView<TokenInfo> tokens = new ListView<>(model.tokens());
    tokens.setId("server-tokens");
    tokens.setPrefHeight(120);
    tokens.setCellFactory(list -> new TokenCell("created"));
    TextField name = new TextField();
    name.setId("server-token-name");
    name.setPromptText("Name, e.g. nas-script");
    Button create = new Button("Create admin token");
    create.setId("server-token-create");
    create.disableProperty().bind(name.textProperty().isEmpty());
    create.setOnAction(e -> {
      model.createToken(name.getText());
      name.clear();
    });
    TextField shown = new TextField();
    shown.setId("server-token-new");
    shown.setEditable(false);
    shown.textProperty().bind(model.newToken());
    Button copy = new Button("Copy");
    copy.disableProperty().bind(model.newToken().isEmpty());
    copy.setOnAction(e -> {
      ClipboardContent content = new ClipboardContent();
      content.putString(model.newToken().get());
      Clipboard.getSystemClipboard().setContent(content);
    });
    Button revoke = new Button("Revoke selected");
    revoke.disableProperty().bind(tokens.getSelectionModel().selectedItemProperty().isNull());
    revoke.setOnAction(e -> model.revoke(tokens.getSelectionModel().getSelectedItem()));
    Label once = new Label("Admin tokens can do everything, for scripts. A new one is shown once: copy it now.");
    once.setWrapText(true);
    return new VBox(8, new Label("Admin tokens"), tokens, new HBox(8, name, create), once, new HBox(8, shown, copy),
        revoke);
  }

  /** A token as text only (a device may name itself anything): name, then when made and last seen. */
  private static final class TokenCell extends ListCell<TokenInfo> {
    private final String madeWord;

    TokenCell(String madeWord) {
      this.madeWord = madeWord;
    }

    @Override
    protected void updateItem(TokenInfo token, boolean empty) {
      super.updateItem(token, empty);
      setGraphic(null);
      setText(empty || token == null ? null : token.name() + "   " + madeWord + " " + WHEN.format(token.createdAt())
          + (token.lastUsedAt() == null ? ", never seen" : ", last seen " + WHEN.format(token.lastUsedAt())));
    }
  }
}
