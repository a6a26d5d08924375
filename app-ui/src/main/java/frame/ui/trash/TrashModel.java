package frame.ui.trash;

import frame.core.api.FrameLibrary;
import frame.core.api.trash.RemovalSize;
import frame.core.api.trash.TrashedPhoto;
import frame.ui.common.Background;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The trash pane's view-model: the removed photos, restore, empty. */
public final class TrashModel {
  private final FrameLibrary frame;
  private final Background background;
  private final Runnable libraryChanged;
  private final ObservableList<TrashedPhoto> photos = FXCollections.observableArrayList();
  private final StringProperty summary = new SimpleStringProperty("");

  public TrashModel(FrameLibrary frame, Background background, Runnable libraryChanged) {
    this.frame = frame;
    this.background = background;
    this.libraryChanged = libraryChanged;
  }

  public ObservableList<TrashedPhoto> photos() {
    return photos;
  }

  public StringProperty summary() {
    return summary;
  }

  public void refresh() {
    background.run(frame.ports().trash()::list, list -> {
      photos.setAll(list);
      long bytes = list.stream().mapToLong(p -> p.image().byteSize()).sum();
      summary.set(list.isEmpty() ? "The trash is empty."
          : list.size() + " photo(s) in the trash, " + RemovalSize.humanBytes(bytes) + " of originals. "
              + "Each is deleted for good 30 days after it was removed.");
    }, failure -> {});
  }

  public void restore(List<Long> ids) {
    background.run(() -> frame.ports().trash().restore(ids), restored -> {
      refresh();
      libraryChanged.run();
    }, failure -> refresh());
  }

  public void empty() {
    background.run(frame.ports().trash()::empty, deleted -> refresh(), failure -> refresh());
  }
}
