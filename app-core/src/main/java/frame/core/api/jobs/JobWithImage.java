package frame.core.api.jobs;

import frame.core.api.library.Image;

/**
 * A job and the image it works on, read together; {@code image} is null for a job of no image.
 * {@code imageInTrash}: the photo was removed (restorable), so it is not in the library now.
 */
public record JobWithImage(Job job, Image image, boolean imageInTrash) {}
