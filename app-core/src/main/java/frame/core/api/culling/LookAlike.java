package frame.core.api.culling;

/**
 * A photo elsewhere in the library that looks like another: "looks like IMG_0042 of 2024-05-02".
 * {@code distance} is how many of the 64 perceptual-hash bits differ (0 is the same picture).
 */
public record LookAlike(long imageId, String name, String takenAt, int distance) {
  public String describe() {
    String day = takenAt == null || takenAt.length() < 10 ? null : takenAt.substring(0, 10);
    return "looks like " + name + (day == null ? "" : " of " + day);
  }
}
