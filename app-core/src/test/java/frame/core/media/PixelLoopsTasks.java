package frame.core.media;

import frame.core.media.color.SrgbConversion;
import frame.core.pipeline.WorkingImages;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** The further tasks {@link PixelLoopsBench} times: the working image whole, with its conversion to sRGB. */
final class PixelLoopsTasks {
  private PixelLoopsTasks() {}

  static Map<String, Function<DecodedImage, Object>> more() {
    Map<String, Function<DecodedImage, Object>> tasks = new LinkedHashMap<>();
    // as before: the float scaling, then the conversion into a second image
    tasks.put("working image (scale, then sRGB into a copy), before", d -> {
      int[] size = PixelLoopsBench.fit(d);
      return SrgbConversion.toSrgb(AreaScaleBefore.to(d.pixels(), size[0], size[1]), d.iccProfile());
    });
    // every sample decodes larger than 2000 px, so this scales into a new image and leaves the decoded one as it was
    tasks.put("working image (WorkingImages.working), now", d -> WorkingImages.working(d));
    return tasks;
  }
}
