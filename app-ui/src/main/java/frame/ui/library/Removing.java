package frame.ui.library;

import frame.core.api.Trash;
import frame.core.api.trash.RemovalSize;
import frame.ui.common.Background;
import frame.ui.common.Notice;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Moving photos of the grid to the trash: how much it frees first, then the move; the grid reloads after. */
final class Removing {
  private final Trash trash;
  private final Background background;
  private final Notice notice;
  private final Set<Long> selected;
  private final Runnable reload;

  Removing(Trash trash, Background background, Notice notice, Set<Long> selected, Runnable reload) {
    this.trash = trash;
    this.background = background;
    this.notice = notice;
    this.selected = selected;
    this.reload = reload;
  }

  void measure(Collection<Long> ids, Consumer<RemovalSize> then) {
    List<Long> copy = List.copyOf(ids);
    background.run(() -> trash.removalSize(copy), then, failure -> {
      notice.failed(removing(copy), failure);
      reload.run(); // a photo removed meanwhile leaves the grid
    });
  }

  void remove(Collection<Long> ids, Consumer<RemovalSize> then) {
    List<Long> copy = List.copyOf(ids);
    background.run(() -> trash.remove(copy), removed -> {
      notice.clear();
      selected.removeAll(copy);
      reload.run();
      then.accept(removed);
    }, failure -> {
      notice.failed(removing(copy), failure);
      reload.run();
    });
  }

  private static String removing(List<Long> ids) {
    return "move " + (ids.size() == 1 ? "the photo" : ids.size() + " photos") + " to the trash";
  }
}
