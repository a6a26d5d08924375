package frame.server.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The SHA-256 of a certificate's DER encoding, written as 32 upper-case hex pairs joined by
 * colons ({@code AB:12:...}), the form browsers show in their certificate viewers. Two servers
 * with the same fingerprint hold the same certificate: that is what FRAME's own clients pin.
 */
public record Fingerprint(String hex) {
  private static final HexFormat PAIRS = HexFormat.ofDelimiter(":").withUpperCase();

  public Fingerprint {
    if (!hex.matches("([0-9A-F]{2}:){31}[0-9A-F]{2}")) {
      throw new IllegalArgumentException("Not a SHA-256 fingerprint: " + hex);
    }
  }

  public static Fingerprint of(Certificate certificate) {
    try {
      return new Fingerprint(PAIRS.formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded())));
    } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot fingerprint a certificate", e);
    }
  }

  /**
   * A fingerprint as a person may type or paste it: with colons, spaces or nothing between the
   * pairs, in either case. Anything else is refused with a message that shows the expected form.
   */
  public static Fingerprint parse(String text) {
    String digits = text == null ? "" : text.replaceAll("[\\s:]", "").toUpperCase(Locale.ROOT);
    if (!digits.matches("[0-9A-F]{64}")) {
      throw new IllegalArgumentException("A certificate fingerprint is 64 hex digits (SHA-256), e.g. "
          + "'AB:12:...:EF' as 'frame serve' prints it; got '" + text + "'.");
    }
    return new Fingerprint(PAIRS.formatHex(HexFormat.of().parseHex(digits)));
  }

  /**
   * The same digest as LocalSend writes a device's fingerprint: 64 upper-case hex digits, no
   * separators (the reference implementation's {@code fingerprint_from_cert_der}).
   */
  public String plainHex() {
    return hex.replace(":", "");
  }

  public boolean matches(Certificate certificate) {
    return equals(of(certificate));
  }

  @Override
  public String toString() {
    return hex;
  }
}
