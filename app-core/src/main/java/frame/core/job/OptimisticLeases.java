package frame.core.job;

import frame.core.api.jobs.Job;
import frame.core.api.jobs.JobType;

import frame.core.db.Jdbc.Tx;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * HSQLDB has no SKIP LOCKED: read due candidates, then claim each with a conditional update whose
 * update count says who won. The embedded database lives in this process, so its clock is this
 * JVM's: leases use the runner's clock (which lets tests move time by hand).
 */
final class OptimisticLeases implements LeaseStrategy {
  private final JobRepository jobs;

  OptimisticLeases(JobRepository jobs) {
    this.jobs = jobs;
  }

  @Override
  public List<Job> claimDue(String workerId, Instant now, Duration lease, int limit, Set<JobType> paused) {
    List<JobRepository.Candidate> due = jobs.findDueExcept(now, limit, paused);
    return due.isEmpty() ? List.of() : jobs.claimAll(due, workerId, now, lease);
  }

  @Override
  public List<Job> claimCandidates(List<JobRepository.Candidate> candidates, String workerId, Instant now,
      Duration lease) {
    return jobs.claimAll(candidates, workerId, now, lease);
  }

  @Override
  public boolean heartbeat(long id, long leaseToken, Instant now, Duration lease) {
    return jobs.jdbc().update("""
        UPDATE job SET lease_until = ? WHERE id = ? AND state = 'RUNNING' AND lease_token = ?
        """, now.plus(lease).toEpochMilli(), id, leaseToken) == 1;
  }

  /** In-process statements cost no round trip: one each keeps the SQL the same as for one job. */
  @Override
  public Set<Long> heartbeatAll(List<Job> held, Instant now, Duration lease) {
    Set<Long> renewed = new HashSet<>();
    for (Job job : held) {
      if (heartbeat(job.id(), job.leaseToken(), now, lease)) renewed.add(job.id());
    }
    return renewed;
  }

  @Override
  public Set<Long> completeAll(Tx tx, List<Job> done, Instant now) throws SQLException {
    Set<Long> written = new HashSet<>();
    for (Job job : done) {
      if (jobs.complete(tx, job, now)) written.add(job.id());
    }
    return written;
  }

  @Override
  public List<Job> findExpired(Instant cutoff) {
    return jobs.jdbc().query("SELECT * FROM job WHERE state = 'RUNNING' AND lease_until < ? ORDER BY id",
        JobRows::map, cutoff.toEpochMilli());
  }

  @Override
  public boolean reclaimExpired(Tx tx, Job job, boolean retry, String reason, Instant now, Instant cutoff)
      throws SQLException {
    long millis = now.toEpochMilli();
    int updated = tx.update("""
        UPDATE job SET state = ?, run_after = ?, last_error = ?, lease_until = NULL, updated_at = ?,
                       completed_at = ?, attempts = attempts - 1, interruptions = interruptions + 1
        WHERE id = ? AND state = 'RUNNING' AND lease_token = ? AND lease_until < ?
        """, retry ? "PENDING" : "FAILED", millis, JobRepository.truncate(reason), millis, retry ? null : millis,
        job.id(), job.leaseToken(), cutoff.toEpochMilli());
    return updated == 1;
  }
}
