package frame.server.tus;

import frame.server.error.ApiError;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;

/** The checksum extension's {@code Upload-Checksum: sha256 <base64>}: the digest a PATCH body must have. */
record UploadChecksum(byte[] sha256) {
  static final String ALGORITHMS = "sha256";

  /** Null when the header is absent; a clear 400 when it is malformed or names another algorithm. */
  static UploadChecksum parse(String header) {
    if (header == null || header.isBlank()) return null;
    String[] parts = header.trim().split(" +");
    if (parts.length != 2) throw ApiError.badRequest("invalid_checksum", "Upload-Checksum is '<algorithm> <base64>'");
    if (!parts[0].toLowerCase(Locale.ROOT).equals("sha256")) {
      throw ApiError.badRequest("unsupported_checksum", "Upload-Checksum supports sha256 only");
    }
    byte[] digest;
    try {
      digest = Base64.getDecoder().decode(parts[1]);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("invalid_checksum", "Upload-Checksum's digest is not base64");
    }
    if (digest.length != 32) throw ApiError.badRequest("invalid_checksum", "A sha256 digest is 32 bytes");
    return new UploadChecksum(digest);
  }

  boolean matches(byte[] actual) {
    return MessageDigest.isEqual(sha256, actual);
  }
}
