package frame.core.api.catalogue;

import java.util.List;

/**
 * What a recover from an archive did: the target it read (now a target of the library), the
 * photos it put back this run, those already back from an earlier run, those left out because
 * their sidecar says they were removed (each now a tombstone), photos whose renditions could not
 * be made (they stay, FAILED, with their reason), and the archive's files it could not read.
 */
public record Recovered(String target, int recovered, int alreadyThere, int removed, long renditionsFailed,
    List<Unreadable> unreadable) {

  /** A file of the archive that did not come back, and why. */
  public record Unreadable(String key, String reason) {}

  public Recovered {
    unreadable = List.copyOf(unreadable);
  }

  /** Whether every file of the archive came back. */
  public boolean complete() {
    return unreadable.isEmpty();
  }
}
