package frame.core.job;

import frame.core.api.jobs.Job;
import frame.core.api.jobs.JobType;

import frame.core.db.Jdbc.Tx;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * How one database claims due jobs and keeps their leases: the SQL that differs between the
 * embedded HSQLDB (optimistic claims, its own process's clock) and PostgreSQL (SKIP LOCKED claims,
 * leases in the database's clock, shared by every node). Both keep the same contract: a claim
 * counts the attempt, bumps the fencing token and records a RUNNING attempt.
 */
interface LeaseStrategy {
  /**
   * Claims up to {@code limit} due jobs for {@code workerId}, fresh work first (priority, then
   * due time), none of a {@code paused} type; those it won, in claim order.
   */
  List<Job> claimDue(String workerId, Instant now, Duration lease, int limit, Set<JobType> paused);

  /** Claims these candidates if each is still PENDING with the token seen; those it won. */
  List<Job> claimCandidates(List<JobRepository.Candidate> candidates, String workerId, Instant now, Duration lease);

  /** Renews a lease; false when it was lost. */
  boolean heartbeat(long id, long leaseToken, Instant now, Duration lease);

  /** Renews the leases of {@code held}; the ids of those still held (the others were lost or have ended). */
  Set<Long> heartbeatAll(List<Job> held, Instant now, Duration lease);

  /**
   * Marks the claimed jobs {@code done} COMPLETED and ends their attempts, each fenced by its lease
   * token; the ids of those written (a job missing from it had lost its lease: nothing written).
   */
  Set<Long> completeAll(Tx tx, List<Job> done, Instant now) throws SQLException;

  /** RUNNING jobs whose lease ended before {@code cutoff} (or, on a shared database, before its own now). */
  List<Job> findExpired(Instant cutoff);

  /**
   * Takes back one expired job if its lease is still expired, checked again in the update itself;
   * the run counts as an interruption, not an attempt.
   */
  boolean reclaimExpired(Tx tx, Job job, boolean retry, String reason, Instant now, Instant cutoff) throws SQLException;
}
