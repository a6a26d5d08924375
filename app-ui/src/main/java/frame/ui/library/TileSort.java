package frame.ui.library;

import java.util.Comparator;

/** The library's sort orders. */
public enum TileSort {
  ADDED_NEWEST("Newest added first", Comparator.comparing(TileModel::added).reversed()),
  TAKEN_NEWEST("Newest taken first", Comparator.comparing((TileModel t) -> t.takenAt().get(),
      Comparator.nullsLast(Comparator.<String>reverseOrder())).thenComparing(TileModel::added, Comparator.reverseOrder())),
  TAKEN_OLDEST("Oldest taken first", Comparator.comparing((TileModel t) -> t.takenAt().get(),
      Comparator.nullsLast(Comparator.<String>naturalOrder())).thenComparing(TileModel::added));

  private final String label;
  final Comparator<TileModel> order;

  TileSort(String label, Comparator<TileModel> order) {
    this.label = label;
    this.order = order;
  }

  @Override
  public String toString() {
    return label;
  }
}
