package frame.core.media.codec.heif;

import frame.core.api.FrameException;
import java.lang.foreign.MemorySegment;

/** Turns a returned {@code struct heif_error} into a FrameException with libheif's own words. */
final class HeifError {
  private static final int MEMORY_ALLOCATION_ERROR = 6;
  private static final int SECURITY_LIMIT_EXCEEDED = 1000;
  private static final int UNSUPPORTED_FEATURE = 4;

  private HeifError() {}

  static void check(MemorySegment error, String doing) {
    int code = error.get(java.lang.foreign.ValueLayout.JAVA_INT, 0);
    if (code == 0) return;
    int subcode = error.get(java.lang.foreign.ValueLayout.JAVA_INT, 4);
    MemorySegment text = error.get(java.lang.foreign.ValueLayout.ADDRESS, 8);
    String message = text.equals(MemorySegment.NULL) ? "code " + code : text.reinterpret(1024).getString(0);
    if (subcode == SECURITY_LIMIT_EXCEEDED) {
      throw new FrameException("heif_security_limit", "The HEIF file exceeds libheif's safety limits (" + message
          + "); it is damaged or unusually built", true);
    }
    if (code == UNSUPPORTED_FEATURE) {
      throw new FrameException("heif_unsupported", "libheif cannot decode this HEIF file: " + message, true);
    }
    if (code == MEMORY_ALLOCATION_ERROR) {
      throw new FrameException("heif_memory", "libheif ran out of memory decoding this file: " + message, true);
    }
    throw FrameException.corrupt(doing + ": " + message, null);
  }
}
