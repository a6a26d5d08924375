package frame.ui.library;

import frame.core.api.Culling;
import frame.core.api.Library;
import frame.core.api.culling.ImageMarks;
import frame.core.api.library.Image;
import frame.core.api.library.LibraryQuery;
import frame.ui.common.Background;
import frame.ui.common.Notice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The library's photos as the grid holds them: pages of {@link LibraryModel#PAGE} tiles read from
 * the database when first asked for, at most {@link LibraryModel#PAGES_KEPT} kept (the least
 * recently shown go). A new generation (the query or the library changed) makes every page stale;
 * a stale page is shown until its replacement arrives. Used on the FX thread only.
 */
final class TilePages {
  static final String SHOW_PHOTOS = "show the photos";

  private final Library library;
  private final Culling culling;
  private final Background background;
  private final Supplier<LibraryQuery> query;
  private final Runnable changed;
  private final Notice notice;
  private final Map<Integer, Page> pages = new LinkedHashMap<>(16, 0.75f, true);
  private final Set<Integer> loading = new HashSet<>();
  private final Map<Long, TileModel> byImage = new HashMap<>();
  private long generation;

  private record Page(long generation, List<TileModel> tiles) {}

  /** An image with the thumbnails made so far: read off the FX thread. */
  record Seen(Image image, Map<Integer, Path> renditions, ImageMarks marks) {}

  /** {@code changed} runs whenever tiles on screen may differ (a page arrived, or came too late). */
  TilePages(Library library, Culling culling, Background background, Supplier<LibraryQuery> query, Runnable changed,
      Notice notice) {
    this.library = library;
    this.culling = culling;
    this.background = background;
    this.query = query;
    this.changed = changed;
    this.notice = notice;
  }

  /** The tile at a position among the library's matching photos, or null while its page loads (asked for here). */
  TileModel tileAt(int index) {
    int number = index / LibraryModel.PAGE;
    Page page = pages.get(number);
    if (page == null || page.generation() != generation) load(number);
    page = pages.get(number);
    if (page == null) return null;
    int at = index - number * LibraryModel.PAGE;
    return at < page.tiles().size() ? page.tiles().get(at) : null;
  }

  private void load(int number) {
    if (!loading.add(number)) return;
    long asked = generation;
    LibraryQuery now = query.get();
    background.run(() -> seeAll(library.browse(now, number * LibraryModel.PAGE, LibraryModel.PAGE)), seen -> {
      loading.remove(number);
      notice.recovered(SHOW_PHOTOS);
      if (asked != generation) {
        changed.run(); // the grid asks again, for the query of now
        return;
      }
      keep(number, asked, seen);
      changed.run();
    }, failure -> {
      loading.remove(number);
      notice.failed(SHOW_PHOTOS, failure);
    });
  }

  private void keep(int number, long asked, List<Seen> seen) {
    List<TileModel> tiles = new ArrayList<>(seen.size());
    for (Seen one : seen) {
      TileModel tile = byImage.get(one.image().id());
      if (tile == null) tile = new TileModel(one.image().originalName(), one.image().createdAt());
      apply(tile, one);
      tiles.add(tile);
    }
    Page old = pages.put(number, new Page(asked, tiles));
    if (old != null) forget(old);
    tiles.forEach(tile -> byImage.put(tile.imageId().get(), tile));
    while (pages.size() > LibraryModel.PAGES_KEPT) {
      var eldest = pages.entrySet().iterator().next();
      pages.remove(eldest.getKey());
      forget(eldest.getValue());
    }
  }

  private void forget(Page page) {
    for (TileModel tile : page.tiles()) {
      long id = tile.imageId().get();
      if (byImage.get(id) == tile && pages.values().stream().noneMatch(p -> p.tiles().contains(tile))) byImage.remove(id);
    }
  }

  /** Reads an image's thumbnails made so far; off the FX thread. */
  Seen see(Image image) {
    return seen(image, culling.marks(List.of(image.id())));
  }

  /** A page's photos, their culling marks read in one query. */
  private List<Seen> seeAll(List<Image> images) {
    Map<Long, ImageMarks> marks = culling.marks(images.stream().map(Image::id).toList());
    return images.stream().map(image -> seen(image, marks)).toList();
  }

  private Seen seen(Image image, Map<Long, ImageMarks> marks) {
    Map<Integer, Path> made = new HashMap<>();
    library.files(image).thumbnails().forEach((px, file) -> {
      if (Files.isRegularFile(file)) made.put(px, file);
    });
    return new Seen(image, Map.copyOf(made), marks.get(image.id()));
  }

  private void apply(TileModel tile, Seen seen) {
    Image image = seen.image();
    TileStep step = TileStep.of(image.state());
    tile.imageId().set(image.id());
    tile.takenAt().set(image.takenAt());
    tile.step().set(step);
    tile.message().set(image.failureReason() == null ? step.description : image.failureReason());
    if (!seen.renditions().isEmpty()) tile.renditions().set(seen.renditions());
    tile.marks().set(seen.marks());
  }

  /**
   * Reads one photo's tile again; {@code gone} runs when it is no longer there (removed on another device).
   * What shows the tile beside the grid (the viewer's marks) redraws with it.
   */
  void reread(TileModel tile, long imageId, Runnable gone) {
    background.run(() -> see(library.image(imageId)), seen -> {
      apply(tile, seen);
      changed.run();
    }, failure -> gone.run());
  }

  /** How many tiles the first page of now holds; 0 until it has come. */
  int firstPageSize() {
    Page first = pages.get(0);
    return first == null || first.generation() != generation ? 0 : first.tiles().size();
  }

  /** Bumps when pages go stale: the same number later means the pages loaded since are of now. */
  long generation() {
    return generation;
  }

  /** Every page is stale: the library changed under it. */
  void invalidate() {
    generation++;
  }

  /** Drops every page: the query changed, so the tiles mean other positions. */
  void clear() {
    pages.clear();
    byImage.clear();
    generation++;
  }

  /** A photo's position among the matching photos if it is on a loaded page of now; -1 otherwise. */
  int indexOf(long imageId) {
    for (var entry : pages.entrySet()) {
      if (entry.getValue().generation() != generation) continue;
      List<TileModel> tiles = entry.getValue().tiles();
      for (int i = 0; i < tiles.size(); i++) {
        if (tiles.get(i).imageId().get() == imageId) return entry.getKey() * LibraryModel.PAGE + i;
      }
    }
    return -1;
  }

  Optional<TileModel> tileForImage(long imageId) {
    return Optional.ofNullable(byImage.get(imageId));
  }

  int loadedTiles() {
    return pages.values().stream().mapToInt(p -> p.tiles().size()).sum();
  }
}
