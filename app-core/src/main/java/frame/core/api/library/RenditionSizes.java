package frame.core.api.library;

/** The sizes of the files FRAME makes of every photo. */
public final class RenditionSizes {
  /** The longest side of a preview, in px; a smaller original is never upscaled. */
  public static final int PREVIEW_LONGEST_SIDE = 2000;

  private RenditionSizes() {}

  /** The thumbnail sizes, in px, largest first (a fresh copy). */
  public static int[] thumbnails() {
    return new int[] {512, 256, 128, 64};
  }
}
