package frame.ui.trash;

import frame.core.api.Trash;
import frame.core.api.FrameLibrary;
import frame.core.api.trash.RemovalSize;
import frame.core.api.trash.TrashedPhoto;
import frame.ui.common.Background;
import frame.ui.common.Notice;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The trash pane's view-model: the removed photos, restore, empty. */
public final class TrashModel {
  private final Trash trash;
  private final Background background;
  private final Runnable libraryChanged;
  private final ObservableList<TrashedPhoto> photos = FXCollections.observableArrayList();
  private final StringProperty summary = new SimpleStringProperty("");
  private final Notice notice = new Notice();

  public TrashModel(FrameLibrary frame, Background background, Runnable libraryChanged) {
    this.trash = frame.ports().trash();
    this.background = background;
    this.libraryChanged = libraryChanged;
  }

  public ObservableList<TrashedPhoto> photos() {
    return photos;
  }

  public StringProperty summary() {
    return summary;
  }

  /** What went wrong with the last restore or empty, in plain words; empty when nothing did. */
  public Notice notice() {
    return notice;
  }

  public void refresh() {
    background.run(trash::list, list -> {
      notice.recovered("read the trash");
      photos.setAll(list);
      long bytes = list.stream().mapToLong(p -> p.image().byteSize()).sum();
      summary.set(list.isEmpty() ? "The trash is empty."
          : list.size() + " photo(s) in the trash, " + RemovalSize.humanBytes(bytes) + " of originals. "
              + "Each is deleted for good 30 days after it was removed.");
    }, notice.onFailure("read the trash"));
  }

  public void restore(List<Long> ids) {
    List<Long> asked = List.copyOf(ids);
    background.run(() -> trash.restore(asked), restored -> {
      if (restored < asked.size()) {
        // restored or deleted for good meanwhile, e.g. from another device or the command line
        notice.say((asked.size() - restored) + " of the " + asked.size() + " photo(s) were no longer in the trash"
            + " (restored or deleted meanwhile). The list is refreshed.");
      } else {
        notice.clear();
      }
      refresh();
      libraryChanged.run();
    }, failure -> {
      notice.failed("restore the photos", failure);
      refresh();
    });
  }

  public void empty() {
    background.run(trash::empty, deleted -> {
      notice.clear();
      refresh();
    }, failure -> {
      notice.failed("empty the trash", failure);
      refresh();
    });
  }
}
