package frame.core.archive;

/**
 * The target, not the photo, is the trouble: it cannot be reached, refuses the credentials, has
 * no such bucket or folder, or is full. The message is what the window, CLI and API show.
 */
final class TargetFault extends RuntimeException {
  TargetFault(String reason, Throwable cause) {
    super(reason, cause);
  }
}
