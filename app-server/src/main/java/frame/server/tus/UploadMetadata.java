package frame.server.tus;

import frame.server.error.ApiError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code Upload-Metadata}: comma-separated {@code key base64(value)} pairs. FRAME reads
 * {@code filename} (or {@code name}) as UTF-8, and {@code filetype} (or {@code type}).
 */
record UploadMetadata(String filename, String type) {
  static UploadMetadata parse(String header) {
    Map<String, String> values = new HashMap<>();
    if (header != null && !header.isBlank()) {
      for (String pair : header.split(",")) {
        String[] kv = pair.trim().split(" ");
        if (kv.length == 0 || kv[0].isEmpty() || kv.length > 2) {
          throw ApiError.badRequest("invalid_metadata", "Upload-Metadata is 'key base64value' pairs separated by commas");
        }
        values.put(kv[0], kv.length == 2 ? decode(kv[1]) : "");
      }
    }
    String filename = values.getOrDefault("filename", values.get("name"));
    String type = values.getOrDefault("filetype", values.get("type"));
    return new UploadMetadata(filename == null || filename.isBlank() ? "upload" : filename, type);
  }

  private static String decode(String base64) {
    try {
      return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("invalid_metadata", "An Upload-Metadata value is not base64");
    }
  }
}
