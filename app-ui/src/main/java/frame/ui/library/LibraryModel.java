package frame.ui.library;

import frame.core.Frame;
import frame.core.ImportSources;
import frame.core.event.FrameEvent;
import frame.core.image.Image;
import frame.core.image.ImageQuery;
import frame.core.ingest.IngestResult;
import frame.core.job.JobState;
import frame.core.job.JobType;
import frame.ui.Background;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * The library: a tile for every image and every file being imported, moved along by core events.
 * All disk and database work runs through {@link Background}; tiles change only on the FX thread.
 */
public final class LibraryModel {
  private final Frame frame;
  private final Background background;
  private final Clock clock;
  private final ObservableList<TileModel> tiles = FXCollections.observableArrayList(
      tile -> new javafx.beans.Observable[] {tile.step()});
  private final Map<Long, TileModel> byImage = new HashMap<>();
  private final FilteredList<TileModel> filtered = new FilteredList<>(tiles);
  private final SortedList<TileModel> visible = new SortedList<>(filtered);
  private final ObjectProperty<TileFilter> filter = new SimpleObjectProperty<>(TileFilter.ALL);
  private final StringProperty search = new SimpleStringProperty("");
  private final ObjectProperty<TileSort> sort = new SimpleObjectProperty<>(TileSort.ADDED_NEWEST);
  private final StringProperty counts = new SimpleStringProperty("");
  // One file at a time keeps tiles filling in the order they were dropped.
  private final ExecutorService ingestQueue;

  public LibraryModel(Frame frame, Background background, Clock clock, ExecutorService ingestQueue) {
    this.frame = frame;
    this.background = background;
    this.clock = clock;
    this.ingestQueue = ingestQueue;
    filter.addListener((o, a, b) -> refilter());
    search.addListener((o, a, b) -> refilter());
    sort.addListener((o, a, b) -> visible.setComparator(sort.get().order));
    visible.setComparator(sort.get().order);
    tiles.addListener((javafx.collections.ListChangeListener<TileModel>) change -> recount());
  }

  public static ExecutorService newIngestQueue() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread thread = new Thread(r, "frame-ui-import");
      thread.setDaemon(true);
      return thread;
    });
  }

  public ObservableList<TileModel> visibleTiles() {
    return visible;
  }

  public ObservableList<TileModel> allTiles() {
    return tiles;
  }

  public ObjectProperty<TileFilter> filter() {
    return filter;
  }

  public StringProperty search() {
    return search;
  }

  public ObjectProperty<TileSort> sort() {
    return sort;
  }

  /** "12 processed · 3 in progress · 1 failed ..." */
  public StringProperty counts() {
    return counts;
  }

  /** Shows the images already in the library, newest first. */
  public void loadExisting() {
    background.run(() -> {
      List<Seen> all = new ArrayList<>();
      for (int offset = 0; ; offset += 1000) {
        List<Image> page = frame.images(new ImageQuery(null, 1000, offset));
        page.forEach(image -> all.add(see(image)));
        if (page.size() < 1000) return all;
      }
    }, images -> images.forEach(this::showImage), failure -> {});
  }

  /** An image with its 256 px thumbnail, if made: both read off the FX thread. */
  record Seen(Image image, Optional<Path> thumbnail) {}

  private Seen see(Image image) {
    return new Seen(image, frame.files(image).thumbnail(256));
  }

  private Seen see(long imageId) {
    return see(frame.image(imageId));
  }

  private void showImage(Seen seen) {
    if (byImage.containsKey(seen.image().id())) return;
    TileModel tile = new TileModel(seen.image().originalName(), seen.image().createdAt());
    attach(tile, seen);
    tiles.add(tile);
  }

  /** Imports files and folders: a tile appears at once for each file, then fills in. */
  public void importPaths(List<Path> sources) {
    background.run(() -> ImportSources.expand(sources), files -> {
      for (Path file : files) {
        TileModel tile = new TileModel(file.getFileName().toString(), clock.instant());
        tile.message().set("Waiting to upload");
        tiles.add(tile);
        submit(() -> {
          IngestResult result = frame.importFile(file);
          Optional<Path> thumbnail = switch (result) {
            case IngestResult.Stored s -> Optional.<Path>empty();
            case IngestResult.Duplicate d -> see(d.existing()).thumbnail();
            case IngestResult.Rejected r -> Optional.<Path>empty();
          };
          background.onFx(() -> settle(tile, result, thumbnail));
        });
      }
    }, failure -> {});
  }

  private void submit(Runnable work) {
    if (ingestQueue == null) work.run();
    else ingestQueue.execute(work);
  }

  private void settle(TileModel tile, IngestResult result, Optional<Path> thumbnail) {
    switch (result) {
      case IngestResult.Stored stored -> attach(tile, new Seen(stored.image(), Optional.empty()));
      case IngestResult.Duplicate duplicate -> {
        tile.step().set(TileStep.DUPLICATE);
        tile.duplicateOf().set(duplicate.existing().id());
        tile.message().set("Already in the library as " + duplicate.existing().originalName()
            + " (#" + duplicate.existing().id() + ")");
        thumbnail.ifPresent(tile.thumbnail()::set);
      }
      case IngestResult.Rejected rejected -> {
        tile.step().set(TileStep.REJECTED);
        tile.message().set(rejected.reason());
      }
    }
    recount();
  }

  private void attach(TileModel tile, Seen seen) {
    Image image = seen.image();
    TileModel earlier = byImage.put(image.id(), tile);
    // an event may have shown this image before its import settled: keep the import's tile
    if (earlier != null && earlier != tile) tiles.remove(earlier);
    tile.imageId().set(image.id());
    tile.takenAt().set(image.takenAt());
    // The image may have moved on while this tile was being made: read the latest.
    applyState(tile, seen);
    background.run(() -> see(image.id()), latest -> applyState(tile, latest), failure -> {});
  }

  private void applyState(TileModel tile, Seen seen) {
    Image image = seen.image();
    TileStep step = TileStep.of(image.state());
    if (tile.step().get().isFinal() && !step.isFinal()) return;
    tile.step().set(step);
    tile.message().set(image.failureReason() == null ? describe(step) : image.failureReason());
    if (tile.thumbnail().get() == null) seen.thumbnail().ifPresent(tile.thumbnail()::set);
    recount();
  }

  /** Core events, from any thread. */
  public void onEvent(FrameEvent event) {
    switch (event) {
      case FrameEvent.ImageChanged changed ->
          background.run(() -> see(changed.imageId()), seen -> {
            TileModel tile = byImage.get(seen.image().id());
            if (tile != null) applyState(tile, seen);
            else showImage(seen); // from another device, or a local import not settled yet
          }, failure -> {});
      case FrameEvent.JobChanged job -> {
        if (job.type() == JobType.THUMBNAIL_GENERATION && job.state() == JobState.COMPLETED && job.imageId() != null) {
          background.run(() -> see(job.imageId()), seen -> {
            TileModel tile = byImage.get(seen.image().id());
            if (tile != null) seen.thumbnail().ifPresent(tile.thumbnail()::set);
          }, failure -> {});
        }
      }
    }
  }

  public Optional<TileModel> tileForImage(long imageId) {
    return Optional.ofNullable(byImage.get(imageId));
  }

  private void refilter() {
    String text = search.get() == null ? "" : search.get().trim().toLowerCase(Locale.ROOT);
    TileFilter state = filter.get();
    filtered.setPredicate(tile -> state.matches(tile)
        && (text.isEmpty() || tile.name().get().toLowerCase(Locale.ROOT).contains(text)));
  }

  private void recount() {
    Map<TileStep, Integer> perStep = new EnumMap<>(TileStep.class);
    for (TileModel tile : tiles) perStep.merge(tile.step().get(), 1, Integer::sum);
    int inProgress = perStep.getOrDefault(TileStep.UPLOADING, 0) + perStep.getOrDefault(TileStep.INGESTED, 0)
        + perStep.getOrDefault(TileStep.PROCESSING, 0);
    counts.set("%d images · %d processed · %d in progress · %d failed · %d rejected · %d duplicates".formatted(
        tiles.size(), perStep.getOrDefault(TileStep.PROCESSED, 0), inProgress, perStep.getOrDefault(TileStep.FAILED, 0),
        perStep.getOrDefault(TileStep.REJECTED, 0), perStep.getOrDefault(TileStep.DUPLICATE, 0)));
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
