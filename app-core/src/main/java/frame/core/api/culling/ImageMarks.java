package frame.core.api.culling;

/**
 * What culling knows about one photo: stars (0 is unrated), flag and colour label (null when
 * none), its shoot, its stack (null when it stands alone) and which photo that stack shows on top,
 * its sharpness (null until measured; see docs/culling.md), and how many frames its stack holds
 * (1 for a photo alone; photos in the trash not counted).
 */
public record ImageMarks(
    long imageId, int rating, Flag flag, ColorLabel label, Long shoot, Long stack, Long stackTop, Double sharpness,
    int stackSize) {

  public ImageMarks {
    stackSize = Math.max(1, stackSize);
  }

  public static ImageMarks none(long imageId) {
    return new ImageMarks(imageId, 0, null, null, null, null, null, null, 1);
  }

  /** Whether this photo is the one its stack shows (a photo alone in no stack is its own top). */
  public boolean isStackTop() {
    return stack == null || stackTop == null || stackTop == imageId;
  }
}
