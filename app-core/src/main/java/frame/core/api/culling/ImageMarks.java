package frame.core.api.culling;

/**
 * What culling knows about one photo: stars (0 is unrated), flag and colour label (null when
 * none), its shoot, its stack (null when it stands alone) and which photo that stack shows on top,
 * and its sharpness (null until measured; see docs/culling.md).
 */
public record ImageMarks(
    long imageId, int rating, Flag flag, ColorLabel label, Long shoot, Long stack, Long stackTop, Double sharpness) {

  public static ImageMarks none(long imageId) {
    return new ImageMarks(imageId, 0, null, null, null, null, null, null);
  }

  /** Whether this photo is the one its stack shows (a photo alone in no stack is its own top). */
  public boolean isStackTop() {
    return stack == null || stackTop == null || stackTop == imageId;
  }
}
