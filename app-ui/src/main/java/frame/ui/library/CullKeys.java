package frame.ui.library;

import frame.core.api.culling.ColorLabel;
import frame.core.api.culling.Flag;
import frame.core.api.culling.ImageMarks;
import frame.core.api.culling.MarkChange;
import java.util.Optional;
import javafx.scene.input.KeyCode;

/**
 * The culling keys photographers know from Photo Mechanic and Lightroom: P pick, X reject, U
 * unflag, 0-5 stars, 6-9 colour labels (red, yellow, green, blue). Lightroom has no key for
 * purple; darktable's label keys F1-F5 (red, yellow, green, blue, purple) work too, so F5 gives it.
 */
final class CullKeys {
  private CullKeys() {}

  static Optional<MarkChange> changeFor(KeyCode code) {
    return switch (code) {
      case P -> Optional.of(MarkChange.flag(Flag.PICK));
      case X -> Optional.of(MarkChange.flag(Flag.REJECT));
      case U -> Optional.of(MarkChange.flag(null));
      case F1 -> Optional.of(MarkChange.label(ColorLabel.RED));
      case F2 -> Optional.of(MarkChange.label(ColorLabel.YELLOW));
      case F3 -> Optional.of(MarkChange.label(ColorLabel.GREEN));
      case F4 -> Optional.of(MarkChange.label(ColorLabel.BLUE));
      case F5 -> Optional.of(MarkChange.label(ColorLabel.PURPLE));
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

  /** Stars, flag, label and focus as the viewer shows them: "★★★☆☆ · ⚑ Pick · Red · focus 412". */
  static String describe(ImageMarks marks) {
    return describe(marks, true);
  }

  /** The same, the focus figure left out when a tile shows it on its picture. */
  static String describe(ImageMarks marks, boolean withFocus) {
    if (marks == null) return "";
    String stars = "★".repeat(marks.rating()) + "☆".repeat(5 - marks.rating());
    String flag = marks.flag() == null ? "" : marks.flag() == Flag.PICK ? " · ⚑ Pick" : " · ✕ Reject";
    String label = marks.label() == null ? "" : " · " + marks.label().xmp();
    String focus = !withFocus || marks.sharpness() == null ? "" : " · focus " + Math.round(marks.sharpness());
    return stars + flag + label + focus;
  }

  /** The focus indicator: "◎ 412" (the sharpness, rounded); empty until measured. */
  static String focus(ImageMarks marks) {
    return marks == null || marks.sharpness() == null ? "" : "◎ " + Math.round(marks.sharpness());
  }
}
