package frame.core.api;

/**
 * The one family of errors FRAME reports. Each carries a stable {@link #code()} that the server
 * maps to HTTP and the UI to a plain sentence; {@link #permanent()} tells the job runner not to
 * retry.
 */
public class FrameException extends RuntimeException {
  private final String code;
  private final boolean permanent;

  public FrameException(String code, String message, boolean permanent) {
    this(code, message, permanent, null);
  }

  public FrameException(String code, String message, boolean permanent, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.permanent = permanent;
  }

  public String code() {
    return code;
  }

  public boolean permanent() {
    return permanent;
  }

  public static FrameException unsupportedFormat(String what) {
    return new FrameException("unsupported_format", "Unsupported file type: " + what, true);
  }

  public static FrameException tooLarge(long width, long height, long limit) {
    return new FrameException(
        "image_too_large",
        "Image is %d x %d pixels, over the limit of %d megapixels"
            .formatted(width, height, limit / 1_000_000),
        true);
  }

  public static FrameException corrupt(String detail, Throwable cause) {
    return new FrameException("corrupt_image", "The file is damaged or truncated: " + detail, true, cause);
  }

  public static FrameException imageNotFound(long id) {
    return new FrameException("image_not_found", "No image with id " + id, true);
  }

  public static FrameException jobNotFound(long id) {
    return new FrameException("job_not_found", "No job with id " + id, true);
  }

  public static FrameException shootNotFound(long id) {
    return new FrameException("shoot_not_found", "No shoot with id " + id, true);
  }

  public static FrameException emptyFile() {
    return new FrameException("empty_file", "The file is empty", true);
  }
}
