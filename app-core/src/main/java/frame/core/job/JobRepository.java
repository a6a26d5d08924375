package frame.core.job;

import frame.core.api.jobs.Job;
import frame.core.api.jobs.JobAttempt;
import frame.core.api.jobs.JobPriority;
import frame.core.api.jobs.JobQuery;
import frame.core.api.jobs.JobState;
import frame.core.api.jobs.JobType;
import frame.core.api.jobs.JobWithImage;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import frame.core.db.Jdbc;
import frame.core.db.Jdbc.Tx;
import frame.core.image.ImageRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one place that knows job SQL. Every state change after a claim is conditional on the
 * fencing token ({@code lease_token}): an update count of 0 means another worker owns the job now,
 * and the caller must write nothing.
 */
public final class JobRepository {
  private static final int MAX_ERROR_CHARS = 30_000;

  private final Jdbc jdbc;
  private final LeaseStrategy leases;

  public JobRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
    this.leases = switch (jdbc.dialect()) {
      case HSQLDB -> new OptimisticLeases(this);
      case POSTGRESQL -> new SkipLockedLeases(this);
    };
  }

  public Jdbc jdbc() {
    return jdbc;
  }

  public long enqueue(Tx tx, NewJob job, Instant now) throws SQLException {
    long millis = now.toEpochMilli();
    return tx.insert("""
        INSERT INTO job (type, image_id, payload, state, attempts, max_attempts, interruptions,
                         max_interruptions, priority, run_after, lease_token, created_at, updated_at)
        VALUES (?, ?, ?, 'PENDING', 0, ?, 0, ?, ?, ?, 0, ?, ?)
        """, job.type(), job.imageId(), job.payload(), job.maxAttempts(), NewJob.DEFAULT_MAX_INTERRUPTIONS,
        job.priority().rank(), millis, millis, millis);
  }

  /** Whether the image already has a job of this type (at most one each). */
  public boolean exists(Tx tx, long imageId, JobType type) throws SQLException {
    return tx.count("SELECT COUNT(*) FROM job WHERE image_id = ? AND type = ?", imageId, type) > 0;
  }

  /** A due job seen at a moment: its id and the token a claim must still find. */
  public record Candidate(long id, long leaseToken) {}

  public List<Candidate> findDue(Instant now, int limit) {
    return findDueExcept(now, limit, Set.of());
  }

  /**
   * Due jobs, fresh work first (see {@link JobPriority}), leaving out the paused types. Leaves out
   * everything when the whole queue is paused is the caller's business (nothing to ask then).
   */
  public List<Candidate> findDueExcept(Instant now, int limit, Set<JobType> paused) {
    // "state" leads the ORDER BY so that HSQLDB walks job_due_idx and stops at the limit
    String skip = paused.isEmpty() ? "" : " AND type NOT IN (" + String.join(",", Collections.nCopies(paused.size(), "?")) + ")";
    List<Object> params = new ArrayList<>();
    params.add(now.toEpochMilli());
    paused.stream().map(JobType::name).sorted().forEach(params::add);
    params.add(limit);
    return jdbc.query("""
        SELECT id, lease_token FROM job
        WHERE state = 'PENDING' AND run_after <= ?""" + skip + """

        ORDER BY state, priority, run_after, id LIMIT ?
        """, r -> new Candidate(r.getLong(1), r.getLong(2)), params.toArray());
  }

  /**
   * Claims a candidate: counts the attempt, takes a lease and bumps the fencing token, all in one
   * conditional update. Empty when another worker claimed it first.
   */
  public Optional<Job> claim(Candidate candidate, String workerId, Instant now, Duration lease) {
    List<Job> claimed = leases.claimCandidates(List.of(candidate), workerId, now, lease);
    return claimed.isEmpty() ? Optional.empty() : Optional.of(claimed.get(0));
  }

  /**
   * Claims several candidates in one transaction (one disk sync for the batch); returns those this
   * worker won. Candidates come in (run_after, id) order, so two runners lock rows in the same
   * order and never deadlock.
   */
  public List<Job> claimAll(List<Candidate> candidates, String workerId, Instant now, Duration lease) {
    return jdbc.inTransaction(tx -> {
      long millis = now.toEpochMilli();
      List<Object[]> claims = new ArrayList<>();
      for (Candidate candidate : candidates) {
        claims.add(new Object[] {workerId, millis, millis + lease.toMillis(), millis, candidate.id(), candidate.leaseToken()});
      }
      // one statement for the whole batch: a claim is a few microseconds, a statement far more
      int[] updated = tx.updateEach("""
          UPDATE job SET state = 'RUNNING', worker_id = ?, locked_at = ?, lease_until = ?,
                         lease_token = lease_token + 1, attempts = attempts + 1, updated_at = ?
          WHERE id = ? AND state = 'PENDING' AND lease_token = ?
          """, claims);
      List<Long> won = new ArrayList<>();
      for (int i = 0; i < updated.length; i++) {
        if (updated[i] > 1) throw new SQLException("claim matched " + updated[i] + " rows for job " + candidates.get(i).id());
        if (updated[i] == 1) won.add(candidates.get(i).id());
      }
      if (won.isEmpty()) return List.of();
      String marks = String.join(",", Collections.nCopies(won.size(), "?"));
      List<Job> claimed = tx.query("SELECT * FROM job WHERE id IN (" + marks + ") ORDER BY id", JobRows::map,
          won.toArray());
      recordAttemptsStarted(tx, claimed, workerId, now);
      return claimed;
    });
  }

  /**
   * Claims up to {@code limit} due jobs the way this database does it best (see
   * {@link LeaseStrategy}); the jobs this worker won.
   */
  public List<Job> claimDue(String workerId, Instant now, Duration lease, int limit) {
    return claimDue(workerId, now, lease, limit, Set.of());
  }

  /** The same, leaving the paused job types where they are. */
  public List<Job> claimDue(String workerId, Instant now, Duration lease, int limit, Set<JobType> paused) {
    return leases.claimDue(workerId, now, lease, limit, paused);
  }

  void recordAttemptsStarted(Tx tx, List<Job> claimed, String workerId, Instant now) throws SQLException {
    tx.updateEach("""
        INSERT INTO job_attempt (job_id, attempt, worker_id, started_at, outcome)
        VALUES (?, ?, ?, ?, 'RUNNING')
        """, claimed.stream().map(job -> new Object[] {job.id(), job.run(), workerId, now.toEpochMilli()}).toList());
  }

  /** Renews a lease (in the database's clock where it is shared); false when it was lost. */
  public boolean heartbeat(long id, long leaseToken, Instant now, Duration lease) {
    return leases.heartbeat(id, leaseToken, now, lease);
  }

  /** Renews the leases of {@code held} at once; the ids still held. */
  public Set<Long> heartbeatAll(List<Job> held, Instant now, Duration lease) {
    return leases.heartbeatAll(held, now, lease);
  }

  /** Marks claimed jobs COMPLETED at once; the ids written (the others had lost their lease). */
  public Set<Long> completeAll(Tx tx, List<Job> done, Instant now) throws SQLException {
    return leases.completeAll(tx, done, now);
  }

  /** Marks a claimed job COMPLETED; false when the lease was lost (nothing written). */
  public boolean complete(Tx tx, Job job, Instant now) throws SQLException {
    long millis = now.toEpochMilli();
    int updated = tx.update("""
        UPDATE job SET state = 'COMPLETED', completed_at = ?, updated_at = ?, lease_until = NULL,
                       last_error = NULL
        WHERE id = ? AND state = 'RUNNING' AND lease_token = ?
        """, millis, millis, job.id(), job.leaseToken());
    if (updated == 1) endAttempt(tx, job, JobAttempt.Outcome.COMPLETED, null, now);
    return updated == 1;
  }

  /** Puts a claimed job back to PENDING after {@code runAfter}; false when the lease was lost. */
  public boolean retryLater(Tx tx, Job job, String error, Instant runAfter, Instant now, JobAttempt.Outcome outcome)
      throws SQLException {
    int updated = tx.update("""
        UPDATE job SET state = 'PENDING', run_after = ?, last_error = ?, lease_until = NULL, updated_at = ?
        WHERE id = ? AND state = 'RUNNING' AND lease_token = ?
        """, runAfter.toEpochMilli(), truncate(error), now.toEpochMilli(), job.id(), job.leaseToken());
    if (updated == 1) endAttempt(tx, job, outcome, error, now);
    return updated == 1;
  }

  /**
   * Puts a claimed job back to PENDING after {@code runAfter} and gives its attempt back: it waited
   * on something outside itself ({@link JobPostponed}); false when the lease was lost.
   */
  public boolean postpone(Tx tx, Job job, String reason, Instant runAfter, Instant now) throws SQLException {
    int updated = tx.update("""
        UPDATE job SET state = 'PENDING', attempts = attempts - 1, run_after = ?, last_error = ?, lease_until = NULL,
                       updated_at = ?
        WHERE id = ? AND state = 'RUNNING' AND lease_token = ?
        """, runAfter.toEpochMilli(), truncate(reason), now.toEpochMilli(), job.id(), job.leaseToken());
    if (updated == 1) endAttempt(tx, job, JobAttempt.Outcome.WAITING, reason, now);
    return updated == 1;
  }

  /** Marks a claimed job FAILED for good; false when the lease was lost. */
  public boolean fail(Tx tx, Job job, String error, Instant now, JobAttempt.Outcome outcome) throws SQLException {
    long millis = now.toEpochMilli();
    int updated = tx.update("""
        UPDATE job SET state = 'FAILED', last_error = ?, lease_until = NULL, updated_at = ?, completed_at = ?
        WHERE id = ? AND state = 'RUNNING' AND lease_token = ?
        """, truncate(error), millis, millis, job.id(), job.leaseToken());
    if (updated == 1) endAttempt(tx, job, outcome, error, now);
    return updated == 1;
  }

  /** Hands a job back untouched at shutdown: the attempt is not counted against it. */
  public boolean release(Job job, Instant now) {
    return jdbc.inTransaction(tx -> {
      int updated = tx.update("""
          UPDATE job SET state = 'PENDING', attempts = attempts - 1, lease_until = NULL, updated_at = ?
          WHERE id = ? AND state = 'RUNNING' AND lease_token = ?
          """, now.toEpochMilli(), job.id(), job.leaseToken());
      if (updated == 1) endAttempt(tx, job, JobAttempt.Outcome.RELEASED, "released at shutdown", now);
      return updated == 1;
    });
  }

  /**
   * Takes back a job whose lease ended before {@code cutoff}, if it still has: the lease is
   * checked again in the update itself, so a heartbeat that renewed it a moment ago wins. The run
   * was interrupted, not failed: it moves from the failure count (where the claim put it) to the
   * interruption count.
   */
  public boolean reclaimExpired(Tx tx, Job job, boolean retry, String reason, Instant now, Instant cutoff)
      throws SQLException {
    boolean taken = leases.reclaimExpired(tx, job, retry, reason, now, cutoff);
    if (taken) endAttempt(tx, job, JobAttempt.Outcome.INTERRUPTED, reason, now);
    return taken;
  }

  /** RUNNING jobs whose lease ran out: their worker crashed, hung or lost the database. */
  public List<Job> findExpired(Instant now) {
    return leases.findExpired(now);
  }

  private void endAttempt(Tx tx, Job job, JobAttempt.Outcome outcome, String error, Instant now) throws SQLException {
    tx.update("""
        UPDATE job_attempt SET ended_at = ?, outcome = ?, error = ?
        WHERE job_id = ? AND attempt = ? AND ended_at IS NULL
        """, now.toEpochMilli(), outcome, truncate(error), job.id(), job.run());
  }

  public Optional<Job> find(long id) {
    return jdbc.queryOne("SELECT * FROM job WHERE id = ?", JobRows::map, id);
  }

  public Optional<Job> find(Tx tx, long id) throws SQLException {
    return tx.queryOne("SELECT * FROM job WHERE id = ?", JobRows::map, id);
  }

  public List<Job> list(JobQuery query) {
    JobFilter filter = JobFilter.of(query);
    List<Object> params = new ArrayList<>(filter.params());
    params.add(query.limit());
    params.add(query.offset());
    return jdbc.query("SELECT * FROM job" + filter.where() + " ORDER BY id DESC LIMIT ? OFFSET ?",
        JobRows::map, params.toArray());
  }

  /**
   * A page of jobs, each with its image, in one statement: the admin list shows which photo every
   * job is about, and a page of a thousand must not cost a thousand more queries. A photo in the
   * trash is still listed (its jobs are still there), marked as in the trash.
   */
  public List<JobWithImage> listWithImages(JobQuery query) {
    JobFilter filter = JobFilter.of(query, "j.");
    List<Object> params = new ArrayList<>(filter.params());
    params.add(query.limit());
    params.add(query.offset());
    return jdbc.query("""
        SELECT j.*, %s
        FROM job j LEFT JOIN image i ON i.id = j.image_id%s
        ORDER BY j.id DESC LIMIT ? OFFSET ?
        """.formatted(ImageRepository.JOINED_COLUMNS, filter.where()),
        r -> new JobWithImage(JobRows.map(r), ImageRepository.mapJoined(r), ImageRepository.removedJoined(r)),
        params.toArray());
  }

  public long count(JobQuery query) {
    JobFilter filter = JobFilter.of(query);
    return jdbc.queryOne("SELECT COUNT(*) FROM job" + filter.where(), r -> r.getLong(1), filter.params().toArray())
        .orElse(0L);
  }

  public Map<JobState, Long> countByState() {
    Map<JobState, Long> counts = new EnumMap<>(JobState.class);
    for (JobState state : JobState.values()) counts.put(state, 0L);
    jdbc.query("SELECT state, COUNT(*) FROM job GROUP BY state",
            r -> Map.entry(JobState.valueOf(r.getString(1)), r.getLong(2)))
        .forEach(e -> counts.put(e.getKey(), e.getValue()));
    return counts;
  }

  /** Jobs per type and state, for the queue overview; types and states without jobs are left out. */
  public Map<JobType, Map<JobState, Long>> countByTypeAndState() {
    Map<JobType, Map<JobState, Long>> counts = new EnumMap<>(JobType.class);
    jdbc.query("SELECT type, state, COUNT(*) FROM job GROUP BY type, state", r -> {
      counts.computeIfAbsent(JobType.valueOf(r.getString(1)), t -> new EnumMap<>(JobState.class))
          .put(JobState.valueOf(r.getString(2)), r.getLong(3));
      return null;
    });
    return counts;
  }

  /**
   * Jobs per type in only the given states (types without any left out). Each state is read through
   * the state index: a library's jobs are mostly completed ones, which this does not read, where
   * grouping every job reads the whole table (60 000 rows on 10 000 photos).
   */
  public Map<JobType, Map<JobState, Long>> countByTypeIn(Set<JobState> states) {
    Map<JobType, Map<JobState, Long>> counts = new EnumMap<>(JobType.class);
    jdbc.inTransaction(tx -> {
      for (JobState state : states) {
        tx.query("SELECT type, COUNT(*) FROM job WHERE state = ? GROUP BY type", r -> {
          counts.computeIfAbsent(JobType.valueOf(r.getString(1)), t -> new EnumMap<>(JobState.class))
              .put(state, r.getLong(2));
          return null;
        }, state.name());
      }
      return null;
    });
    return counts;
  }

  /** Ids of the jobs in {@code state}, of {@code type} when it is not null, oldest first. */
  public List<Long> idsIn(JobState state, JobType type) {
    return type == null
        ? jdbc.query("SELECT id FROM job WHERE state = ? ORDER BY id", r -> r.getLong(1), state.name())
        : jdbc.query("SELECT id FROM job WHERE state = ? AND type = ? ORDER BY id", r -> r.getLong(1), state.name(),
            type.name());
  }

  public Map<Long, List<Job>> activeForImages(Collection<Long> imageIds) {
    Map<Long, List<Job>> active = new HashMap<>();
    if (imageIds.isEmpty()) return active;
    String marks = String.join(",", Collections.nCopies(imageIds.size(), "?"));
    jdbc.query("SELECT * FROM job WHERE state IN ('PENDING', 'RUNNING') AND image_id IN (" + marks + ") ORDER BY id",
            JobRows::map, imageIds.toArray())
        .forEach(job -> active.computeIfAbsent(job.imageId(), k -> new ArrayList<>()).add(job));
    return active;
  }

  public List<Job> forImage(Tx tx, long imageId) throws SQLException {
    return tx.query("SELECT * FROM job WHERE image_id = ? ORDER BY id", JobRows::map, imageId);
  }

  public List<JobAttempt> attempts(long jobId) {
    return jdbc.query("SELECT * FROM job_attempt WHERE job_id = ? ORDER BY attempt, id", r -> new JobAttempt(
        r.getInt("attempt"), r.getString("worker_id"), Instant.ofEpochMilli(r.getLong("started_at")),
        JobRows.instant(r, "ended_at"), JobAttempt.Outcome.parse(r.getString("outcome")), r.getString("error")), jobId);
  }

  static String truncate(String text) {
    return text == null || text.length() <= MAX_ERROR_CHARS ? text : text.substring(0, MAX_ERROR_CHARS);
  }
}
