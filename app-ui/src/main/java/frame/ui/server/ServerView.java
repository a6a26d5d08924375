package frame.ui.server;

import frame.core.auth.ApiTokens;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The server pane: status, LAN toggle, URLs with a QR code, and API tokens. */
public final class ServerView extends HBox {
  public ServerView(ServerModel model) {
    Label status = new Label();
    status.setId("server-status");
    status.textProperty().bind(model.status());
    CheckBox lan = new CheckBox("Open to other devices on the local network");
    lan.setId("server-lan");
    lan.selectedProperty().bindBidirectional(model.lan());
    ListView<String> urls = new ListView<>(model.urls());
    urls.setId("server-urls");
    urls.setPrefHeight(110);
    ImageView qr = new ImageView();
    qr.setId("server-qr");
    qr.imageProperty().bind(Bindings.createObjectBinding(
        () -> model.urls().isEmpty() ? null : QrCodes.of(model.urls().get(model.urls().size() - 1) + "/api", 220),
        model.urls()));
    VBox left = new VBox(8, new Label("REST server"), status, lan, new Label("Addresses"), urls, qr);
    left.setPadding(new Insets(12));
    left.setPrefWidth(420);

    ListView<ApiTokens.TokenInfo> tokens = new ListView<>(model.tokens());
    tokens.setId("server-tokens");
    tokens.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
      @Override
      protected void updateItem(ApiTokens.TokenInfo token, boolean empty) {
        super.updateItem(token, empty);
        setText(empty || token == null ? null : token.name() + "   created " + token.createdAt()
            + (token.lastUsedAt() == null ? ", never used" : ", last used " + token.lastUsedAt()));
      }
    });
    TextField name = new TextField();
    name.setId("server-token-name");
    name.setPromptText("Name, e.g. phone");
    Button create = new Button("Create token");
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
    revoke.setOnAction(e -> model.revoke(tokens.getSelectionModel().getSelectedItem().name()));
    Label once = new Label("A new token is shown once: copy it now. FRAME keeps only its hash.");
    once.setWrapText(true);
    VBox right = new VBox(8, new Label("API tokens"), tokens, new HBox(8, name, create), once, new HBox(8, shown, copy), revoke);
    right.setPadding(new Insets(12));
    HBox.setHgrow(right, javafx.scene.layout.Priority.ALWAYS);
    getChildren().addAll(left, right);
  }
}
