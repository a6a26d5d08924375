package frame.core.job;

import frame.core.api.jobs.Job;
import frame.core.api.jobs.JobAttempt;
import frame.core.api.jobs.JobState;
import frame.core.api.jobs.JobType;

import frame.core.api.FrameException;
import frame.core.event.EventBus;
import frame.core.api.events.FrameEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one claimed job through its handler and records how it ended, fenced by its lease token. */
final class ExecutePicked {
  private static final Logger log = LoggerFactory.getLogger(ExecutePicked.class);

  private final JobRepository jobs;
  private final Map<JobType, JobHandler> handlers;
  private final JobLifecycle lifecycle;
  private final EventBus events;
  private final Clock clock;
  private final RetryPolicy retry;
  private final GroupCommit commits;

  ExecutePicked(JobRepository jobs, Map<JobType, JobHandler> handlers, JobLifecycle lifecycle, EventBus events,
      Clock clock, RetryPolicy retry, GroupCommit commits) {
    this.jobs = jobs;
    this.commits = commits;
    this.handlers = handlers;
    this.lifecycle = lifecycle;
    this.events = events;
    this.clock = clock;
    this.retry = retry;
  }

  /**
   * Runs the handler on this thread, then queues its result for the next group commit. The future
   * says, once committed, whether the result was written (false: the lease had been lost).
   */
  CompletableFuture<Boolean> run(Job job, JobContext context) {
    JobOutcome outcome;
    try {
      JobHandler handler = handlers.get(job.type());
      if (handler == null) throw new FrameException("no_handler", "No handler for " + job.type(), true);
      outcome = handler.handle(job, context);
    } catch (Throwable failure) {
      if (failure instanceof VirtualMachineError fatal && !(fatal instanceof OutOfMemoryError)) throw fatal;
      if (failure instanceof JobPostponed postponed) return recordWait(job, postponed);
      return recordFailure(job, failure);
    }
    return recordSuccess(job, outcome);
  }

  private CompletableFuture<Boolean> recordSuccess(Job job, JobOutcome outcome) {
    List<FrameEvent> published = new ArrayList<>();
    // the job's row is written with the rest of the batch's completions, in one statement
    return commits.submitCompletion(job, (tx, completed) -> {
      Instant now = clock.instant();
      published.clear(); // a batch retried alone runs this again
      if (!completed) return false;
      published.add(new FrameEvent.JobChanged(job.id(), job.imageId(), job.type(), JobState.COMPLETED));
      for (JobType next : outcome.followUps()) {
        // a regeneration re-runs a step whose follow-ups are already there (and requeued with it)
        if (job.imageId() != null && jobs.exists(tx, job.imageId(), next)) continue;
        NewJob followUp = job.imageId() == null
            ? new NewJob(next, null, job.payload(), NewJob.DEFAULT_MAX_ATTEMPTS, job.priority())
            // a regeneration's steps stay behind fresh work; analysis goes behind everything
            : NewJob.forImage(next, job.imageId(), next.isAnalysis() ? frame.core.api.jobs.JobPriority.BACKGROUND : job.priority());
        long id = jobs.enqueue(tx, followUp, now);
        published.add(new FrameEvent.JobChanged(id, job.imageId(), next, JobState.PENDING));
      }
      lifecycle.completed(tx, job, now, published);
      return true;
    }).thenApply(written -> afterCommit(job, written, published));
  }

  private CompletableFuture<Boolean> recordWait(Job job, JobPostponed postponed) {
    List<FrameEvent> published = new ArrayList<>();
    return commits.submit(tx -> {
      Instant now = clock.instant();
      published.clear();
      if (!jobs.postpone(tx, job, postponed.getMessage(), now.plus(postponed.waitFor()), now)) return false;
      published.add(new FrameEvent.JobChanged(job.id(), job.imageId(), job.type(), JobState.PENDING));
      return true;
    }).thenApply(written -> {
      if (written) log.debug("Job {} ({}) waits {}: {}", job.id(), job.type(), postponed.waitFor(), postponed.getMessage());
      return afterCommit(job, written, published);
    });
  }

  private CompletableFuture<Boolean> recordFailure(Job job, Throwable failure) {
    boolean permanent = failure instanceof FrameException fe && fe.permanent();
    String reason = reasonOf(failure);
    String detail = reason + "\n" + stackTrace(failure);
    List<FrameEvent> published = new ArrayList<>();
    return commits.submit(tx -> {
      Instant now = clock.instant();
      if (published.size() > 0) published.clear(); // a batch retried alone runs this again
      if (permanent || !job.attemptsLeft()) {
        if (!jobs.fail(tx, job, detail, now, JobAttempt.Outcome.FAILED)) return false;
        published.add(new FrameEvent.JobChanged(job.id(), job.imageId(), job.type(), JobState.FAILED));
        lifecycle.failed(tx, job, reason, now, published);
      } else {
        Instant runAfter = now.plus(retry.delayAfter(job.attempts()));
        if (!jobs.retryLater(tx, job, detail, runAfter, now, JobAttempt.Outcome.RETRY)) return false;
        published.add(new FrameEvent.JobChanged(job.id(), job.imageId(), job.type(), JobState.PENDING));
      }
      return true;
    }).thenApply(written -> {
      if (written) {
        log.info("Job {} ({}) attempt {}/{} failed{}: {}", job.id(), job.type(), job.attempts(), job.maxAttempts(),
            permanent ? " permanently" : "", reason);
      }
      return afterCommit(job, written, published);
    });
  }

  private boolean afterCommit(Job job, boolean written, List<FrameEvent> published) {
    if (written) {
      published.forEach(events::publish);
    } else {
      log.warn("Job {} lost its lease while running; another worker owns it, so this result is dropped", job.id());
    }
    return written;
  }

  static String reasonOf(Throwable failure) {
    if (failure instanceof FrameException) return failure.getMessage();
    String message = failure.getMessage();
    return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private static String stackTrace(Throwable failure) {
    StringWriter text = new StringWriter();
    failure.printStackTrace(new PrintWriter(text));
    return text.toString();
  }
}
