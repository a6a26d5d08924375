package frame.ui.library;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Files of this session that never became photos (rejected, duplicates): the grid shows them
 * first, newest first, filtered like the photos. They live only in memory, until the window closes.
 */
final class SessionTiles {
  private final List<TileModel> all = new ArrayList<>();
  private List<TileModel> shown = List.of();

  /** A file that did not become a photo; shown once {@link #refilter} runs. */
  TileModel add(Path file, TileStep step, String message) {
    TileModel tile = new TileModel(file.getFileName().toString(), Instant.now());
    tile.step().set(step);
    tile.message().set(message);
    all.add(0, tile);
    return tile;
  }

  /**
   * Keeps those in {@code filter} whose name contains {@code search} (ignoring case); none while
   * culling filters (a shoot, picks, stars): files that never became photos have no marks.
   */
  void refilter(TileFilter filter, String search, boolean culling) {
    String text = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
    shown = all.stream().filter(tile -> !culling && filter.matches(tile)
        && (text.isEmpty() || tile.name().get().toLowerCase(Locale.ROOT).contains(text))).toList();
  }

  /** The tiles the grid shows, before the library's photos. */
  List<TileModel> shown() {
    return shown;
  }

  int held() {
    return all.size();
  }

  long count(TileStep step) {
    return all.stream().filter(t -> t.step().get() == step).count();
  }
}
