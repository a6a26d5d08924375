package frame.core.archive;

import frame.core.api.library.Image;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One archive target's storage. Every method that talks to the target throws {@link TargetFault}
 * when the target itself is the trouble (unreachable, refused, missing, full), so the caller can
 * tell it from trouble with the photo.
 */
interface Target extends AutoCloseable {
  /** Writes the original and its sidecar; returns the key it is under. A rerun reuses the same key. */
  String put(Image image, Path original, byte[] sidecar) throws IOException;

  /** Reads a copy back from the target's own storage, never a cache of this process or system. */
  InputStream read(String key) throws IOException;

  /** Keys of every original the target holds (its sidecars and anything else FRAME did not put there left out). */
  List<String> originalKeys() throws IOException;

  /** The sidecar beside the original under {@code key}; empty when there is none. */
  Optional<byte[]> sidecar(String key) throws IOException;

  /** Replaces the sidecar beside the original under {@code key} (its photo's marks changed). */
  void writeSidecar(String key, byte[] sidecar) throws IOException;

  /** Replaces the bytes under {@code key} (a scrub mending a bad copy). */
  void overwrite(String key, Path original) throws IOException;

  /** How {@link #read} proves the bytes: recorded with each copy. */
  String verifiedHow();

  /** Where the daily catalogue backups go on every target: {@code frame-catalogue/<backup>/<file>}. */
  String CATALOGUE = "frame-catalogue/";

  /** Writes one file of a catalogue backup under {@link #CATALOGUE}; returns the key {@link #read} takes. */
  String putCatalogueFile(String backup, String file, Path source) throws IOException;

  /** The catalogue backups on the target, whole (their manifest is there) or not, in name (= time) order. */
  List<StoredBackup> catalogueBackups();

  /** Removes one catalogue backup, every file of it. */
  void deleteCatalogueBackup(String backup) throws IOException;

  /** A catalogue backup on a target; {@code whole} once its manifest, written last, is there. */
  record StoredBackup(String name, boolean whole) {}

  /** Whether the target can be written now; throws {@link TargetFault} saying why not. */
  void check();

  @Override
  void close();
}
