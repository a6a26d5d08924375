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
}
