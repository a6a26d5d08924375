package frame.core.archive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The targets grouped by physical place. Targets added before FRAME refused overlapping ones may
 * share a folder or a bucket's keys: their copies of a photo count as one place.
 */
final class Places {
  private final Map<Long, Long> placeOf = new LinkedHashMap<>();
  private final Map<Long, TargetRecord> byId = new LinkedHashMap<>();

  private Places(List<TargetRecord> targets) {
    List<Place> places = targets.stream().map(Place::of).toList();
    for (int i = 0; i < targets.size(); i++) {
      TargetRecord target = targets.get(i);
      byId.put(target.id(), target);
      placeOf.put(target.id(), target.id());
      for (int j = 0; j < i; j++) {
        if (places.get(i).overlaps(places.get(j))) join(target.id(), targets.get(j).id());
      }
    }
  }

  static Places of(List<TargetRecord> targets) {
    return new Places(targets);
  }

  /** The place of a target: the id of the first target there. */
  long of(long targetId) {
    long place = placeOf.getOrDefault(targetId, targetId);
    return place == targetId ? place : of(place);
  }

  /** Places that more than one target names, each as its targets' names. */
  List<List<String>> shared() {
    return byId.keySet().stream().collect(Collectors.groupingBy(this::of, LinkedHashMap::new, Collectors.toList()))
        .values().stream().filter(ids -> ids.size() > 1)
        .map(ids -> ids.stream().map(id -> byId.get(id).name()).toList()).toList();
  }

  /** The targets holding copies, one name per place: "nas", or "arch1 = usb2" for two targets on one place. */
  List<String> names(List<Long> targetIds) {
    Map<Long, List<String>> at = new LinkedHashMap<>();
    for (long id : targetIds) {
      TargetRecord target = byId.get(id);
      if (target != null) at.computeIfAbsent(of(id), place -> new ArrayList<>()).add(target.name());
    }
    return at.values().stream()
        .map(names -> names.size() == 1 ? names.get(0) : String.join(" = ", names)).toList();
  }

  /** SQL naming the place of {@code column} (a target id): the column itself unless targets share a place. */
  String sql(String column) {
    List<Map.Entry<Long, Long>> moved = byId.keySet().stream().filter(id -> of(id) != id)
        .map(id -> Map.entry(id, of(id))).toList();
    if (moved.isEmpty()) return column;
    // target ids come from the database, never from a person: safe to write into the text
    return moved.stream().map(e -> " WHEN " + e.getKey() + " THEN " + e.getValue())
        .collect(Collectors.joining("", "CASE " + column, " ELSE " + column + " END"));
  }

  private void join(long target, long earlier) {
    long a = of(target);
    long b = of(earlier);
    if (a != b) placeOf.put(Math.max(a, b), Math.min(a, b));
  }
}
