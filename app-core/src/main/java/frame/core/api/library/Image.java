package frame.core.api.library;

import java.time.Instant;

/** One stored photo, as its database row holds it. */
public record Image(
    long id,
    String sha256,
    ImageState state,
    ImageFormat format,
    int width,
    int height,
    long byteSize,
    String originalName,
    String takenAt,
    String cameraMake,
    String cameraModel,
    String failureReason,
    Instant createdAt,
    Instant updatedAt) {}
