package frame.core.culling;

import frame.core.culling.StackRepository.Candidate;
import frame.core.db.Jdbc;
import frame.core.db.Jdbc.Tx;
import frame.core.event.EventBus;
import frame.core.image.StackShown;
import frame.core.api.events.FrameEvent;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Puts a photo into a stack with the photos it belongs with: its RAW or JPEG twin (same base name
 * and capture time), and the frames of its burst or its near-duplicates (perceptual hashes within
 * {@link #BURST_DISTANCE} bits, the same camera, taken within {@link #BURST_GAP}). The sharpest
 * member is on top unless the photographer chose another.
 */
public final class Stacker {
  /** Hashes this close are the same picture: re-encoded, resized, shifted a little, a bit blurred. */
  public static final int BURST_DISTANCE = 10;
  public static final Duration BURST_GAP = Duration.ofSeconds(30);
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  private final Jdbc jdbc;
  private final StackRepository stacks;
  private final EventBus events;

  public Stacker(Jdbc jdbc, EventBus events) {
    this.jdbc = jdbc;
    this.stacks = new StackRepository(jdbc);
    this.events = events;
  }

  /**
   * Stores a photo's new measures (a null one: not measured by this step), puts it into the stack
   * of the photos it belongs with, and sets that stack's top again: all in one transaction, so one
   * commit a photo (three before, each a sync to disk). Answers the photo's stack, or null.
   */
  // one placement at a time in this process, and in the studio (the database's lock): two frames of
  // a burst hashed at once would each start a stack
  synchronized Long measured(long imageId, Long hash, Double sharpness) {
    Placed placed = jdbc.inTransaction(tx -> {
      stacks.lockStacking(tx);
      stacks.saveMeasures(tx, imageId, hash, sharpness);
      Candidate me = stacks.candidate(tx, imageId).orElse(null);
      if (me == null) return new Placed(null, List.of());
      Long stackId = place(tx, me);
      return stackId == null ? new Placed(null, List.of(imageId)) : new Placed(stackId, retop(tx, stackId));
    });
    // after the commit: a listener that reads the photo sees its new stack
    placed.marked().forEach(id -> events.publish(new FrameEvent.ImageMarked(id)));
    return placed.stack();
  }

  /** A stack and the photos whose marks it changed. */
  private record Placed(Long stack, List<Long> marked) {}

  /** Joins the photo's neighbours' stacks (merged into one), or starts one with them; its stack, null in none. */
  private Long place(Tx tx, Candidate me) throws SQLException {
    List<Candidate> near = neighbours(tx, me).stream().filter(other -> other.id() != me.id() && belong(me, other)).toList();
    if (near.isEmpty()) return me.stack();
    TreeSet<Long> existing = new TreeSet<>();
    if (me.stack() != null) existing.add(me.stack());
    near.stream().map(Candidate::stack).filter(Objects::nonNull).forEach(existing::add);
    long target = existing.isEmpty() ? stacks.create(tx, kind(me, near), me.id()) : existing.first();
    for (long other : existing.tailSet(target, false)) stacks.merge(tx, other, target);
    List<Long> joining = new ArrayList<>(near.stream().map(Candidate::id).toList());
    joining.add(me.id());
    stacks.join(tx, target, joining);
    return target;
  }

  /** Sets the top to the sharpest member, unless the photographer chose one still in the stack; answers the members. */
  private List<Long> retop(Tx tx, long stackId) throws SQLException {
    List<Candidate> members = stacks.members(tx, stackId);
    Optional<StackRepository.Top> top = stacks.top(tx, stackId);
    boolean chosenStays = top.isPresent() && top.get().chosen()
        && members.stream().anyMatch(m -> m.id() == top.get().imageId());
    if (!members.isEmpty() && !chosenStays) {
      long sharpest = sharpestFirst(members).getFirst().id();
      boolean already = top.isPresent() && !top.get().chosen() && top.get().imageId() == sharpest;
      if (!already) stacks.setTop(tx, stackId, sharpest, false);
    }
    StackShown.update(tx, stackId);
    return members.stream().map(Candidate::id).toList();
  }

  /** The photographer's choice of top; kept until they choose again. */
  synchronized void choose(long stackId, long imageId) {
    List<Long> members = jdbc.inTransaction(tx -> {
      stacks.lockStacking(tx); // a node setting the top again at the same moment would undo the choice
      stacks.setTop(tx, stackId, imageId, true);
      StackShown.update(tx, stackId);
      return stacks.members(tx, stackId).stream().map(Candidate::id).toList();
    });
    members.forEach(id -> events.publish(new FrameEvent.ImageMarked(id)));
  }

  /** Sharpest first; unmeasured last; a JPEG before its RAW twin; then oldest first. */
  static List<Candidate> sharpestFirst(List<Candidate> members) {
    return members.stream().sorted(Comparator
        .comparing((Candidate c) -> c.sharpness() == null ? Double.NEGATIVE_INFINITY : c.sharpness()).reversed()
        .thenComparing(c -> c.format().isCameraRaw())
        .thenComparingLong(Candidate::id)).toList();
  }

  private List<Candidate> neighbours(Tx tx, Candidate me) throws SQLException {
    Optional<LocalDateTime> taken = TakenAt.parse(me.takenAt());
    if (taken.isEmpty()) return stacks.takenBetween(tx, null, null);
    return stacks.takenBetween(tx, taken.get().minus(BURST_GAP).format(SECONDS),
        taken.get().plus(BURST_GAP).format(SECONDS) + "~");
  }

  static boolean belong(Candidate a, Candidate b) {
    return pair(a, b) || burst(a, b);
  }

  /** A RAW and a JPEG (or HEIC...) of one shot: the same base name and capture time. */
  static boolean pair(Candidate a, Candidate b) {
    return a.takenAt() != null && a.takenAt().equals(b.takenAt())
        && a.format().isCameraRaw() != b.format().isCameraRaw()
        && baseName(a.name()).equals(baseName(b.name()));
  }

  static boolean burst(Candidate a, Candidate b) {
    if (a.hash() == null || b.hash() == null) return false;
    if (PerceptualHash.distance(a.hash(), b.hash()) > BURST_DISTANCE) return false;
    if (!Objects.equals(a.make(), b.make()) || !Objects.equals(a.model(), b.model())) return false;
    Optional<LocalDateTime> ta = TakenAt.parse(a.takenAt());
    Optional<LocalDateTime> tb = TakenAt.parse(b.takenAt());
    if (ta.isEmpty() || tb.isEmpty()) return ta.isEmpty() && tb.isEmpty();
    return Duration.between(ta.get(), tb.get()).abs().compareTo(BURST_GAP) <= 0;
  }

  static String baseName(String name) {
    if (name == null) return "";
    int dot = name.lastIndexOf('.');
    return (dot > 0 ? name.substring(0, dot) : name).toLowerCase(Locale.ROOT);
  }

  private static String kind(Candidate me, List<Candidate> near) {
    return near.stream().allMatch(other -> pair(me, other)) ? "PAIR" : "BURST";
  }

  /** Members with their ids, for tests and the port. */
  List<Long> memberIds(long stackId) {
    return new ArrayList<>(stacks.members(stackId).stream().map(Candidate::id).toList());
  }
}
