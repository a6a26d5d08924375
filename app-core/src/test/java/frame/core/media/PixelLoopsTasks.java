package frame.core.media;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** The further tasks {@link PixelLoopsBench} times. */
final class PixelLoopsTasks {
  private PixelLoopsTasks() {}

  static Map<String, Function<DecodedImage, Object>> more() {
    Map<String, Function<DecodedImage, Object>> tasks = new LinkedHashMap<>();
    return tasks;
  }
}
