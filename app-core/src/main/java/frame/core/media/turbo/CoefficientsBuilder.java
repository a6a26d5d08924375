package frame.core.media.turbo;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

/** The rows as they come; a component whose height rounds up to its sampling gets one padding row more. */
final class CoefficientsBuilder {
  private final List<short[]> blocks = new ArrayList<>();
  private final List<int[]> shapes = new ArrayList<>(); // blocks wide, rows seen
  Throwable failure; // set by the transform callback, which cannot throw into C

  void row(int component, int blocksWide, int rows, int row, MemorySegment coefficients) {
    while (blocks.size() <= component) {
      blocks.add(null);
      shapes.add(null);
    }
    if (blocks.get(component) == null) {
      blocks.set(component, new short[(rows + 1) * blocksWide * 64]);
      shapes.set(component, new int[] {blocksWide, 0});
    }
    if (row > rows) return;
    MemorySegment.copy(coefficients, ValueLayout.JAVA_SHORT, 0, blocks.get(component), row * blocksWide * 64, blocksWide * 64);
    shapes.get(component)[1] = Math.max(shapes.get(component)[1], row + 1);
  }

  TurboJpeg.Coefficients build(int width, int height) {
    List<TurboJpeg.Component> components = new ArrayList<>();
    for (int c = 0; c < blocks.size(); c++) {
      components.add(new TurboJpeg.Component(shapes.get(c)[0], shapes.get(c)[1], blocks.get(c)));
    }
    return new TurboJpeg.Coefficients(width, height, List.copyOf(components));
  }
}
