package frame.ui.library;

import frame.core.api.library.ImageState;
import java.util.Map;

/** What a recount found: how many photos match the query, and how many the library holds in each state. */
record LibraryTotals(long matching, Map<ImageState, Long> byState) {
  static final LibraryTotals NONE = new LibraryTotals(0, Map.of());

  /** "12 images · 10 processed · 1 in progress · 1 failed · 0 rejected · 0 duplicates" */
  String describe(long rejected, long duplicates) {
    long inLibrary = byState.values().stream().mapToLong(Long::longValue).sum();
    long inProgress = count(ImageState.UPLOADED) + count(ImageState.INGESTED) + count(ImageState.PROCESSING);
    long processed = count(ImageState.PROCESSED) + count(ImageState.STORED);
    return "%d images · %d processed · %d in progress · %d failed · %d rejected · %d duplicates".formatted(
        inLibrary + rejected + duplicates, processed, inProgress, count(ImageState.FAILED), rejected, duplicates);
  }

  private long count(ImageState state) {
    return byState.getOrDefault(state, 0L);
  }
}
