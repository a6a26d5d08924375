package frame.ui;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;

import frame.core.Frame;
import frame.core.api.library.Image;
import frame.core.api.library.ImageQuery;
import frame.core.api.library.RenditionSizes;
import frame.core.testing.FrameFixture;
import frame.core.testing.LargeLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A library of many processed photos whose thumbnail files exist, so a window on it decodes real
 * thumbnails. Each size is one real JPEG, hard-linked for every photo: 10 000 photos in seconds.
 */
final class SeededLibrary {
  private SeededLibrary() {}

  /** Seeds {@code count} photos (photo-00001.jpg ...) into a new library in {@code dataDir}; returns it. */
  static Path withThumbnails(Path dataDir, int count) throws Exception {
    try (Frame frame = FrameFixture.open(dataDir)) {
      LargeLibrary.seed(frame, count);
      Map<Integer, Path> masters = new HashMap<>();
      Path folder = Files.createDirectories(dataDir.resolve("thumbnail-masters"));
      for (int px : RenditionSizes.thumbnails()) {
        masters.put(px, Files.write(folder.resolve(px + ".jpg"), jpeg(photo(px, px * 2 / 3, px))));
      }
      for (int offset = 0; ; offset += 1000) {
        List<Image> page = frame.ports().library().list(new ImageQuery(null, 1000, offset));
        for (Image image : page) {
          for (var thumbnail : frame.ports().library().files(image).thumbnails().entrySet()) {
            Files.createDirectories(thumbnail.getValue().getParent());
            Files.createLink(thumbnail.getValue(), masters.get(thumbnail.getKey()));
          }
        }
        if (page.size() < 1000) break;
      }
    }
    return dataDir;
  }
}
