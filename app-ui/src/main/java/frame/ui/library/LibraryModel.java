package frame.ui.library;

import frame.core.api.FrameLibrary;
import frame.core.api.imports.ImportSources;
import frame.core.api.events.FrameEvent;
import frame.core.api.library.Image;
import frame.core.api.library.ImageState;
import frame.core.api.imports.IngestResult;
import frame.core.api.jobs.JobPriority;
import frame.core.api.jobs.JobState;
import frame.core.api.jobs.JobType;
import frame.core.api.library.LibraryOrder;
import frame.core.api.library.LibraryQuery;
import frame.core.api.trash.RemovalSize;
import frame.ui.common.Background;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/**
 * The library grid's view-model. The photos live in the database: the grid knows how many match
 * and holds only the pages of tiles it has shown lately ({@link #PAGE} tiles each, at most
 * {@link #PAGES_KEPT}), so a library of 10 000 photos costs what a screenful does. Files of this
 * session that never became photos (rejected, duplicates) come first. Disk and database work
 * runs through {@link Background}; everything here changes only on the FX thread.
 */
public final class LibraryModel {
  public static final int PAGE = 120;
  public static final int PAGES_KEPT = 12;

  private final FrameLibrary frame;
  private final Background background;
  private final ExecutorService ingestQueue;
  private final ImportActivity activity;

  private final ObjectProperty<TileFilter> filter = new SimpleObjectProperty<>(TileFilter.ALL);
  private final StringProperty search = new SimpleStringProperty("");
  private final ObjectProperty<LibraryOrder> sort = new SimpleObjectProperty<>(LibraryOrder.ADDED_NEWEST);
  private final StringProperty counts = new SimpleStringProperty("");
  private final IntegerProperty size = new SimpleIntegerProperty(0);
  private final LongProperty revision = new SimpleLongProperty(0);

  private final ObservableList<TileModel> session = FXCollections.observableArrayList();
  private List<TileModel> sessionShown = List.of();
  private long libraryCount;
  private Map<ImageState, Long> byState = Map.of();
  private final Map<Integer, Page> pages = new LinkedHashMap<>(16, 0.75f, true);
  private final Set<Integer> loading = new HashSet<>();
  private final Map<Long, TileModel> byImage = new HashMap<>();
  private long generation;
  private boolean refreshing;
  private boolean refreshAgain;

  private final ObservableSet<Long> selected = FXCollections.observableSet(new HashSet<>());
  private final IntegerProperty selectedCount = new SimpleIntegerProperty(0);
  private final IntegerProperty cursor = new SimpleIntegerProperty(-1);
  private int anchor = -1;

  private record Page(long generation, List<TileModel> tiles) {}

  public LibraryModel(FrameLibrary frame, Background background, Clock clock, ExecutorService ingestQueue) {
    this.frame = frame;
    this.background = background;
    this.ingestQueue = ingestQueue;
    this.activity = new ImportActivity(clock);
    filter.addListener((o, a, b) -> requery());
    search.addListener((o, a, b) -> requery());
    sort.addListener((o, a, b) -> requery());
    selected.addListener((javafx.collections.SetChangeListener<Long>) change -> selectedCount.set(selected.size()));
  }

  public static ExecutorService newIngestQueue() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread thread = new Thread(r, "frame-ui-import");
      thread.setDaemon(true);
      return thread;
    });
  }

  public ObjectProperty<TileFilter> filter() { return filter; }
  public StringProperty search() { return search; }
  public ObjectProperty<LibraryOrder> sort() { return sort; }
  /** "12 images · 10 processed · 1 in progress · 1 failed ..." */
  public StringProperty counts() { return counts; }
  /** How many tiles the grid has (session files and library photos that match). */
  public IntegerProperty size() { return size; }
  /** Bumps whenever tiles the grid shows may have changed: a page arrived, the query changed. */
  public LongProperty revision() { return revision; }
  public ImportActivity activity() { return activity; }
  public ObservableSet<Long> selected() { return selected; }
  public IntegerProperty selectedCount() { return selectedCount; }
  /** The tile the keyboard is on; -1 for none. */
  public IntegerProperty cursor() { return cursor; }

  /** Tiles held in memory now: a bound that does not grow with the library. */
  public int loadedTiles() {
    return pages.values().stream().mapToInt(p -> p.tiles().size()).sum() + session.size();
  }

  /** Counts the library and shows its first page. */
  public void loadExisting() {
    refresh();
  }

  private LibraryQuery query() {
    return new LibraryQuery(filter.get().states, search.get(), sort.get());
  }

  /** The tile at a grid position, or null while its page loads (asked for here). */
  public TileModel tileAt(int index) {
    if (index < 0 || index >= size.get()) return null;
    if (index < sessionShown.size()) return sessionShown.get(index);
    int i = index - sessionShown.size();
    int number = i / PAGE;
    Page page = pages.get(number);
    if (page == null || page.generation() != generation) load(number);
    page = pages.get(number);
    if (page == null) return null;
    int at = i - number * PAGE;
    return at < page.tiles().size() ? page.tiles().get(at) : null;
  }

  private void load(int number) {
    if (!loading.add(number)) return;
    long asked = generation;
    LibraryQuery query = query();
    background.run(() -> frame.ports().library().browse(query, number * PAGE, PAGE).stream().map(this::see).toList(), seen -> {
      loading.remove(number);
      if (asked != generation) {
        revision.set(revision.get() + 1); // the grid asks again, for the query of now
        return;
      }
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
      while (pages.size() > PAGES_KEPT) {
        var eldest = pages.entrySet().iterator().next();
        pages.remove(eldest.getKey());
        forget(eldest.getValue());
      }
      revision.set(revision.get() + 1);
    }, failure -> loading.remove(number));
  }

  private void forget(Page page) {
    for (TileModel tile : page.tiles()) {
      long id = tile.imageId().get();
      if (byImage.get(id) == tile && pages.values().stream().noneMatch(p -> p.tiles().contains(tile))) byImage.remove(id);
    }
  }

  /** An image with the thumbnails made so far: read off the FX thread. */
  record Seen(Image image, Map<Integer, Path> renditions, frame.core.api.culling.ImageMarks marks) {}

  private Seen see(Image image) {
    Map<Integer, Path> made = new HashMap<>();
    frame.ports().library().files(image).thumbnails().forEach((px, file) -> {
      if (java.nio.file.Files.isRegularFile(file)) made.put(px, file);
    });
    return new Seen(image, Map.copyOf(made), frame.ports().culling().marks(List.of(image.id())).get(image.id()));
  }

  private void apply(TileModel tile, Seen seen) {
    Image image = seen.image();
    TileStep step = TileStep.of(image.state());
    tile.imageId().set(image.id());
    tile.takenAt().set(image.takenAt());
    tile.step().set(step);
    tile.message().set(image.failureReason() == null ? describe(step) : image.failureReason());
    if (!seen.renditions().isEmpty()) tile.renditions().set(seen.renditions());
    tile.marks().set(seen.marks());
  }

  /** Flags, rates or labels photos (the culling keys); the change comes back as an event to each tile. */
  public void mark(java.util.Collection<Long> imageIds, frame.core.api.culling.MarkChange change) {
    List<Long> ids = List.copyOf(imageIds);
    if (ids.isEmpty()) return;
    background.run(() -> frame.ports().culling().markAll(ids, change), marked -> {}, failure -> refresh(true));
  }

  /** The filter, search or order changed: start again from the top. */
  private void requery() {
    pages.clear();
    byImage.clear();
    generation++;
    refilterSession();
    cursor.set(size.get() > 0 ? Math.min(Math.max(cursor.get(), 0), size.get() - 1) : -1);
    refresh(true);
  }

  /** Recounts; what is on screen reloads if the library changed under it. Calls arriving meanwhile coalesce. */
  public void refresh() {
    refresh(false);
  }

  private void refresh(boolean reload) {
    if (refreshing) {
      refreshAgain = true;
      return;
    }
    refreshing = true;
    LibraryQuery query = query();
    boolean none = filter.get().states == null;
    background.run(() -> new Totals(none ? 0 : frame.ports().library().count(query), frame.ports().library().countsByState()), totals -> {
      refreshing = false;
      boolean changed = reload || totals.matching() != libraryCount || filter.get() != TileFilter.ALL
          || sort.get() != LibraryOrder.ADDED_NEWEST || !search.get().isBlank();
      libraryCount = totals.matching();
      byState = totals.byState();
      if (changed) generation++;
      resize();
      recount();
      revision.set(revision.get() + 1);
      if (refreshAgain) {
        refreshAgain = false;
        refresh();
      }
    }, failure -> refreshing = false);
  }

  private record Totals(long matching, Map<ImageState, Long> byState) {}

  private void resize() {
    size.set((int) Math.min(Integer.MAX_VALUE, sessionShown.size() + libraryCount));
    if (cursor.get() >= size.get()) cursor.set(size.get() - 1);
  }

  private void refilterSession() {
    String text = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
    TileFilter state = filter.get();
    sessionShown = session.stream().filter(tile -> state.matches(tile)
        && (text.isEmpty() || tile.name().get().toLowerCase(Locale.ROOT).contains(text))).toList();
    resize();
  }

  private void recount() {
    long rejected = session.stream().filter(t -> t.step().get() == TileStep.REJECTED).count();
    long duplicates = session.stream().filter(t -> t.step().get() == TileStep.DUPLICATE).count();
    long inLibrary = byState.values().stream().mapToLong(Long::longValue).sum();
    long inProgress = byState.getOrDefault(ImageState.UPLOADED, 0L) + byState.getOrDefault(ImageState.INGESTED, 0L)
        + byState.getOrDefault(ImageState.PROCESSING, 0L);
    counts.set("%d images · %d processed · %d in progress · %d failed · %d rejected · %d duplicates".formatted(
        inLibrary + rejected + duplicates, byState.getOrDefault(ImageState.PROCESSED, 0L), inProgress,
        byState.getOrDefault(ImageState.FAILED, 0L), rejected, duplicates));
  }

  /** Imports files and folders; the activity bar follows them, the grid fills in as they are stored. */
  public void importPaths(List<Path> sources) {
    background.run(() -> ImportSources.expand(sources), files -> {
      if (files.isEmpty()) return;
      AtomicBoolean cancelled = activity.begin(files.size());
      JobPriority priority = ImportSources.priorityFor(files.size()); // a large import lets a photo dropped later go first
      for (Path file : files) {
        submit(() -> {
          if (cancelled.get()) {
            background.onFx(activity::skippedOne);
            return;
          }
          IngestResult result;
          try {
            result = frame.ports().imports().importFile(file, priority);
          } catch (RuntimeException e) {
            result = new IngestResult.Rejected(file.getFileName().toString(), "error", "Not imported: " + e.getMessage());
          }
          IngestResult outcome = result;
          Map<Integer, Path> renditions = outcome instanceof IngestResult.Duplicate d ? see(d.existing()).renditions() : Map.of();
          background.onFx(() -> settle(file, outcome, renditions));
        });
      }
    }, failure -> {});
  }

  private void submit(Runnable work) {
    if (ingestQueue == null) work.run();
    else ingestQueue.execute(work);
  }

  private void settle(Path file, IngestResult result, Map<Integer, Path> renditions) {
    switch (result) {
      case IngestResult.Stored stored -> {
        activity.stored(stored.image().id());
        refresh();
      }
      case IngestResult.Duplicate duplicate -> {
        TileModel tile = sessionTile(file, TileStep.DUPLICATE, "Already in the library as "
            + duplicate.existing().originalName() + " (#" + duplicate.existing().id() + ")");
        tile.duplicateOf().set(duplicate.existing().id());
        tile.renditions().set(renditions);
        activity.notStored(false);
      }
      case IngestResult.Skipped skipped -> {
        sessionTile(file, TileStep.DUPLICATE, "Skipped: " + skipped.reason());
        activity.skippedAsDeleted();
      }
      case IngestResult.Rejected rejected -> {
        sessionTile(file, TileStep.REJECTED, rejected.reason());
        activity.notStored(true);
      }
    }
  }

  private TileModel sessionTile(Path file, TileStep step, String message) {
    TileModel tile = new TileModel(file.getFileName().toString(), java.time.Instant.now());
    tile.step().set(step);
    tile.message().set(message);
    session.add(0, tile);
    refilterSession();
    recount();
    revision.set(revision.get() + 1);
    return tile;
  }

  /** Core events, from any thread. */
  public void onEvent(FrameEvent event) {
    background.onFx(() -> handle(event));
  }

  private void handle(FrameEvent event) {
    switch (event) {
      case FrameEvent.ImageChanged changed -> {
        activity.imageChanged(changed.imageId(), changed.state());
        TileModel tile = byImage.get(changed.imageId());
        if (tile == null) {
          refresh(); // a new photo, or one off screen: the counts move
          return;
        }
        reread(tile, changed.imageId());
        refresh();
      }
      case FrameEvent.ImageMarked marked -> {
        TileModel tile = byImage.get(marked.imageId());
        if (tile != null) reread(tile, marked.imageId());
      }
      case FrameEvent.JobChanged job -> {
        if (job.type() == JobType.THUMBNAIL_GENERATION && job.state() == JobState.COMPLETED && job.imageId() != null) {
          TileModel tile = byImage.get(job.imageId());
          if (tile != null) reread(tile, job.imageId());
        }
      }
    }
  }

  private void reread(TileModel tile, long imageId) {
    // gone (removed on another device): the refresh takes its tile away
    background.run(() -> see(frame.ports().library().image(imageId)), seen -> apply(tile, seen), failure -> refresh(true));
  }

  /** The grid position of a photo on a loaded page; -1 when it is not on one (nothing is loaded to find it). */
  public int indexOf(long imageId) {
    for (var entry : pages.entrySet()) {
      if (entry.getValue().generation() != generation) continue;
      List<TileModel> tiles = entry.getValue().tiles();
      for (int i = 0; i < tiles.size(); i++) {
        if (tiles.get(i).imageId().get() == imageId) return sessionShown.size() + entry.getKey() * PAGE + i;
      }
    }
    return -1;
  }

  public java.util.Optional<TileModel> tileForImage(long imageId) {
    return java.util.Optional.ofNullable(byImage.get(imageId));
  }

  // --- selection and the keyboard cursor ---

  /** A click: alone selects one, with ctrl toggles one, with shift selects from the anchor. */
  public void click(int index, boolean shift, boolean ctrl) {
    if (index < 0 || index >= size.get()) return;
    if (shift && anchor >= 0) {
      selectRange(anchor, index, ctrl);
    } else if (ctrl) {
      long id = idAt(index);
      if (id > 0 && !selected.remove(id)) selected.add(id);
      anchor = index;
    } else {
      selected.clear();
      long id = idAt(index);
      if (id > 0) selected.add(id);
      anchor = index;
    }
    cursor.set(index);
  }

  /** The keyboard moved the cursor; with shift the selection stretches from the anchor. */
  public void moveCursor(int delta, boolean extend) {
    if (size.get() == 0) return;
    int from = cursor.get() < 0 ? 0 : cursor.get();
    // with no cursor yet an arrow lands on the first photo; Home, End and the pages still jump
    boolean firstStep = cursor.get() < 0 && Math.abs(delta) < size.get();
    int to = firstStep ? 0 : Math.max(0, Math.min(size.get() - 1, from + delta));
    click(to, extend, false);
  }

  private void selectRange(int from, int to, boolean keep) {
    int low = Math.min(from, to);
    int high = Math.max(from, to);
    if (!keep) selected.clear();
    int sessionCount = sessionShown.size();
    int libraryLow = Math.max(0, low - sessionCount);
    int libraryHigh = high - sessionCount;
    if (libraryHigh < 0) return;
    LibraryQuery query = query();
    // ids, not rows: a range across pages not loaded costs 8 bytes a photo
    background.run(() -> frame.ports().library().ids(query), ids -> {
      selected.addAll(ids.subList(Math.min(libraryLow, ids.size()), Math.min(libraryHigh + 1, ids.size())));
    }, failure -> {});
  }

  public void selectAll() {
    LibraryQuery query = query();
    if (filter.get().states == null) return;
    background.run(() -> frame.ports().library().ids(query), selected::addAll, failure -> {});
  }

  public void clearSelection() {
    selected.clear();
  }

  public List<Long> selectedIds() {
    return List.copyOf(selected);
  }

  /** The image id at a grid position: 0 for a file that is not in the library or a page not loaded. */
  public long idAt(int index) {
    TileModel tile = tileAt(index);
    return tile == null ? 0 : tile.imageId().get();
  }

  /** The nearest position from {@code index} in direction {@code step} holding a photo; -1 if none. */
  public int photoNear(int index, int step) {
    for (int i = index + step; i >= 0 && i < size.get(); i += step) {
      if (i >= sessionShown.size()) return i; // every library tile is a photo
    }
    return -1;
  }

  // --- removing ---

  public void measureRemoval(Collection<Long> ids, Consumer<RemovalSize> then) {
    List<Long> copy = List.copyOf(ids);
    background.run(() -> frame.ports().trash().removalSize(copy), then, failure -> {});
  }

  public void remove(Collection<Long> ids, Consumer<RemovalSize> then) {
    List<Long> copy = List.copyOf(ids);
    background.run(() -> frame.ports().trash().remove(copy), removed -> {
      selected.removeAll(copy);
      refresh(true);
      then.accept(removed);
    }, failure -> refresh(true));
  }

  static String describe(TileStep step) {
    return switch (step) {
      case UPLOADING -> "Uploading";
      case INGESTED -> "Stored, waiting to process";
      case PROCESSING -> "Making thumbnails and preview";
      case PROCESSED -> "Ready";
      case FAILED -> "Failed";
      case REJECTED -> "Not imported";
      case DUPLICATE -> "Already in the library";
    };
  }
}
