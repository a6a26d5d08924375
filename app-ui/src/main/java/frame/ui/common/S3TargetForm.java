package frame.ui.common;

import static frame.ui.common.Forms.field;

import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/**
 * The fields that name an S3 target (endpoint, bucket, prefix, region, access key id, secret), as
 * the Archive pane's "Add an S3 target" and File → Recover from archive… both ask for them. Their
 * ids are {@code <idPrefix>-endpoint}, {@code -bucket}, {@code -prefix}, {@code -region},
 * {@code -key-id} and {@code -secret}.
 */
public final class S3TargetForm {
  private final TextField endpoint;
  private final TextField bucket;
  private final TextField prefix;
  private final TextField region;
  private final TextField keyId;
  private final PasswordField secret = new PasswordField();

  public S3TargetForm(String idPrefix, String prefixPrompt, String secretPrompt) {
    endpoint = field(idPrefix + "-endpoint", "https://nas.local:9000");
    bucket = field(idPrefix + "-bucket", "photos");
    prefix = field(idPrefix + "-prefix", prefixPrompt);
    region = field(idPrefix + "-region", "optional, e.g. us-east-1");
    keyId = field(idPrefix + "-key-id", "access key id");
    secret.setId(idPrefix + "-secret");
    secret.setPromptText(secretPrompt);
  }

  /** Adds the six labelled rows to {@code grid} from row {@code first}; returns the next free row. */
  public int addRows(GridPane grid, int first) {
    grid.addRow(first, new Label("Endpoint"), endpoint);
    grid.addRow(first + 1, new Label("Bucket"), bucket);
    grid.addRow(first + 2, new Label("Prefix"), prefix);
    grid.addRow(first + 3, new Label("Region"), region);
    grid.addRow(first + 4, new Label("Access key id"), keyId);
    grid.addRow(first + 5, new Label("Secret"), secret);
    return first + 6;
  }

  public String endpoint() { return endpoint.getText(); }

  public String bucket() { return bucket.getText(); }

  public String prefix() { return prefix.getText(); }

  public String region() { return region.getText(); }

  public String keyId() { return keyId.getText(); }

  /** The secret as typed; {@link #clearSecret()} once it is handed on: typed once, never kept in the window. */
  public String secret() { return secret.getText(); }

  public void clearSecret() {
    secret.clear();
  }

  /** Empties every field, the secret too. */
  public void clear() {
    for (TextField field : new TextField[] {endpoint, bucket, prefix, region, keyId, secret}) field.clear();
  }
}
