package frame.core.media.turbo;

/** TurboJPEG refused or warned about a file; the caller falls back to a stricter decoder. */
public final class TurboJpegException extends Exception {
  public TurboJpegException(String message, Throwable cause) {
    super(message, cause);
  }
}
