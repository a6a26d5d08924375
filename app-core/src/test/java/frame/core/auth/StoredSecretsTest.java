package frame.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import frame.core.Frame;
import frame.core.FrameTestAccess;
import frame.core.api.devices.PairingCode;
import frame.core.api.devices.PairingStatus;
import frame.core.api.devices.Verification;
import frame.core.db.Jdbc;
import frame.core.testing.FrameFixture;
import frame.core.testing.SettableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What FRAME keeps about pairing codes and tokens in a real database (issue 27, findings 2 and 8). */
class StoredSecretsTest {
  @TempDir Path dataDir;
  SettableClock clock = new SettableClock();
  Frame frame;

  @BeforeEach
  void open() {
    frame = Frame.open(FrameFixture.config(dataDir), clock, Frame.settingsFor(FrameFixture.config(dataDir)), true);
  }

  @AfterEach
  void close() {
    frame.close();
  }

  private Jdbc jdbc() {
    return FrameTestAccess.database(frame).jdbc();
  }

  @Test
  void a_stolen_database_does_not_give_back_the_six_digits_of_a_live_code() throws Exception {
    PairingCode code = FrameTestAccess.pairings(frame).create();
    String stored = jdbc().queryOne("SELECT digits_hash FROM pairing_code", r -> r.getString(1).trim()).orElseThrow();

    // the attack of the finding: hash all 10^6 six-digit strings and look the stored value up
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    String found = null;
    for (int n = 0; n < 1_000_000 && found == null; n++) {
      String digits = String.format(Locale.ROOT, "%06d", n);
      if (HexFormat.of().formatHex(sha256.digest(digits.getBytes(StandardCharsets.US_ASCII))).equals(stored)) found = digits;
    }

    assertThat(found).isNull();
    assertThat(FrameTestAccess.pairings(frame).status(code.digits())).isEqualTo(PairingStatus.OPEN);
    Path key = dataDir.resolve(PairingKey.FILE);
    assertThat(Files.readAllBytes(key)).hasSize(32);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
  }

  @Test
  void a_code_closes_after_five_wrong_guesses_and_then_its_right_digits_are_refused() {
    Pairings pairings = FrameTestAccess.pairings(frame);
    PairingCode code = pairings.create();
    String wrong = code.digits().equals("000000") ? "000001" : "000000";
    for (int i = 0; i < Pairings.WRONG_GUESSES_ALLOWED - 1; i++) {
      assertThat(org.junit.jupiter.api.Assertions.assertThrows(frame.core.api.FrameException.class,
          () -> pairings.redeem(wrong, "x")).code()).isEqualTo("pairing_code_invalid");
    }
    assertThat(pairings.status(code.digits())).isEqualTo(PairingStatus.OPEN);
    org.junit.jupiter.api.Assertions.assertThrows(frame.core.api.FrameException.class, () -> pairings.redeem(wrong, "x"));

    assertThat(pairings.status(code.digits())).isEqualTo(PairingStatus.CLOSED_AFTER_WRONG_GUESSES);
    assertThat(org.junit.jupiter.api.Assertions.assertThrows(frame.core.api.FrameException.class,
        () -> pairings.redeem(code.digits(), "Phone")).code()).isEqualTo("pairing_code_closed");
    assertThat(pairings.redeem(pairings.create().digits(), "Phone").deviceName())
        .as("a new code is not charged with the old one's guesses").isEqualTo("Phone");
  }

  @Test
  void a_hundred_uses_of_a_token_write_its_last_use_once_and_the_list_still_shows_the_latest() {
    ApiTokens tokens = FrameTestAccess.tokens(frame);
    String token = tokens.create("script");
    Instant first = clock.instant();
    for (int i = 0; i < 100; i++) {
      assertThat(tokens.verify(token)).isInstanceOf(Verification.Valid.class);
      clock.advance(Duration.ofMillis(500)); // 50 s of browsing in all
    }
    Instant latest = clock.instant().minusMillis(500);

    assertThat(storedLastUse()).as("written once, at the first use").isEqualTo(first.toEpochMilli());
    assertThat(tokens.list().get(0).lastUsedAt()).isEqualTo(latest);

    clock.advance(Duration.ofSeconds(11)); // a minute after the write
    tokens.verify(token);
    assertThat(storedLastUse()).isEqualTo(clock.millis());
  }

  private long storedLastUse() {
    return jdbc().queryOne("SELECT last_used_at FROM api_token", r -> r.getLong(1)).orElseThrow();
  }
}
