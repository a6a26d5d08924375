package frame.server.dto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import frame.core.job.Job;
import frame.core.job.JobAttempt;
import java.time.Instant;
import java.util.List;

/** A job as the admin API shows it: payload parsed, lock, attempts vs max, last error. */
public record JobDto(
    long id, String type, Long imageId, JsonNode payload, String status, int attempts, int maxAttempts,
    Instant runAfter, String lockedBy, Instant lockedAt, Instant leaseUntil, long leaseToken, String lastError,
    Instant createdAt, Instant updatedAt, Instant completedAt, List<AttemptDto> history) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public record AttemptDto(int attempt, String worker, Instant started, Instant ended, String outcome, String error) {
    static AttemptDto of(JobAttempt a) {
      return new AttemptDto(a.attempt(), a.workerId(), a.started(), a.ended(), a.outcome().name(), a.error());
    }
  }

  public static JobDto of(Job job, List<JobAttempt> attempts) {
    return new JobDto(job.id(), job.type().name(), job.imageId(), parse(job.payload()), job.state().name(),
        job.attempts(), job.maxAttempts(), job.runAfter(), job.workerId(), job.lockedAt(), job.leaseUntil(),
        job.leaseToken(), job.lastError(), job.createdAt(), job.updatedAt(), job.completedAt(),
        attempts == null ? null : attempts.stream().map(AttemptDto::of).toList());
  }

  private static JsonNode parse(String payload) {
    try {
      return JSON.readTree(payload);
    } catch (Exception e) {
      return JSON.getNodeFactory().textNode(payload);
    }
  }
}
