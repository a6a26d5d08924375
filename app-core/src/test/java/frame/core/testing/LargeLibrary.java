package frame.core.testing;

import frame.core.Frame;
import frame.core.FrameTestAccess;
import java.util.ArrayList;
import java.util.List;

/**
 * A library of many photos in seconds: image rows written straight into the database, as a big
 * import would leave them (processed, no files). For tests of how front ends cope with size, not
 * of the pipeline.
 */
public final class LargeLibrary {
  private LargeLibrary() {}

  /** Adds {@code count} processed photos named photo-00001.jpg ...; every 10th has no date taken. */
  public static void seed(Frame frame, int count) {
    long now = System.currentTimeMillis();
    FrameTestAccess.database(frame).jdbc().inTransaction(tx -> {
      for (int from = 0; from < count; from += 1000) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = from; i < Math.min(count, from + 1000); i++) {
          rows.add(new Object[] {"%064x".formatted(0xf000000L + i), "PROCESSED", "JPEG", 6000, 4000, 8_000_000L,
              "photo-%05d.jpg".formatted(i + 1), i % 10 == 0 ? null : "2024:05:%02d 10:%02d:%02d".formatted(1 + i % 28, i / 60 % 60, i % 60),
              "FRAME", "Seeder", now + i, now + i});
        }
        tx.updateEach("""
            INSERT INTO image (sha256, state, format, width, height, byte_size, original_name, taken_at,
                               camera_make, camera_model, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, rows);
      }
      return null;
    });
  }
}
