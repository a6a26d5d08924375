package frame.core.pipeline;

import frame.core.api.library.Image;
import frame.core.image.ImageRepository;
import frame.core.job.JobOutcome;
import frame.core.media.DecodedImage;
import frame.core.media.Renditions;
import frame.core.store.FileStore;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/** 512, 256, 128 and 64 px centre-cropped squares, each scaled from the one before it. */
public final class ThumbnailHandler extends ImageJobHandler {
  private final WorkingImages working;

  public ThumbnailHandler(ImageRepository images, FileStore store, WorkingImages working, OriginalFiles originals) {
    super(images, store, originals);
    this.working = working;
  }

  @Override
  protected JobOutcome handle(Image image, Path original) throws Exception {
    DecodedImage decoded = working.of(image, original);
    BufferedImage source = Renditions.centreSquare(decoded.pixels());
    for (int size : Renditions.THUMBNAIL_SIZES) {
      BufferedImage square = Renditions.scaledSquare(source, size);
      BufferedImage upright = decoded.orientation().apply(square);
      store.writeAtomically(store.thumbnail(image.sha256(), size),
          out -> Renditions.writeThumbnail(upright, out));
      source = square;
    }
    return JobOutcome.completed();
  }
}
