package frame.ui.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import frame.core.Frame;
import frame.core.FrameTestAccess;
import frame.core.auth.Pairings;
import frame.core.api.FrameException;
import frame.core.api.devices.PairingStatus;
import frame.core.testing.FrameFixture;
import frame.ui.common.Background;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 27, finding 2: the Server pane replaces a code that wrong guesses closed, and says why. */
class ServerModelPairingTest {
  @TempDir Path dataDir;

  @Test
  void a_code_closed_by_wrong_guesses_is_replaced_with_a_new_one_and_the_pane_says_why() {
    try (Frame frame = FrameFixture.open(dataDir);
        ServerModel model = new ServerModel(frame, Background.sameThread(), 0, false)) {
      model.start();
      String shown = model.pairingDigits().get().replace(" ", "");
      assertThat(shown).matches("\\d{6}");
      String wrong = shown.equals("000000") ? "000001" : "000000";
      for (int i = 0; i < Pairings.WRONG_GUESSES_ALLOWED; i++) {
        assertThrows(FrameException.class, () -> FrameTestAccess.pairings(frame).redeem(wrong, "Guesser"));
      }

      model.checkPairingCode();

      String now = model.pairingDigits().get().replace(" ", "");
      assertThat(now).matches("\\d{6}").isNotEqualTo(shown);
      assertThat(frame.ports().devices().pairingStatus(now)).isEqualTo(PairingStatus.OPEN);
      assertThat(model.pairingExpiry().get()).contains("closed after 5 wrong guesses");
    }
  }
}
