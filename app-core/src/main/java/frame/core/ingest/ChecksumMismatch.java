package frame.core.ingest;

import frame.core.api.FrameException;

/** The bytes that arrived are not the bytes the client said it sent; nothing was stored. */
public final class ChecksumMismatch extends FrameException {
  public ChecksumMismatch(String declared, String actual) {
    super("checksum_mismatch", "The upload's SHA-256 is " + actual + ", not the declared " + declared, true);
  }
}
