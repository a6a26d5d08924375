package frame.core.pipeline;

/**
 * What is measured from a preview while its job still holds it in memory (culling's analysis,
 * {@code frame.core.culling.PreviewAnalysis}), so the pipeline names no feature built on it.
 */
public interface PreviewMeasures {
  /** Whether anything is to be measured now (culling's analysis may be turned off). */
  boolean on();

  /**
   * Measures photo {@code imageId} from {@code samePixels}, a JPEG decoding to exactly the preview
   * file's pixels. False when it could not: the preview job then queues the jobs that read the file.
   */
  boolean measure(long imageId, byte[] samePixels);
}
