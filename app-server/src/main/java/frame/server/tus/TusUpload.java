package frame.server.tus;

import java.time.Instant;

/**
 * One resumable upload as its state file holds it: how long the file is, how many bytes are
 * durable ({@code offset}), what the client called it, who may continue it, and, once complete
 * and ingested, which photo it became ({@code imageId}, {@code imageStatus}: stored or duplicate).
 */
public record TusUpload(
    String id, long length, long offset, String filename, String type, long ownerTokenId, Instant expiresAt,
    Long imageId, String imageStatus) {

  public boolean complete() {
    return offset == length;
  }

  public boolean ingested() {
    return imageId != null;
  }

  public boolean expiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  TusUpload at(long newOffset, Instant newExpiry) {
    return new TusUpload(id, length, newOffset, filename, type, ownerTokenId, newExpiry, imageId, imageStatus);
  }

  TusUpload ingestedAs(long image, String status) {
    return new TusUpload(id, length, offset, filename, type, ownerTokenId, expiresAt, image, status);
  }
}
