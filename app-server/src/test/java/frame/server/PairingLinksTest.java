package frame.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PairingLinksTest {
  @Test
  void the_link_uses_the_lan_address_a_phone_can_reach_not_loopback_or_a_container_bridge() {
    assertThat(PairingLinks.bestBase(List.of("http://127.0.0.1:8420", "http://172.17.0.1:8420",
        "http://192.168.1.20:8420"))).isEqualTo("http://192.168.1.20:8420");
    assertThat(PairingLinks.bestBase(List.of("http://127.0.0.1:8420", "http://10.0.0.5:8420", "http://172.18.0.1:8420")))
        .isEqualTo("http://10.0.0.5:8420");
    assertThat(PairingLinks.bestBase(List.of("http://127.0.0.1:8420"))).isEqualTo("http://127.0.0.1:8420");
  }

  @Test
  void an_https_link_carries_the_fingerprint_after_the_code_and_both_read_back() {
    var code = new frame.core.api.devices.PairingCode("Ei5Y2530RIHN5-3FNU1iTDqL", "185508",
        java.time.Instant.parse("2026-03-01T10:10:00Z"));
    var fingerprint = frame.server.tls.Fingerprint.parse("ab".repeat(32));
    String link = PairingLinks.link("https://192.168.1.20:8420", code, java.util.Optional.of(fingerprint));

    assertThat(link).isEqualTo("https://192.168.1.20:8420/#pair=Ei5Y2530RIHN5-3FNU1iTDqL&fp=" + "AB:".repeat(31) + "AB");
    assertThat(PairingLinks.codeIn(link)).isEqualTo(code.link());
    assertThat(PairingLinks.fingerprintIn(link)).contains(fingerprint);
    String plain = PairingLinks.link("http://127.0.0.1:8420", code, java.util.Optional.empty());
    assertThat(plain).isEqualTo(PairingLinks.link("http://127.0.0.1:8420", code));
    assertThat(PairingLinks.codeIn(plain)).isEqualTo(code.link());
    assertThat(PairingLinks.fingerprintIn(plain)).isEmpty();
  }
}
