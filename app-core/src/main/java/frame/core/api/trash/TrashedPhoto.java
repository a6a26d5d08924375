package frame.core.api.trash;

import frame.core.api.library.Image;
import java.time.Instant;

/** A removed photo, restorable until the trash is emptied. */
public record TrashedPhoto(Image image, Instant removedAt) {}
