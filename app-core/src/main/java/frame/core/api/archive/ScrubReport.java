package frame.core.api.archive;

import java.util.List;

/** What a scrub read and what it found bad, with what it did about each. */
public record ScrubReport(int photos, int copiesRead, List<Finding> bad) {
  /** One bad original or copy: where, and what was done ("mended from NAS", "could not mend: ..."). */
  public record Finding(long imageId, String photo, String place, String problem, String action) {}

  public boolean clean() {
    return bad.isEmpty();
  }
}
