package frame.core.api.culling;

/**
 * What a photographer changes on a photo: any of its stars, flag and label. A part left out is
 * kept; a flag or label set to null is cleared (U unflags).
 */
public record MarkChange(Integer rating, boolean changesFlag, Flag flag, boolean changesLabel, ColorLabel label) {
  public MarkChange {
    if (rating != null && (rating < 0 || rating > 5)) {
      throw new IllegalArgumentException("rating must be between 0 and 5, not " + rating);
    }
    if (!changesFlag && flag != null) throw new IllegalArgumentException("a flag given without changesFlag");
    if (!changesLabel && label != null) throw new IllegalArgumentException("a label given without changesLabel");
  }

  public static MarkChange rating(int stars) {
    return new MarkChange(stars, false, null, false, null);
  }

  /** Sets the flag; null unflags. */
  public static MarkChange flag(Flag flag) {
    return new MarkChange(null, true, flag, false, null);
  }

  /** Sets the colour label; null clears it. */
  public static MarkChange label(ColorLabel label) {
    return new MarkChange(null, false, null, true, label);
  }

  public boolean isEmpty() {
    return rating == null && !changesFlag && !changesLabel;
  }
}
