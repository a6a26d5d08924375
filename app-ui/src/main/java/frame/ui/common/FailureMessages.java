package frame.ui.common;

import frame.core.api.FrameException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/**
 * Failures in plain words for the window: what failed and what to do, never a stack trace. The
 * one place the window turns a {@link FrameException} code into a sentence.
 */
public final class FailureMessages {
  private FailureMessages() {}

  /** "Could not restore the photos: ... " for {@code action} "restore the photos". */
  public static String of(String action, Throwable failure) {
    return "Could not " + action + ": " + reason(failure);
  }

  /** Why, and what to do: the part after "Could not ...: ". */
  public static String reason(Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof FrameException e) return byCode(e);
    if (cause instanceof NoSuchFileException e) return e.getFile() + " no longer exists. Check the path and try again.";
    if (cause instanceof AccessDeniedException e) return "FRAME may not read or write " + e.getFile() + ". Check its permissions.";
    if (cause instanceof IOException) return "a file could not be read or written. Check the disk (free space, permissions) and try again.";
    return "something went wrong inside FRAME. Try again; the details are in the log.";
  }

  private static String byCode(FrameException e) {
    return switch (e.code()) {
      case "image_not_found" -> "that photo is no longer in the library (removed meanwhile?). The view is refreshed; try again.";
      case "job_not_found" -> "that job no longer exists (finished and cleaned up meanwhile?).";
      case "unsupported_format" -> "FRAME cannot read this kind of file. " + e.getMessage() + ".";
      case "image_too_large" -> e.getMessage() + ". Make a smaller copy to import it.";
      case "corrupt_image" -> "the file is damaged or cut short. Copy it again from the camera or card.";
      case "empty_file" -> "the file is empty. Copy it again from the camera or card.";
      default -> e.getMessage() + ".";
    };
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable at = failure;
    while ((at instanceof UncheckedIOException || at instanceof java.util.concurrent.ExecutionException
        || at instanceof java.util.concurrent.CompletionException) && at.getCause() != null) {
      at = at.getCause();
    }
    return at;
  }
}
