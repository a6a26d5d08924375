package frame.core.job;

import frame.core.image.Image;

/** A job and the image it works on, read together; {@code image} is null for a job of no image. */
public record JobWithImage(Job job, Image image) {}
