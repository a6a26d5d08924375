package frame.cli.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Photos made new to the content-addressed store without changing a pixel: a few bytes after the
 * JPEG's end marker, which no decoder reads (as many cameras append data there). Each number
 * gives other bytes, so a long-running FRAME can be fed the same photos again and again.
 */
final class DistinctCopies {
  private DistinctCopies() {}

  /** {@code jpeg} with its own tail for {@code n}. */
  static byte[] of(byte[] jpeg, int n) {
    byte[] tail = tail(n);
    byte[] copy = Arrays.copyOf(jpeg, jpeg.length + tail.length);
    System.arraycopy(tail, 0, copy, jpeg.length, tail.length);
    return copy;
  }

  /** The bytes copy {@code n} has after the end marker. */
  static byte[] tail(int n) {
    return ("#" + n).getBytes(StandardCharsets.US_ASCII);
  }

  /** Every photo written into {@code dir} as copy number {@code round}, in the same order. */
  static List<Path> write(List<Path> photos, Path dir, int round) throws IOException {
    List<Path> copies = new ArrayList<>();
    for (int i = 0; i < photos.size(); i++) {
      Path copy = dir.resolve(round + "-" + i + "-" + photos.get(i).getFileName());
      copies.add(Files.write(copy, of(Files.readAllBytes(photos.get(i)), round * 100_000 + i)));
    }
    return copies;
  }
}
