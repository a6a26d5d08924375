package frame.ui;

import frame.core.testing.S3Server;
import java.util.Map;
import javafx.scene.control.TextField;
import org.testfx.api.FxRobot;

/** Types a test S3 server's target into an S3 target form's fields (ids {@code <idPrefix>-endpoint} ...). */
final class S3FormInput {
  private S3FormInput() {}

  static void type(FxRobot robot, String idPrefix, S3Server server, String bucket, String prefix) {
    Map<String, String> values = Map.of("endpoint", server.endpoint(), "bucket", bucket, "prefix", prefix,
        "region", "us-east-1", "key-id", S3Server.KEYS.accessKeyId(), "secret", S3Server.KEYS.secretAccessKey());
    robot.interact(() -> values.forEach(
        (field, value) -> robot.lookup("#" + idPrefix + "-" + field).queryAs(TextField.class).setText(value)));
  }
}
