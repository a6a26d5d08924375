package frame.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import frame.core.FrameTestAccess;
import frame.core.auth.Pairings;
import frame.core.api.devices.PairingCode;
import frame.core.api.devices.PairingStatus;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 27, finding 2: guesses at a pairing code from many addresses (each client bound to its
 * own 127.0.0.x, so the server sees them as different machines on the Wi-Fi).
 */
class PairingGuessesTest {
  @TempDir Path dataDir;
  ServerFixture fixture;

  @BeforeEach
  void start() {
    fixture = new ServerFixture(dataDir);
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private record Answer(int status, String code) {}

  private Answer pairFrom(String source, String code) throws Exception {
    try (HttpClient http = HttpClient.newBuilder().localAddress(InetAddress.getByName(source)).build()) {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(fixture.client.uri("/api/pair"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\",\"name\":\"Guesser\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      JsonNode body = ApiClient.JSON.readTree(response.body());
      return new Answer(response.statusCode(), body.path("error").path("code").asText(""));
    }
  }

  private static String wrongFor(PairingCode code, int n) {
    String guess = String.format("%06d", n);
    return guess.equals(code.digits()) ? String.format("%06d", n + 500_000) : guess;
  }

  @Test
  void five_wrong_guesses_from_five_addresses_close_the_code_for_everyone() throws Exception {
    PairingCode code = FrameTestAccess.pairings(fixture.frame).create();
    for (int i = 0; i < frame.core.api.Devices.PAIRING_WRONG_GUESSES_ALLOWED; i++) {
      assertThat(pairFrom("127.0.0." + (2 + i), wrongFor(code, i))).isEqualTo(new Answer(401, "pairing_code_invalid"));
    }

    assertThat(pairFrom("127.0.0.9", code.digits())).isEqualTo(new Answer(401, "pairing_code_closed"));
    assertThat(pairFrom("127.0.0.9", code.link())).as("the link of the same code").isEqualTo(new Answer(401, "pairing_code_closed"));
    assertThat(fixture.frame.ports().devices().pairingStatus(code.digits())).isEqualTo(PairingStatus.CLOSED_AFTER_WRONG_GUESSES);
    assertThat(pairFrom("127.0.0.9", FrameTestAccess.pairings(fixture.frame).create().digits()).status())
        .as("a new code pairs").isEqualTo(201);
  }

  @Test
  void pairing_attempts_from_all_addresses_together_are_capped_per_minute() throws Exception {
    PairingCode code = FrameTestAccess.pairings(fixture.frame).create();
    // each address guesses twice, far below its own limit of 10 a minute
    for (int i = 0; i < PairingThrottle.ATTEMPTS_PER_MINUTE; i++) {
      assertThat(pairFrom("127.0.0." + (10 + i / 2), wrongFor(code, i)).status()).isEqualTo(401);
    }

    PairingCode fresh = FrameTestAccess.pairings(fixture.frame).create();
    assertThat(pairFrom("127.0.0.200", fresh.digits())).isEqualTo(new Answer(429, "too_many_pairing_attempts"));
    assertThat(fixture.frame.ports().devices().pairingStatus(fresh.digits())).as("a refused attempt is not made").isEqualTo(PairingStatus.OPEN);
  }
}
