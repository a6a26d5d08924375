package frame.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A memory card's worth of photos made from a few: {@code count} distinct copies of the corpus,
 * taken in turn, each with its own bytes after the JPEG's end marker (no pixel differs), so the
 * store takes every one. Names stay unique so that libvips's outputs do not overwrite each other.
 */
final class CardCopies {
  private CardCopies() {}

  static List<Path> write(List<Path> corpus, int count, Path dir) throws IOException {
    List<Path> copies = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Path photo = corpus.get(i % corpus.size());
      byte[] copy = DistinctCopies.of(Files.readAllBytes(photo), 1_000_000 + i);
      copies.add(Files.write(dir.resolve("%04d-%s".formatted(i, photo.getFileName())), copy));
    }
    return copies;
  }
}
