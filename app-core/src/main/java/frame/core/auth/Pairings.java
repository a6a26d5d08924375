package frame.core.auth;

import frame.core.api.devices.PairingCode;
import frame.core.api.devices.Paired;
import frame.core.api.devices.PairingStatus;

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
 * the server that runs later on the same data folder. Only HMACs under the data folder's
 * {@link PairingKey} are stored. A code dies after {@link #WRONG_GUESSES_ALLOWED} wrong guesses in
 * total, from any addresses: every wrong guess counts against every code still open.
 */
public final class Pairings {
  public static final Duration LIFETIME = frame.core.api.Devices.PAIRING_LIFETIME;
  public static final int WRONG_GUESSES_ALLOWED = frame.core.api.Devices.PAIRING_WRONG_GUESSES_ALLOWED;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Jdbc jdbc;
  private final Clock clock;
  private final PairingKey key;

  public Pairings(Jdbc jdbc, Clock clock, PairingKey key) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.key = key;
  }

  public PairingCode create() {
    long now = clock.millis();
    long expires = now + LIFETIME.toMillis();
    return jdbc.inTransaction(tx -> {
      String digits;
      do {
        digits = String.format(Locale.ROOT, "%06d", RANDOM.nextInt(1_000_000));
      } while (tx.count("SELECT COUNT(*) FROM pairing_code WHERE digits_hash = ? AND used_at IS NULL AND expires_at > ?",
          key.hash(digits), now) > 0);
      byte[] secret = new byte[18];
      RANDOM.nextBytes(secret);
      String link = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
      tx.insert("INSERT INTO pairing_code (link_hash, digits_hash, created_at, expires_at) VALUES (?, ?, ?, ?)",
          key.hash(link), key.hash(digits), now, expires);
      return new PairingCode(link, digits, Instant.ofEpochMilli(expires));
    });
  }

  /** Trades a code (the link's or the six digits) for a device token; a code works once. */
  public Paired redeem(String code, String deviceName) {
    String presented = code == null ? "" : code.strip().replace(" ", "");
    if (presented.isEmpty() || presented.length() > 64) throw invalid();
    String hash = key.hash(presented);
    long now = clock.millis();
    Optional<Paired> paired = jdbc.inTransaction(tx -> {
      record Row(long id, long expiresAt, Long usedAt, Long closedAt) {}
      Optional<Row> found = tx.queryOne("""
          SELECT id, expires_at, used_at, closed_at FROM pairing_code
          WHERE link_hash = ? OR digits_hash = ?
          ORDER BY used_at NULLS FIRST, expires_at DESC
          """, r -> new Row(r.getLong(1), r.getLong(2), Jdbc.nullableLong(r, "used_at"),
              Jdbc.nullableLong(r, "closed_at")), hash, hash);
      if (found.isEmpty()) return Optional.<Paired>empty();
      Row row = found.get();
      if (row.closedAt() != null) throw closed();
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
      return Optional.of(new Paired(issued.token(), issued.name(), issued.id()));
    });
    return paired.orElseThrow(() -> {
      countWrongGuess(now);
      return invalid();
    });
  }

  /** A guess that matched nothing counts against every open code; the fifth closes it. */
  private void countWrongGuess(long now) {
    jdbc.inTransaction(tx -> {
      tx.update("""
          UPDATE pairing_code SET wrong_guesses = wrong_guesses + 1
          WHERE used_at IS NULL AND closed_at IS NULL AND expires_at > ?
          """, now);
      return tx.update("""
          UPDATE pairing_code SET closed_at = ?
          WHERE used_at IS NULL AND closed_at IS NULL AND wrong_guesses >= ?
          """, now, WRONG_GUESSES_ALLOWED);
    });
  }

  /** Where the code with these digits stands (the digits as shown, spaces allowed). */
  public PairingStatus status(String digits) {
    String hash = key.hash(digits.replace(" ", ""));
    long now = clock.millis();
    record Row(long expiresAt, Long usedAt, Long closedAt) {}
    return jdbc.queryOne("""
        SELECT expires_at, used_at, closed_at FROM pairing_code WHERE digits_hash = ?
        ORDER BY created_at DESC
        """, r -> new Row(r.getLong(1), Jdbc.nullableLong(r, "used_at"), Jdbc.nullableLong(r, "closed_at")), hash)
        .map(row -> row.closedAt() != null ? PairingStatus.CLOSED_AFTER_WRONG_GUESSES
            : row.usedAt() != null ? PairingStatus.USED
            : row.expiresAt() <= now ? PairingStatus.EXPIRED : PairingStatus.OPEN)
        .orElse(PairingStatus.UNKNOWN);
  }

  private static FrameException closed() {
    return new FrameException("pairing_code_closed", "This pairing code was closed after " + WRONG_GUESSES_ALLOWED
        + " wrong guesses. FRAME shows a new one in its Server pane; or run 'frame pair'.", true);
  }

  private static FrameException invalid() {
    return new FrameException("pairing_code_invalid",
        "That pairing code is not valid. Check the six digits, or show a new code in FRAME.", true);
  }
}
