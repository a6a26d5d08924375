package frame.core.culling;

import frame.core.api.Culling;
import frame.core.api.culling.ExportRequest;
import frame.core.api.culling.ExportResult;
import frame.core.api.culling.ImageMarks;
import frame.core.image.ImageRepository;
import frame.core.pipeline.OriginalFiles;
import frame.core.api.culling.LookAlike;
import frame.core.api.culling.MarkChange;
import frame.core.api.culling.Shoot;
import frame.core.api.culling.Tombstone;
import frame.core.db.Jdbc;
import frame.core.api.FrameException;
import frame.core.event.EventBus;
import frame.core.api.events.FrameEvent;
import frame.core.trash.Trash;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** The core's {@link Culling}: marks in one transaction each, then an event per photo changed. */
public final class CullingEngine implements Culling {
  private final Jdbc jdbc;
  private final MarksRepository marks;
  private final ShootRepository shoots;
  /** Across the library (other times, other cameras) only very close hashes count as the same picture. */
  static final int LOOK_ALIKE_DISTANCE = 6;

  private final Trash trash;
  private final StackRepository stacks;
  private final Stacker stacker;
  private final Exporter exporter;
  private final EventBus events;
  private final Clock clock;
  private final AnalysisSwitch analysis;
  private final MissingAnalysis missing;

  public CullingEngine(Jdbc jdbc, Trash trash, Stacker stacker, EventBus events, Clock clock,
      ImageRepository images, OriginalFiles originals, AnalysisSwitch analysis, MissingAnalysis missing) {
    this.analysis = analysis;
    this.missing = missing;
    this.exporter = new Exporter(images, originals, new MarksRepository(jdbc), new ShootRepository(jdbc));
    this.stacks = new StackRepository(jdbc);
    this.stacker = stacker;
    this.jdbc = jdbc;
    this.marks = new MarksRepository(jdbc);
    this.shoots = new ShootRepository(jdbc);
    this.trash = trash;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public ImageMarks mark(long imageId, MarkChange change) {
    return markAll(List.of(imageId), change).getFirst();
  }

  @Override
  public List<ImageMarks> markAll(Collection<Long> imageIds, MarkChange change) {
    List<Long> ids = List.copyOf(new LinkedHashSet<>(imageIds));
    Instant now = clock.instant();
    jdbc.inTransaction(tx -> {
      for (long id : ids) {
        // all or none: an unknown id rolls back the photos changed before it
        if (!marks.apply(tx, id, change, now)) throw FrameException.imageNotFound(id);
      }
      return null;
    });
    Map<Long, ImageMarks> changed = marks.find(ids);
    ids.forEach(id -> events.publish(new FrameEvent.ImageMarked(id)));
    return ids.stream().map(changed::get).toList();
  }

  @Override
  public Map<Long, ImageMarks> marks(Collection<Long> imageIds) {
    return marks.find(imageIds);
  }

  @Override
  public List<ImageMarks> stack(long stackId) {
    List<StackRepository.Candidate> members = Stacker.sharpestFirst(stacks.members(stackId));
    if (members.isEmpty()) throw new FrameException("stack_not_found", "No stack with id " + stackId, true);
    Map<Long, ImageMarks> found = marks.find(members.stream().map(StackRepository.Candidate::id).toList());
    return members.stream().map(m -> found.get(m.id())).toList();
  }

  @Override
  public ImageMarks chooseStackTop(long imageId) {
    ImageMarks current = marks.find(imageId).orElseThrow(() -> FrameException.imageNotFound(imageId));
    if (current.stack() == null) throw new FrameException("not_stacked", "Photo " + imageId + " is in no stack", true);
    stacker.choose(current.stack(), imageId);
    return marks.find(imageId).orElseThrow();
  }

  @Override
  public List<LookAlike> lookAlikes(long imageId) {
    StackRepository.Candidate me = stacks.candidate(imageId).orElseThrow(() -> FrameException.imageNotFound(imageId));
    if (me.hash() == null) return List.of();
    return stacks.hashed().stream()
        .filter(other -> other.id() != me.id() && (me.stack() == null || !me.stack().equals(other.stack())))
        .filter(other -> PerceptualHash.distance(me.hash(), other.hash()) <= LOOK_ALIKE_DISTANCE)
        .sorted(java.util.Comparator.comparingInt((StackRepository.Candidate o) -> PerceptualHash.distance(me.hash(), o.hash()))
            .thenComparingLong(StackRepository.Candidate::id))
        .map(o -> new LookAlike(o.id(), o.name(), o.takenAt(), PerceptualHash.distance(me.hash(), o.hash())))
        .toList();
  }

  @Override
  public ExportResult export(ExportRequest request) {
    return exporter.export(request);
  }

  @Override
  public List<Shoot> shoots() {
    return shoots.list();
  }

  @Override
  public Shoot renameShoot(long shootId, String name) {
    if (name == null || name.isBlank()) throw new IllegalArgumentException("A shoot needs a name");
    if (name.strip().length() > 255) throw new IllegalArgumentException("A shoot's name is at most 255 characters");
    if (!shoots.rename(shootId, name.strip())) throw FrameException.shootNotFound(shootId);
    return shoots.find(shootId).orElseThrow(() -> FrameException.shootNotFound(shootId));
  }

  @Override
  public List<Tombstone> tombstones() {
    return trash.tombstones();
  }

  @Override
  public int deleteRejects(Long shootId) {
    return trash.deleteForGood(marks.rejects(shootId));
  }

  @Override
  public boolean analysisOn() {
    return analysis.on();
  }

  @Override
  public int setAnalysis(boolean on) {
    analysis.set(on);
    return on ? missing.queue() : 0;
  }
}
