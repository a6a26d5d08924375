package frame.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server certificate in a real data folder: made once, kept private, reused, renewed in time. */
class CertificatesTest {
  static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  @TempDir Path dataDir;

  static Clock at(Instant instant) {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }

  Set<String> names(String... lan) {
    return CertificateNames.forThisComputer(List.of(lan));
  }

  @Test
  void the_first_use_makes_a_certificate_kept_private_in_the_data_folder_that_names_this_computer() throws Exception {
    ServerCertificate made = new Certificates(dataDir, at(NOW)).current(names("192.168.1.20"));

    Path file = dataDir.resolve("tls").resolve("server.p12");
    assertThat(file).isRegularFile();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
    assertThat(Certificates.namesIn(made.certificate()))
        .contains("localhost", "127.0.0.1", "0:0:0:0:0:0:0:1", "192.168.1.20")
        .anyMatch(name -> name.endsWith(".local"));
    assertThat(made.certificate().getNotAfter().toInstant()).isAfter(NOW.plus(Duration.ofDays(365)));
    made.certificate().verify(made.certificate().getPublicKey()); // self-signed
    assertThat(made.fingerprint().hex()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");

    Path pem = dataDir.resolve("tls").resolve("server.pem");
    try (var in = Files.newInputStream(pem)) {
      var exported = java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in);
      assertThat(Fingerprint.of(exported)).as("the PEM for other tools is the same certificate").isEqualTo(made.fingerprint());
    }
    assertThat(Files.readString(pem)).doesNotContain("PRIVATE");
  }

  @Test
  void a_restart_reuses_the_stored_certificate_unchanged() throws Exception {
    Fingerprint first = new Certificates(dataDir, at(NOW)).current(names("192.168.1.20")).fingerprint();
    byte[] stored = Files.readAllBytes(dataDir.resolve("tls/server.p12"));

    Certificates again = new Certificates(dataDir, at(NOW.plus(Duration.ofDays(200))));
    assertThat(again.current(names("192.168.1.20")).fingerprint()).isEqualTo(first);
    assertThat(again.current(names()).fingerprint()).as("loopback only: fewer names, still covered").isEqualTo(first);
    assertThat(Files.readAllBytes(dataDir.resolve("tls/server.p12"))).isEqualTo(stored);
  }

  @Test
  void it_is_renewed_within_thirty_days_of_expiring() {
    ServerCertificate old = new Certificates(dataDir, at(NOW)).current(names());
    Instant expires = old.certificate().getNotAfter().toInstant();

    Instant stillGood = expires.minus(Duration.ofDays(31));
    assertThat(new Certificates(dataDir, at(stillGood)).current(names()).fingerprint()).isEqualTo(old.fingerprint());

    Instant nearEnd = expires.minus(Duration.ofDays(29));
    ServerCertificate renewed = new Certificates(dataDir, at(nearEnd)).current(names());
    assertThat(renewed.fingerprint()).isNotEqualTo(old.fingerprint());
    assertThat(renewed.certificate().getNotAfter().toInstant()).isAfter(nearEnd.plus(Duration.ofDays(365)));
    assertThat(new Certificates(dataDir, at(nearEnd)).stored().orElseThrow().fingerprint())
        .as("the new one is what the next start finds").isEqualTo(renewed.fingerprint());
  }

  @Test
  void a_new_lan_address_the_certificate_does_not_name_gets_a_new_certificate() {
    ServerCertificate home = new Certificates(dataDir, at(NOW)).current(names("192.168.1.20"));
    ServerCertificate office = new Certificates(dataDir, at(NOW)).current(names("10.0.0.7"));

    assertThat(office.fingerprint()).isNotEqualTo(home.fingerprint());
    assertThat(Certificates.namesIn(office.certificate())).contains("10.0.0.7");
  }

  @Test
  void a_damaged_keystore_is_replaced_and_a_widened_mode_is_put_back() throws Exception {
    Path file = dataDir.resolve("tls/server.p12");
    Fingerprint first = new Certificates(dataDir, at(NOW)).current(names()).fingerprint();
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(new Certificates(dataDir, at(NOW)).current(names()).fingerprint()).isEqualTo(first);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

    Files.write(file, new byte[] {1, 2, 3});
    ServerCertificate remade = new Certificates(dataDir, at(NOW)).current(names());
    assertThat(remade.fingerprint()).isNotEqualTo(first);
    assertThat(new Certificates(dataDir, at(NOW)).stored()).isPresent();
  }

  @Test
  void fingerprints_are_read_as_people_paste_them_and_wrong_ones_are_refused_clearly() {
    Fingerprint made = new Certificates(dataDir, at(NOW)).current(names()).fingerprint();
    assertThat(Fingerprint.parse(made.hex().replace(":", "").toLowerCase())).isEqualTo(made);
    assertThat(Fingerprint.parse(made.hex().replace(":", " "))).isEqualTo(made);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Fingerprint.parse("AB:CD"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("64 hex digits");
  }
}
