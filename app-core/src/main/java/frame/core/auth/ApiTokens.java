package frame.core.auth;

import frame.core.error.FrameException;
import frame.core.db.Jdbc;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Named, revocable API tokens. A token is 256 random bits; only its SHA-256 is stored, and a
 * presented token is compared against every active hash in constant time.
 */
public final class ApiTokens {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Jdbc jdbc;
  private final Clock clock;

  public ApiTokens(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public record TokenInfo(String name, Instant createdAt, Instant lastUsedAt) {}

  /** Creates a token and returns it: the only time it is ever shown. */
  public String create(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new FrameException("invalid_token_name", "A token name is 1-64 letters, digits, '.', '_' or '-'", true);
    }
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = "frame_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    jdbc.inTransaction(tx -> {
      if (tx.count("SELECT COUNT(*) FROM api_token WHERE name = ? AND revoked_at IS NULL", name) > 0) {
        throw new FrameException("token_exists", "A token named '" + name + "' exists already; revoke it first", true);
      }
      return tx.update("INSERT INTO api_token (name, token_hash, created_at) VALUES (?, ?, ?)",
          name, hash(token), clock.millis());
    });
    return token;
  }

  public List<TokenInfo> list() {
    return jdbc.query("SELECT name, created_at, last_used_at FROM api_token WHERE revoked_at IS NULL ORDER BY name",
        r -> new TokenInfo(r.getString(1), Instant.ofEpochMilli(r.getLong(2)),
            Optional.ofNullable(Jdbc.nullableLong(r, "last_used_at")).map(Instant::ofEpochMilli).orElse(null)));
  }

  public boolean revoke(String name) {
    return jdbc.update("UPDATE api_token SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL",
        clock.millis(), name) > 0;
  }

  public boolean anyActive() {
    return !list().isEmpty();
  }

  /** The name of the active token presented, if it is one. */
  public Optional<String> verify(String presented) {
    if (presented == null || presented.isEmpty() || presented.length() > 200) return Optional.empty();
    byte[] presentedHash = hash(presented).getBytes(StandardCharsets.US_ASCII);
    record Active(long id, String name, byte[] hash) {}
    List<Active> active = jdbc.query("SELECT id, name, token_hash FROM api_token WHERE revoked_at IS NULL",
        r -> new Active(r.getLong(1), r.getString(2), r.getString(3).trim().getBytes(StandardCharsets.US_ASCII)));
    Active match = null;
    for (Active candidate : active) {
      // every hash is compared, and each comparison takes the same time: no early exit to time
      if (MessageDigest.isEqual(candidate.hash(), presentedHash)) match = candidate;
    }
    if (match == null) return Optional.empty();
    jdbc.update("UPDATE api_token SET last_used_at = ? WHERE id = ?", clock.millis(), match.id());
    return Optional.of(match.name());
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
