package frame.core.job;

import frame.core.api.jobs.Job;
import frame.core.api.jobs.JobType;

import frame.core.db.Jdbc.Tx;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * PostgreSQL, shared by every node of a studio. A claim is one statement: lock a batch of due rows
 * no other claim holds (SKIP LOCKED: claimers never queue behind each other or lose a race), and
 * take them. Every lease time is the database's clock ({@code clock_timestamp()} in the statement),
 * never a node's: a node whose clock is wrong neither steals live leases nor keeps dead ones.
 */
final class SkipLockedLeases implements LeaseStrategy {
  /** The database's now, in the epoch milliseconds the schema keeps times in. */
  static final String DB_NOW = frame.core.db.Dialect.POSTGRESQL.nowMillis();

  private final JobRepository jobs;

  SkipLockedLeases(JobRepository jobs) {
    this.jobs = jobs;
  }

  /**
   * One statement for the whole batch: lock, take, and start each job's attempt. Every statement
   * is a round trip and a parse on both sides; a claim batch costs one, not one per job.
   */
  @Override
  public List<Job> claimDue(String workerId, Instant now, Duration lease, int limit, Set<JobType> paused) {
    String skip = paused.isEmpty() ? "" : "AND type NOT IN (" + String.join(",", Collections.nCopies(paused.size(), "?")) + ")";
    List<Object> params = new ArrayList<>();
    params.add(now.toEpochMilli());
    paused.stream().map(JobType::name).sorted().forEach(params::add);
    params.addAll(List.of(limit, workerId, lease.toMillis(), now.toEpochMilli(), workerId, now.toEpochMilli()));
    // one statement, so its own transaction: no separate COMMIT round trip a claim
    List<Job> claimed = jobs.jdbc().queryAlone("""
        WITH picked AS (
          SELECT id FROM job
          WHERE state = 'PENDING' AND run_after <= ? %2$s
          ORDER BY priority, run_after, id
          LIMIT ?
          FOR UPDATE SKIP LOCKED),
        claimed AS (
          UPDATE job SET state = 'RUNNING', worker_id = ?, locked_at = %1$s, lease_until = %1$s + ?,
                         lease_token = job.lease_token + 1, attempts = job.attempts + 1, updated_at = ?
          FROM picked WHERE job.id = picked.id
          RETURNING job.*),
        started AS (
          INSERT INTO job_attempt (job_id, attempt, worker_id, started_at, outcome)
          SELECT id, attempts + interruptions, ?, ?, 'RUNNING' FROM claimed)
        SELECT * FROM claimed
        """.formatted(DB_NOW, skip), JobRows::map, params.toArray());
    return claimed.stream().sorted(Comparator.comparing((Job job) -> job.priority().rank())
        .thenComparing(Job::runAfter).thenComparing(Job::id)).toList();
  }

  @Override
  public List<Job> claimCandidates(List<JobRepository.Candidate> candidates, String workerId, Instant now,
      Duration lease) {
    return jobs.jdbc().inTransaction(tx -> {
      List<Job> claimed = new java.util.ArrayList<>();
      for (JobRepository.Candidate candidate : candidates) {
        // the row lock makes a second claimer wait, re-read the row and match nothing
        claimed.addAll(tx.query("""
            UPDATE job SET state = 'RUNNING', worker_id = ?, locked_at = %1$s, lease_until = %1$s + ?,
                           lease_token = lease_token + 1, attempts = attempts + 1, updated_at = ?
            WHERE id = ? AND state = 'PENDING' AND lease_token = ?
            RETURNING *
            """.formatted(DB_NOW), JobRows::map, workerId, lease.toMillis(), now.toEpochMilli(), candidate.id(),
            candidate.leaseToken()));
      }
      jobs.recordAttemptsStarted(tx, claimed, workerId, now);
      return claimed;
    });
  }

  @Override
  public boolean heartbeat(long id, long leaseToken, Instant now, Duration lease) {
    return jobs.jdbc().update("""
        UPDATE job SET lease_until = %s + ? WHERE id = ? AND state = 'RUNNING' AND lease_token = ?
        """.formatted(DB_NOW), lease.toMillis(), id, leaseToken) == 1;
  }

  /** One statement for every lease this node holds, so a beat costs the same for 1 job or 50. */
  @Override
  public Set<Long> heartbeatAll(List<Job> held, Instant now, Duration lease) {
    if (held.isEmpty()) return Set.of();
    return new HashSet<>(jobs.jdbc().queryAlone("""
        UPDATE job SET lease_until = %s + ?
        FROM unnest(?::bigint[], ?::bigint[]) AS held(id, lease_token)
        WHERE job.id = held.id AND job.state = 'RUNNING' AND job.lease_token = held.lease_token
        RETURNING job.id
        """.formatted(DB_NOW), r -> r.getLong(1), lease.toMillis(), ids(held), tokens(held)));
  }

  /** One statement for a whole group commit's completions: the job rows and their attempts. */
  @Override
  public Set<Long> completeAll(Tx tx, List<Job> done, Instant now) throws SQLException {
    if (done.isEmpty()) return Set.of();
    long millis = now.toEpochMilli();
    long[] runs = done.stream().mapToLong(Job::run).toArray();
    return new HashSet<>(tx.query("""
        WITH finished AS (
          SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::bigint[]) AS f(id, lease_token, run)),
        done AS (
          UPDATE job SET state = 'COMPLETED', completed_at = ?, updated_at = ?, lease_until = NULL, last_error = NULL
          FROM finished
          WHERE job.id = finished.id AND job.state = 'RUNNING' AND job.lease_token = finished.lease_token
          RETURNING job.id, finished.run),
        ended AS (
          UPDATE job_attempt SET ended_at = ?, outcome = 'COMPLETED', error = NULL
          FROM done
          WHERE job_attempt.job_id = done.id AND job_attempt.attempt = done.run AND job_attempt.ended_at IS NULL)
        SELECT id FROM done
        """, r -> r.getLong(1), ids(done), tokens(done), runs, millis, millis, millis));
  }

  private static long[] ids(List<Job> jobs) {
    return jobs.stream().mapToLong(Job::id).toArray();
  }

  private static long[] tokens(List<Job> jobs) {
    return jobs.stream().mapToLong(Job::leaseToken).toArray();
  }

  /** The cutoff is the node's opinion of now and is ignored: only the database's clock counts. */
  @Override
  public List<Job> findExpired(Instant cutoff) {
    return jobs.jdbc().query("SELECT * FROM job WHERE state = 'RUNNING' AND lease_until < %s ORDER BY id"
        .formatted(DB_NOW), JobRows::map);
  }

  @Override
  public boolean reclaimExpired(Tx tx, Job job, boolean retry, String reason, Instant now, Instant cutoff)
      throws SQLException {
    long millis = now.toEpochMilli();
    int updated = tx.update("""
        UPDATE job SET state = ?, run_after = ?, last_error = ?, lease_until = NULL, updated_at = ?,
                       completed_at = ?, attempts = attempts - 1, interruptions = interruptions + 1
        WHERE id = ? AND state = 'RUNNING' AND lease_token = ? AND lease_until < %s
        """.formatted(DB_NOW), retry ? "PENDING" : "FAILED", millis, JobRepository.truncate(reason), millis,
        retry ? null : millis, job.id(), job.leaseToken());
    return updated == 1;
  }
}
