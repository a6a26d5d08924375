package frame.ui.library;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ObservableListBase;

/** The grid's rows as a list of their numbers, without holding them: only its size is stored. */
final class RowIndexes extends ObservableListBase<Integer> {
  private int size;

  @Override
  public Integer get(int index) {
    if (index < 0 || index >= size) throw new IndexOutOfBoundsException(index);
    return index;
  }

  @Override
  public int size() {
    return size;
  }

  void resize(int rows) {
    if (rows == size) return;
    int old = size;
    size = rows;
    beginChange();
    if (rows > old) {
      nextAdd(old, rows);
    } else {
      List<Integer> removed = new ArrayList<>(old - rows);
      for (int i = rows; i < old; i++) removed.add(i);
      nextRemove(rows, removed);
    }
    endChange();
  }
}
