package frame.server;

import frame.core.api.culling.ImageMarks;
import java.util.LinkedHashMap;
import java.util.Map;

/** A photo's culling fields as the API writes them: {@code rating, flag, label, shoot, stack, stackTop, sharpness, stackSize}. */
final class MarksJson {
  private MarksJson() {}

  static Map<String, Object> of(ImageMarks marks) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("rating", marks.rating());
    json.put("flag", marks.flag() == null ? null : marks.flag().wire());
    json.put("label", marks.label() == null ? null : marks.label().wire());
    json.put("shoot", marks.shoot());
    json.put("stack", marks.stack());
    json.put("stackTop", marks.stackTop());
    json.put("sharpness", marks.sharpness());
    json.put("stackSize", marks.stackSize());
    return json;
  }

  /** The same with the photo's id first, for lists. */
  static Map<String, Object> withId(ImageMarks marks) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("imageId", marks.imageId());
    json.putAll(of(marks));
    return json;
  }
}
