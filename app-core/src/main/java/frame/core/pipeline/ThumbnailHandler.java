package frame.core.pipeline;

import frame.core.image.Image;
import frame.core.image.ImageFormat;
import frame.core.image.ImageRepository;
import frame.core.job.JobOutcome;
import frame.core.media.DecodedImage;
import frame.core.media.ImageDecoder;
import frame.core.media.JpegWriter;
import frame.core.media.Orientation;
import frame.core.media.Renditions;
import frame.core.store.FileStore;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * 512, 256, 128 and 64 px centre-cropped squares, each scaled from the one before it. The source is
 * the preview when it exists (already upright, and a third of the pixels to decode), else the
 * original.
 */
public final class ThumbnailHandler extends ImageJobHandler {
  private final ImageDecoder decoder;

  public ThumbnailHandler(ImageRepository images, FileStore store, ImageDecoder decoder) {
    super(images, store);
    this.decoder = decoder;
  }

  @Override
  protected JobOutcome handle(Image image, Path original) throws Exception {
    DecodedImage decoded = source(image, original);
    BufferedImage source = Renditions.centreSquare(decoded.pixels());
    for (int size : Renditions.THUMBNAIL_SIZES) {
      BufferedImage square = Renditions.scaledSquare(source, size);
      BufferedImage upright = decoded.orientation().apply(square);
      store.writeAtomically(store.thumbnail(image.sha256(), size),
          out -> JpegWriter.write(upright, Renditions.THUMBNAIL_QUALITY, false, out));
      source = square;
    }
    return JobOutcome.completed();
  }

  private DecodedImage source(Image image, Path original) {
    Path preview = store.preview(image.sha256());
    if (Files.isRegularFile(preview) && previewShortSide(image) >= Renditions.THUMBNAIL_SIZES[0]) {
      return new DecodedImage(decoder.decode(preview, ImageFormat.JPEG).pixels(), Orientation.NORMAL);
    }
    return decoder.decode(original, image.format());
  }

  /** A panorama's preview can be too thin for a sharp 512 px square: then use the original. */
  private static long previewShortSide(Image image) {
    long longest = Math.max(image.width(), image.height());
    long shortest = Math.min(image.width(), image.height());
    return longest <= Renditions.PREVIEW_LONGEST_SIDE ? shortest : shortest * Renditions.PREVIEW_LONGEST_SIDE / longest;
  }
}
