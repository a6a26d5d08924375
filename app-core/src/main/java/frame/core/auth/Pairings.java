package frame.core.auth;

import frame.core.api.devices.PairingCode;
import frame.core.api.devices.Paired;

import frame.core.db.Jdbc;
import frame.core.api.FrameException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Pairing a phone or laptop: the owner shows a single-use code that expires after ten minutes (a
 * long one in the QR link, and six digits for typing by hand); the device trades it once for a
 * device token. The codes live in the database, so a code made by {@code frame pair} works for
 * the server that runs later or elsewhere on the same database. Only hashes are stored.
 */
public final class Pairings {
  public static final Duration LIFETIME = frame.core.api.Devices.PAIRING_LIFETIME;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Jdbc jdbc;
  private final Clock clock;

  public Pairings(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public PairingCode create() {
    long now = clock.millis();
    long expires = now + LIFETIME.toMillis();
    return jdbc.inTransaction(tx -> {
      String digits;
      do {
        digits = String.format(Locale.ROOT, "%06d", RANDOM.nextInt(1_000_000));
      } while (tx.count("SELECT COUNT(*) FROM pairing_code WHERE digits_hash = ? AND used_at IS NULL AND expires_at > ?",
          ApiTokens.hash(digits), now) > 0);
      byte[] secret = new byte[18];
      RANDOM.nextBytes(secret);
      String link = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
      tx.insert("INSERT INTO pairing_code (link_hash, digits_hash, created_at, expires_at) VALUES (?, ?, ?, ?)",
          ApiTokens.hash(link), ApiTokens.hash(digits), now, expires);
      return new PairingCode(link, digits, Instant.ofEpochMilli(expires));
    });
  }

  /** Trades a code (the link's or the six digits) for a device token; a code works once. */
  public Paired redeem(String code, String deviceName) {
    String presented = code == null ? "" : code.strip().replace(" ", "");
    if (presented.isEmpty() || presented.length() > 64) throw invalid();
    String hash = ApiTokens.hash(presented);
    long now = clock.millis();
    return jdbc.inTransaction(tx -> {
      record Row(long id, long expiresAt, Long usedAt) {}
      Optional<Row> found = tx.queryOne("""
          SELECT id, expires_at, used_at FROM pairing_code
          WHERE link_hash = ? OR digits_hash = ?
          ORDER BY used_at NULLS FIRST, expires_at DESC
          """, r -> new Row(r.getLong(1), r.getLong(2), Jdbc.nullableLong(r, "used_at")), hash, hash);
      Row row = found.orElseThrow(Pairings::invalid);
      if (row.usedAt() != null) {
        throw new FrameException("pairing_code_used",
            "This pairing code was used already. Show a new one in FRAME's Server pane or with 'frame pair'.", true);
      }
      if (row.expiresAt() <= now) {
        throw new FrameException("pairing_code_expired",
            "This pairing code has expired. Show a new one in FRAME's Server pane or with 'frame pair'.", true);
      }
      // claim the code first: of two devices racing with one code, only one update counts
      if (tx.update("UPDATE pairing_code SET used_at = ? WHERE id = ? AND used_at IS NULL", now, row.id()) != 1) {
        throw new FrameException("pairing_code_used", "This pairing code was used already.", true);
      }
      ApiTokens.Issued issued = ApiTokens.createDevice(tx, deviceName, now);
      tx.update("UPDATE pairing_code SET token_id = ? WHERE id = ?", issued.id(), row.id());
      return new Paired(issued.token(), issued.name(), issued.id());
    });
  }

  private static FrameException invalid() {
    return new FrameException("pairing_code_invalid",
        "That pairing code is not valid. Check the six digits, or show a new code in FRAME.", true);
  }
}
