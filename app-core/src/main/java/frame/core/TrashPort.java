package frame.core;

import frame.core.api.Trash;
import frame.core.api.trash.RemovalSize;
import frame.core.api.trash.TrashedPhoto;
import java.util.Collection;
import java.util.List;

/** {@link Trash} over the engine's trash. */
final class TrashPort implements Trash {
  private final frame.core.trash.Trash trash;

  TrashPort(frame.core.trash.Trash trash) {
    this.trash = trash;
  }

  @Override
  public RemovalSize removalSize(Collection<Long> imageIds) {
    return trash.sizeOf(imageIds);
  }

  @Override
  public RemovalSize remove(Collection<Long> imageIds) {
    return trash.remove(imageIds);
  }

  @Override
  public List<TrashedPhoto> list() {
    return trash.list();
  }

  @Override
  public int restore(Collection<Long> imageIds) {
    return trash.restore(imageIds);
  }

  @Override
  public int empty() {
    return trash.empty();
  }

  @Override
  public int emptyExpired() {
    return trash.emptyExpired();
  }
}
