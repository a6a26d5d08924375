package frame.core.auth;

import frame.core.api.devices.TokenInfo;

import frame.core.api.devices.Caller;
import frame.core.api.devices.TokenKind;
import frame.core.api.devices.Verification;

import frame.core.db.Jdbc;
import frame.core.api.FrameException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Named, revocable API tokens of two kinds (admin, device). A token is 256 random bits; only its
 * SHA-256 is stored, and a presented token is compared against every stored hash in constant time.
 */
public final class ApiTokens {
  private static final Pattern ADMIN_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Jdbc jdbc;
  private final Clock clock;

  public ApiTokens(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Creates an admin token and returns it: the only time it is ever shown. */
  public String create(String name) {
    if (!ADMIN_NAME.matcher(name).matches()) {
      throw new FrameException("invalid_token_name", "A token name is 1-64 letters, digits, '.', '_' or '-'", true);
    }
    String token = newSecret();
    jdbc.inTransaction(tx -> {
      if (tx.count("SELECT COUNT(*) FROM api_token WHERE name = ? AND revoked_at IS NULL", name) > 0) {
        throw new FrameException("token_exists", "A token named '" + name + "' exists already; revoke it first", true);
      }
      return insert(tx, name, TokenKind.ADMIN, token);
    });
    return token;
  }

  /** A paired device's token, inside the pairing's transaction; a taken name gets a number. */
  record Issued(long id, String name, String token) {}

  static Issued createDevice(Jdbc.Tx tx, String requestedName, long now) throws SQLException {
    String base = DeviceNames.clean(requestedName);
    String name = base;
    for (int n = 2; tx.count("SELECT COUNT(*) FROM api_token WHERE name = ? AND revoked_at IS NULL", name) > 0; n++) {
      name = base + " " + n;
    }
    String token = newSecret();
    long id = tx.insert("INSERT INTO api_token (name, token_hash, created_at, kind) VALUES (?, ?, ?, ?)",
        name, hash(token), now, TokenKind.DEVICE.name());
    return new Issued(id, name, token);
  }

  private long insert(Jdbc.Tx tx, String name, TokenKind kind, String token) throws SQLException {
    return tx.insert("INSERT INTO api_token (name, token_hash, created_at, kind) VALUES (?, ?, ?, ?)",
        name, hash(token), clock.millis(), kind.name());
  }

  /** Active tokens, admin ones first, then devices, each by name. */
  public List<TokenInfo> list() {
    return jdbc.query("""
        SELECT id, name, kind, created_at, last_used_at FROM api_token
        WHERE revoked_at IS NULL ORDER BY kind, name
        """, r -> new TokenInfo(r.getLong(1), r.getString(2), TokenKind.valueOf(r.getString(3).trim()),
            Instant.ofEpochMilli(r.getLong(4)),
            Optional.ofNullable(Jdbc.nullableLong(r, "last_used_at")).map(Instant::ofEpochMilli).orElse(null)));
  }

  public List<TokenInfo> list(TokenKind kind) {
    return list().stream().filter(t -> t.kind() == kind).toList();
  }

  public boolean revoke(String name) {
    return jdbc.update("UPDATE api_token SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL",
        clock.millis(), name) > 0;
  }

  public boolean revoke(long id) {
    return jdbc.update("UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
        clock.millis(), id) > 0;
  }

  public boolean anyActive() {
    return list().stream().anyMatch(t -> t.kind() == TokenKind.ADMIN);
  }

  public boolean isActive(long id) {
    return jdbc.queryOne("SELECT id FROM api_token WHERE id = ? AND revoked_at IS NULL", r -> r.getLong(1), id)
        .isPresent();
  }

  /** Checks a presented token; a valid one's last-use time is updated. */
  public Verification verify(String presented) {
    if (presented == null || presented.isEmpty() || presented.length() > 200) return new Verification.Unknown();
    byte[] presentedHash = hash(presented).getBytes(StandardCharsets.US_ASCII);
    record Stored(long id, String name, TokenKind kind, byte[] hash, boolean revoked) {}
    List<Stored> stored = jdbc.query("SELECT id, name, kind, token_hash, revoked_at FROM api_token",
        r -> new Stored(r.getLong(1), r.getString(2), TokenKind.valueOf(r.getString(3).trim()),
            r.getString(4).trim().getBytes(StandardCharsets.US_ASCII), Jdbc.nullableLong(r, "revoked_at") != null));
    Stored match = null;
    for (Stored candidate : stored) {
      // every hash is compared, and each comparison takes the same time: no early exit to time
      if (MessageDigest.isEqual(candidate.hash(), presentedHash)) match = candidate;
    }
    if (match == null) return new Verification.Unknown();
    if (match.revoked()) return new Verification.Revoked(match.name(), match.kind());
    jdbc.update("UPDATE api_token SET last_used_at = ? WHERE id = ?", clock.millis(), match.id());
    return new Verification.Valid(new Caller(match.id(), match.name(), match.kind()));
  }

  static String newSecret() {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return "frame_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  static String hash(String token) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
