package frame.ui.library;

import frame.core.api.culling.ColorLabel;
import frame.core.api.culling.Flag;
import frame.core.api.culling.ImageMarks;
import frame.core.api.culling.MarkChange;
import java.util.Optional;
import javafx.scene.input.KeyCode;

/**
 * The culling keys photographers know from Photo Mechanic and Lightroom: P pick, X reject, U
 * unflag, 0-5 stars, 6-9 colour labels (red, yellow, green, blue).
 */
final class CullKeys {
  private CullKeys() {}

  static Optional<MarkChange> changeFor(KeyCode code) {
    return switch (code) {
      case P -> Optional.of(MarkChange.flag(Flag.PICK));
      case X -> Optional.of(MarkChange.flag(Flag.REJECT));
      case U -> Optional.of(MarkChange.flag(null));
      default -> digit(code).flatMap(d -> d <= 5
          ? Optional.of(MarkChange.rating(d))
          : ColorLabel.ofKey(d).map(MarkChange::label));
    };
  }

  private static Optional<Integer> digit(KeyCode code) {
    if (code.isDigitKey()) {
      String name = code.getName(); // "0".."9" or "Numpad 0".."Numpad 9"
      return Optional.of(Character.getNumericValue(name.charAt(name.length() - 1)));
    }
    return Optional.empty();
  }

  /** Stars and flag as a tile shows them: "★★★☆☆ · Pick". */
  static String describe(ImageMarks marks) {
    if (marks == null) return "";
    String stars = "★".repeat(marks.rating()) + "☆".repeat(5 - marks.rating());
    String flag = marks.flag() == null ? "" : marks.flag() == Flag.PICK ? " · ⚑ Pick" : " · ✕ Reject";
    String label = marks.label() == null ? "" : " · " + marks.label().xmp();
    String focus = marks.sharpness() == null ? "" : " · focus " + Math.round(marks.sharpness());
    return stars + flag + label + focus;
  }
}
