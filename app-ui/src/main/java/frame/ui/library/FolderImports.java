package frame.ui.library;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The folders (a card, a volume) the running import took in, handed on when it ends with every
 * photo processed: the window then asks whether the card is safe to format. FX thread only.
 */
final class FolderImports {
  private final List<Path> importing = new ArrayList<>();
  private Consumer<List<Path>> whenEnded = folders -> {};

  FolderImports(ImportActivity activity) {
    activity.active().addListener((o, was, now) -> {
      if (was && !now && !importing.isEmpty()) {
        List<Path> folders = List.copyOf(importing);
        importing.clear();
        whenEnded.accept(folders);
      }
    });
  }

  void taking(List<Path> sources) {
    for (Path source : sources) {
      if (Files.isDirectory(source)) importing.add(source);
    }
  }

  void whenEnded(Consumer<List<Path>> then) {
    this.whenEnded = then;
  }
}
