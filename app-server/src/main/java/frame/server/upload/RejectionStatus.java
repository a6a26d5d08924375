package frame.server.upload;

/**
 * The HTTP status of a file the ingest refused, the same whichever way it came (POST /api/upload,
 * tus, LocalSend): not a photo FRAME reads 415, too many pixels 413, empty 400, in the trash 409,
 * a damaged photo (and anything else) 422.
 */
public final class RejectionStatus {
  private RejectionStatus() {}

  public static int of(String code) {
    return switch (code) {
      case "unsupported_format" -> 415;
      case "image_too_large" -> 413;
      case "empty_file" -> 400;
      case "in_trash" -> 409;
      default -> 422;
    };
  }
}
