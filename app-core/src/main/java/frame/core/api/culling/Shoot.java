package frame.core.api.culling;

import java.time.Instant;

/**
 * One import: a card, a folder, a phone session, a LocalSend sender. {@code firstTaken} and
 * {@code lastTaken} are the capture times of its photos (null when none has one); the counts are
 * of the photos in the library now (the trash left out).
 */
public record Shoot(long id, String name, ShootSource source, Instant createdAt, String firstTaken, String lastTaken,
    int photos, int picks, int rejects) {}
