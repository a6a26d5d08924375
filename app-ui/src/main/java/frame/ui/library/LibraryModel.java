package frame.ui.library;

import frame.core.api.Library;
import frame.core.api.FrameLibrary;
import frame.core.api.events.FrameEvent;
import frame.core.api.library.Image;
import frame.core.api.jobs.JobState;
import frame.core.api.jobs.JobType;
import frame.core.api.library.LibraryOrder;
import frame.core.api.library.LibraryQuery;
import frame.core.api.trash.RemovalSize;
import frame.ui.common.Background;
import frame.ui.common.Notice;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
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

  private final Library library;
  private final Removing removing;
  private final Marking marking;
  private final Background background;
  private final ImportActivity activity;
  private final Notice notice = new Notice();
  private final TilePages pages;
  private final Importer importer;
  private final FolderImports folderImports;

  private final ObjectProperty<TileFilter> filter = new SimpleObjectProperty<>(TileFilter.ALL);
  private final StringProperty search = new SimpleStringProperty("");
  private final ObjectProperty<LibraryOrder> sort = new SimpleObjectProperty<>(LibraryOrder.ADDED_NEWEST);
  private final ObjectProperty<MarkFilter> marks = new SimpleObjectProperty<>(MarkFilter.ALL);
  private final ObjectProperty<Long> shoot = new SimpleObjectProperty<>(); // null: every shoot
  private final StackFolding stacks = new StackFolding();
  private final BooleanProperty includeDeleted = new SimpleBooleanProperty();
  private final StringProperty counts = new SimpleStringProperty("");
  private final IntegerProperty size = new SimpleIntegerProperty(0);
  private final LongProperty revision = new SimpleLongProperty(0);

  private final SessionTiles session = new SessionTiles();
  private LibraryTotals totals = LibraryTotals.NONE;
  /** The query's count has not come yet: the grid is as long as its first page meanwhile. */
  private final BooleanProperty counting = new SimpleBooleanProperty();
  private boolean refreshing;
  private boolean refreshAgain;

  private final GridSelection selection;

  public LibraryModel(FrameLibrary frame, Background background, Clock clock, ExecutorService ingestQueue) {
    this.library = frame.ports().library();
    this.marking = new Marking(frame.ports().culling(), background, notice);
    this.background = background;
    this.activity = new ImportActivity(clock);
    this.pages = new TilePages(library, frame.ports().culling(), background, this::query, this::changed, notice);
    this.importer = new Importer(frame.ports().imports(), background, ingestQueue, activity, new Importer.Outcomes() {
      @Override public void stored() { refresh(); }
      @Override public TileModel notStored(Path file, TileStep step, String message) { return sessionTile(file, step, message); }
      @Override public Map<Integer, Path> renditionsOf(Image image) { return pages.see(image).renditions(); }
    }, notice);
    this.folderImports = new FolderImports(activity);
    this.selection = new GridSelection(new GridSelection.Grid() {
      @Override public int size() { return size.get(); }
      @Override public int sessionTiles() { return session.shown().size(); }
      @Override public long idAt(int index) { return LibraryModel.this.idAt(index); }
      @Override public LibraryQuery photos() { return filter.get().states == null ? null : query(); }
    }, library, background, notice);
    this.removing = new Removing(frame.ports().trash(), background, notice, selection.selected(), () -> refresh(true));
    for (ObservableValue<?> part : List.<ObservableValue<?>>of(filter, search, sort, marks, shoot, stacks.fold())) part.addListener((o, a, b) -> requery());
  }

  /** Flags, rates or labels photos (the culling keys; a folded stack's tile is its top); each change comes back as an event. */
  public void mark(Collection<Long> imageIds, frame.core.api.culling.MarkChange change) { marking.mark(imageIds, change); }

  public static ExecutorService newIngestQueue() { return Importer.newQueue(); }
  public ObjectProperty<TileFilter> filter() { return filter; }
  public StringProperty search() { return search; }
  public ObjectProperty<LibraryOrder> sort() { return sort; }
  /** The culling filter: picks, rejects, unrated, at least N stars. */
  public ObjectProperty<MarkFilter> marks() { return marks; }
  /** The one shoot the grid shows; null for the whole library. */
  public ObjectProperty<Long> shoot() { return shoot; }
  /** Stacks as one tile each, and which are opened; the query folds them. */
  public StackFolding stacks() { return stacks; }
  /** Whether imports bring back photos deleted for good before (the CLI's --include-deleted). */
  public BooleanProperty includeDeleted() { return includeDeleted; }
  /** "12 images · 10 processed · 1 in progress · 1 failed ..." */
  public StringProperty counts() { return counts; }
  /** How many tiles the grid has (session files and library photos that match). */
  public IntegerProperty size() { return size; }
  /** Bumps whenever tiles the grid shows may have changed: a page arrived, the query changed. */
  public LongProperty revision() { return revision; }
  public ImportActivity activity() { return activity; }
  public ObservableSet<Long> selected() { return selection.selected(); }
  public IntegerProperty selectedCount() { return selection.selectedCount(); }
  /** The tile the keyboard is on; -1 for none. */
  public IntegerProperty cursor() { return selection.cursor(); }
  /** What went wrong with the last thing done in the library, in plain words; empty when nothing did. */
  public Notice notice() { return notice; }

  private void changed() {
    if (counting.get()) resize(); // the first page may have come before the count
    revision.set(revision.get() + 1);
  }

  /** Whether the query's count is still to come (its first page may be on screen already). */
  public ReadOnlyBooleanProperty counting() { return counting; }

  /** Tiles held in memory now: a bound that does not grow with the library. */
  public int loadedTiles() { return pages.loadedTiles() + session.held(); }

  /** Shows the library's first page, then counts it: the counts do not hold up the first tiles. */
  public void loadExisting() { requery(); }

  private LibraryQuery query() {
    return new LibraryQuery(filter.get().states, search.get(), sort.get(),
        marks.get().filter.inShoot(shoot.get()).withStacks(stacks.fold().get()));
  }

  /** The tile at a grid position, or null while its page loads (asked for here). */
  public TileModel tileAt(int index) {
    if (index < 0 || index >= size.get()) return null;
    List<TileModel> first = session.shown();
    return index < first.size() ? first.get(index) : pages.tileAt(index - first.size());
  }

  /**
   * The filter, search or order changed: start again from the top. The first page is asked for
   * before the count (which reads every matching photo), so its tiles come first.
   */
  private void requery() {
    pages.clear();
    refilterSession();
    selection.cursorOnNewGrid();
    if (filter.get().states != null) {
      counting.set(true);
      pages.tileAt(0);
    }
    refresh(true, true);
  }

  /** Recounts; what is on screen reloads if the library changed under it. Calls arriving meanwhile coalesce. */
  public void refresh() { refresh(false, false); }

  private void refresh(boolean reload) { refresh(reload, false); }

  /** {@code cleared}: the pages were just dropped for this query, so those loaded meanwhile are already of it. */
  private void refresh(boolean reload, boolean cleared) {
    if (refreshing) {
      refreshAgain = true;
      return;
    }
    refreshing = true;
    LibraryQuery query = query();
    long generation = pages.generation();
    boolean none = filter.get().states == null;
    background.run(() -> new LibraryTotals(none ? 0 : library.count(query), library.countsByState()), counted -> {
      refreshing = false;
      boolean changed = reload || counted.matching() != totals.matching() || filter.get() != TileFilter.ALL
          || sort.get() != LibraryOrder.ADDED_NEWEST || !search.get().isBlank() || query.cull().filters()
          || query.cull().stacks().folded();
      totals = counted;
      counting.set(false);
      notice.recovered(COUNT_PHOTOS);
      if (changed && !(cleared && pages.generation() == generation)) pages.invalidate();
      resize();
      recount();
      changed();
      if (refreshAgain) {
        refreshAgain = false;
        refresh();
      }
    }, failure -> {
      refreshing = false;
      counting.set(false);
      notice.failed(COUNT_PHOTOS, failure);
    });
  }

  private static final String COUNT_PHOTOS = "count the photos";

  private void resize() {
    long matching = counting.get() ? Math.max(totals.matching(), pages.firstPageSize()) : totals.matching();
    size.set((int) Math.min(Integer.MAX_VALUE, session.shown().size() + matching));
    selection.cursorWithinGrid();
  }

  private void refilterSession() {
    session.refilter(filter.get(), search.get(), query().cull().filters());
    resize();
  }

  private void recount() {
    counts.set(totals.describe(session.count(TileStep.REJECTED), session.count(TileStep.DUPLICATE)));
  }

  /** Imports files and folders; the activity bar follows them, the grid fills in as they are stored. */
  public void importPaths(List<Path> sources) {
    folderImports.taking(sources);
    importer.importPaths(sources, includeDeleted.get());
  }

  /** What to do (FX thread) when an import that took in folders has ended, every photo processed. */
  public void onFoldersImported(Consumer<List<Path>> then) { folderImports.whenEnded(then); }

  private TileModel sessionTile(Path file, TileStep step, String message) {
    TileModel tile = session.add(file, step, message);
    refilterSession();
    recount();
    changed();
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
        TileModel tile = pages.tileForImage(changed.imageId()).orElse(null);
        if (tile == null) {
          refresh(); // a new photo, or one off screen: the counts move
          return;
        }
        reread(tile, changed.imageId());
        refresh();
      }
      case FrameEvent.ImageMarked marked -> {
        pages.tileForImage(marked.imageId()).ifPresent(tile -> reread(tile, marked.imageId()));
        if (stacks.folded().get()) refresh(); // a stack formed or took another top: folded tiles move
      }
      case FrameEvent.JobChanged job -> {
        if (job.type() == JobType.THUMBNAIL_GENERATION && job.state() == JobState.COMPLETED && job.imageId() != null) {
          pages.tileForImage(job.imageId()).ifPresent(tile -> reread(tile, job.imageId()));
        }
      }
    }
  }

  private void reread(TileModel tile, long imageId) {
    // gone (removed on another device): the refresh takes its tile away
    pages.reread(tile, imageId, () -> refresh(true));
  }

  /** The grid position of a photo on a loaded page; -1 when it is not on one (nothing is loaded to find it). */
  public int indexOf(long imageId) {
    int at = pages.indexOf(imageId);
    return at < 0 ? -1 : session.shown().size() + at;
  }

  public java.util.Optional<TileModel> tileForImage(long imageId) { return pages.tileForImage(imageId); }

  // --- selection and the keyboard cursor (GridSelection) ---

  /** A click: alone selects one, with ctrl toggles one, with shift selects from the anchor. */
  public void click(int index, boolean shift, boolean ctrl) { selection.click(index, shift, ctrl); }

  /** The keyboard moved the cursor; with shift the selection stretches from the anchor. */
  public void moveCursor(int delta, boolean extend) { selection.moveCursor(delta, extend); }

  public void selectAll() { selection.selectAll(); }

  public void clearSelection() { selection.clear(); }

  public List<Long> selectedIds() { return selection.ids(); }

  /** The image id at a grid position: 0 for a file that is not in the library or a page not loaded. */
  public long idAt(int index) {
    TileModel tile = tileAt(index);
    return tile == null ? 0 : tile.imageId().get();
  }

  /** The nearest position from {@code index} in direction {@code step} holding a photo; -1 if none. */
  public int photoNear(int index, int step) {
    for (int i = index + step; i >= 0 && i < size.get(); i += step) {
      if (i >= session.shown().size()) return i; // every library tile is a photo
    }
    return -1;
  }

  // --- removing ---

  /** How much moving these photos to the trash frees; {@code then} runs on the FX thread. */
  public void measureRemoval(Collection<Long> ids, Consumer<RemovalSize> then) { removing.measure(ids, then); }

  public void remove(Collection<Long> ids, Consumer<RemovalSize> then) { removing.remove(ids, then); }
}
