package frame.core.trash;

import frame.core.image.Image;
import java.time.Instant;

/** A removed photo, restorable until the trash is emptied. */
public record TrashedPhoto(Image image, Instant removedAt) {}
