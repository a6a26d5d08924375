package frame.core.culling;

import frame.core.media.Renditions;
import frame.core.media.codec.Codec;
import frame.core.media.codec.jpeg.JpegCodec;
import frame.core.pipeline.PreviewMeasures;
import java.awt.image.BufferedImage;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Culling's analysis done by the preview's own job, from the preview still in memory: the same
 * perceptual hash and sharpness the {@link AnalysisHandler} jobs take from the preview file (the
 * same decode, of bytes with the file's very pixels), without two more jobs a photo and two reads
 * and progressive decodes of the file; one decode serves both measures. Where it cannot (no
 * libjpeg-turbo, a decode it refuses, a database error) the preview job queues the two analysis
 * jobs instead, as before.
 */
public final class PreviewAnalysis implements PreviewMeasures {
  private static final Logger log = LoggerFactory.getLogger(PreviewAnalysis.class);
  /** A preview is at most 2000 px on its longest side. */
  private static final long MAX_PIXELS = (long) Renditions.PREVIEW_LONGEST_SIDE * Renditions.PREVIEW_LONGEST_SIDE;

  private final AnalysisSwitch analysisSwitch;
  private final Stacker stacker;

  public PreviewAnalysis(AnalysisSwitch analysisSwitch, Stacker stacker) {
    this.analysisSwitch = analysisSwitch;
    this.stacker = stacker;
  }

  /** Whether culling's analysis follows each preview (the data folder's culling.properties). */
  @Override
  public boolean on() {
    return analysisSwitch.on();
  }

  /**
   * Measures a photo's preview from {@code samePixels} (a JPEG decoding to exactly the preview
   * file's pixels), stores both measures and places the photo in its stack. False when it could
   * not: the caller queues the analysis jobs, which read the file.
   */
  @Override
  public boolean measure(long imageId, byte[] samePixels) {
    try {
      Optional<BufferedImage> measured = decoded(samePixels, Sharpness.MEASURED_AT);
      if (measured.isEmpty()) return false;
      stacker.measured(imageId, PerceptualHash.of(measured.get()), Sharpness.of(measured.get()));
      return true;
    } catch (RuntimeException e) {
      // a failed analysis never fails its photo: the jobs try again, and show it if they fail too
      log.warn("Analysis of photo {} in its preview job failed ({}); its analysis jobs follow", imageId, e.toString());
      return false;
    }
  }

  private static Optional<BufferedImage> decoded(byte[] jpeg, int longest) {
    // previews are written upright, without an orientation tag
    return JpegCodec.withTurbo(jpeg, MAX_PIXELS, longest).map(Codec.Picture::pixels);
  }
}
