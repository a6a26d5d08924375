package frame.core.culling;

import frame.core.culling.StackRepository.Candidate;
import frame.core.db.Jdbc;
import frame.core.event.EventBus;
import frame.core.image.StackShown;
import frame.core.api.events.FrameEvent;
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

  /** The stack the photo joined (its top set again), or null when it has no neighbours to stack with. */
  // one placement at a time in this process: two frames of a burst hashed at once would each start a stack
  synchronized Long place(long imageId) {
    Candidate me = stacks.candidate(imageId).orElse(null);
    if (me == null) return null;
    List<Candidate> near = neighbours(me).stream().filter(other -> other.id() != me.id() && belong(me, other)).toList();
    if (near.isEmpty()) return null;
    TreeSet<Long> existing = new TreeSet<>();
    if (me.stack() != null) existing.add(me.stack());
    near.stream().map(Candidate::stack).filter(Objects::nonNull).forEach(existing::add);
    long stackId = jdbc.inTransaction(tx -> {
      long target = existing.isEmpty() ? stacks.create(tx, kind(me, near), me.id()) : existing.first();
      for (long other : existing.tailSet(target, false)) stacks.merge(tx, other, target);
      stacks.join(tx, target, me.id());
      for (Candidate other : near) stacks.join(tx, target, other.id());
      StackShown.update(tx, target);
      return target;
    });
    retop(stackId);
    return stackId;
  }

  /** Sets the top to the sharpest member, unless the photographer chose one still in the stack. */
  synchronized void retop(long stackId) {
    List<Candidate> members = stacks.members(stackId);
    if (members.isEmpty()) return;
    Optional<StackRepository.Top> top = stacks.top(stackId);
    boolean chosenStays = top.isPresent() && top.get().chosen()
        && members.stream().anyMatch(m -> m.id() == top.get().imageId());
    if (!chosenStays) stacks.setTop(stackId, sharpestFirst(members).getFirst().id(), false);
    members.forEach(m -> events.publish(new FrameEvent.ImageMarked(m.id())));
  }

  /** The photographer's choice of top; kept until they choose again. */
  synchronized void choose(long stackId, long imageId) {
    stacks.setTop(stackId, imageId, true);
    stacks.members(stackId).forEach(m -> events.publish(new FrameEvent.ImageMarked(m.id())));
  }

  /** Sharpest first; unmeasured last; a JPEG before its RAW twin; then oldest first. */
  static List<Candidate> sharpestFirst(List<Candidate> members) {
    return members.stream().sorted(Comparator
        .comparing((Candidate c) -> c.sharpness() == null ? Double.NEGATIVE_INFINITY : c.sharpness()).reversed()
        .thenComparing(c -> c.format().isCameraRaw())
        .thenComparingLong(Candidate::id)).toList();
  }

  private List<Candidate> neighbours(Candidate me) {
    Optional<LocalDateTime> taken = TakenAt.parse(me.takenAt());
    if (taken.isEmpty()) return stacks.takenBetween(null, null);
    return stacks.takenBetween(taken.get().minus(BURST_GAP).format(SECONDS),
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
