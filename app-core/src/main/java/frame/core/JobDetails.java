package frame.core;

import frame.core.job.Job;
import frame.core.job.JobAttempt;
import java.util.List;

/** One job with every attempt it took. */
public record JobDetails(Job job, List<JobAttempt> attempts) {}
