package frame.core.api.jobs;

import frame.core.api.library.Image;
import java.util.List;

/**
 * One job with every attempt it took and the image it works on ({@code image} null for a job of no
 * image; {@code imageInTrash} when that photo was removed and waits in the trash).
 */
public record JobDetails(Job job, List<JobAttempt> attempts, Image image, boolean imageInTrash) {}
