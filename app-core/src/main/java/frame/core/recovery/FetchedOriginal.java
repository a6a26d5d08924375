package frame.core.recovery;

import frame.core.api.library.ImageFormat;
import frame.core.ingest.FormatSniffer;
import frame.core.ingest.HashingCopy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;

/** An original read whole from the archive into a temporary file, hashed on the way, forced to disk. */
record FetchedOriginal(Path file, String sha256, long size, byte[] head) {

  static FetchedOriginal copy(InputStream in, Path part) throws IOException {
    try (in) {
      HashingCopy.Copied copied = HashingCopy.copy(in, part);
      return new FetchedOriginal(part, copied.sha256(), copied.size(), Arrays.copyOf(copied.head(), copied.headLength()));
    }
  }

  /** Its format, from its first bytes (a clear error for a file that is no image FRAME takes). */
  ImageFormat sniff() {
    return FormatSniffer.sniff(file, head, head.length);
  }
}
