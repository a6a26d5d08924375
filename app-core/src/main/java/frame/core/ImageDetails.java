package frame.core;

import frame.core.image.ExifSummary;
import frame.core.image.Image;
import frame.core.job.Job;
import java.util.List;
import java.util.Optional;

/** Everything about one image: its row, its metadata (once read), its jobs and its files. */
public record ImageDetails(Image image, Optional<ExifSummary> exif, List<Job> jobs, ImageFiles files) {}
