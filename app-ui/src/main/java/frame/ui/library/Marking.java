package frame.ui.library;

import frame.core.api.Culling;
import frame.core.api.culling.MarkChange;
import frame.ui.common.Background;
import frame.ui.common.Notice;
import java.util.Collection;
import java.util.List;

/** The culling keys' action: flags, rates or labels photos; each change comes back as an event to its tile. */
final class Marking {
  private static final String MARK = "mark the photos";

  private final Culling culling;
  private final Background background;
  private final Notice notice;

  Marking(Culling culling, Background background, Notice notice) {
    this.culling = culling;
    this.background = background;
    this.notice = notice;
  }

  void mark(Collection<Long> imageIds, MarkChange change) {
    List<Long> ids = List.copyOf(imageIds);
    if (ids.isEmpty()) return;
    background.run(() -> culling.markAll(ids, change), marked -> notice.recovered(MARK), notice.onFailure(MARK));
  }
}
