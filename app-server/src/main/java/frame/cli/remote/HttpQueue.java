package frame.cli.remote;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frame.core.api.Queue;
import frame.core.api.jobs.JobState;
import frame.core.api.jobs.JobType;
import frame.core.api.jobs.QueueOverview;
import frame.core.api.jobs.QueueState;
import frame.server.dto.QueueDto;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** {@link Queue} over {@code /api/admin/queue}. */
final class HttpQueue implements Queue {
  private final LoopbackClient api;

  HttpQueue(LoopbackClient api) {
    this.api = api;
  }

  @Override
  public QueueOverview overview() {
    return overviewOf(api.get("/api/admin/queue", new TypeReference<QueueDto>() {}));
  }

  @Override
  public QueueState pause(JobType type) {
    return overviewOf(api.post("/api/admin/queue/pause", typeBody(type), QueueDto.class)).state();
  }

  @Override
  public QueueState resume(JobType type) {
    return overviewOf(api.post("/api/admin/queue/resume", typeBody(type), QueueDto.class)).state();
  }

  static ObjectNode typeBody(JobType type) {
    ObjectNode body = LoopbackClient.JSON.createObjectNode();
    if (type != null) body.put("type", type.name());
    return body;
  }

  private static QueueOverview overviewOf(QueueDto dto) {
    Set<JobType> paused = EnumSet.noneOf(JobType.class);
    dto.pausedTypes().forEach(t -> paused.add(JobType.valueOf(t)));
    Map<JobType, Map<JobState, Long>> counts = new EnumMap<>(JobType.class);
    dto.byType().forEach((type, states) -> {
      Map<JobState, Long> ofType = new EnumMap<>(JobState.class);
      states.forEach((state, n) -> ofType.put(JobState.valueOf(state), n));
      counts.put(JobType.valueOf(type), ofType);
    });
    return new QueueOverview(new QueueState(dto.paused(), paused), counts);
  }
}
