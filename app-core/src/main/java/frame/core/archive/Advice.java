package frame.core.archive;

/**
 * What the archive summary tells a person to do, one line per kind of photo short of places:
 * copies on their way, copies that failed, photos only on the archive, photos with no good copy
 * anywhere, and photos not archived because their processing failed.
 */
final class Advice {
  private Advice() {}

  /** Null when every photo is in more than one place. */
  static String of(boolean anyTarget, ArchiveRepository.PlaceCounts counts) {
    StringBuilder lines = new StringBuilder();
    if (!anyTarget && counts.localOnly() > 0) {
      line(lines, photos(counts.localOnly(), "exists", "exist") + " in one place only. Add an archive target (an external"
          + " disk or a NAS): frame archive add NAME --folder DIR, or frame archive add NAME --s3 URL --bucket BUCKET");
    }
    if (anyTarget && counts.copyComing() > 0) {
      line(lines, photos(counts.copyComing(), "exists", "exist")
          + " in one place only (this computer), waiting for their archive copies");
    }
    if (anyTarget && counts.copyFailed() > 0) {
      line(lines, photos(counts.copyFailed(), "exists", "exist") + " in one place only (this computer): their archive copy"
          + " failed or was cancelled and is not tried again (frame jobs --type ARCHIVE_ORIGINAL says why)");
    }
    if (counts.archiveOnly() > 0) {
      line(lines, photos(counts.archiveOnly(), "exists", "exist") + " in one place only (the archive): the local"
          + " original was freed. Add a second target for a second copy");
    }
    if (counts.nowhere() > 0) {
      line(lines, photos(counts.nowhere(), "has", "have") + " no good copy anywhere (the local original is freed or"
          + " damaged, and no archive copy is left): frame scrub names them; import the same file again to mend one");
    }
    if (counts.failed() > 0) {
      line(lines, photos(counts.failed(), "failed", "failed") + " processing and " + (counts.failed() == 1 ? "is" : "are")
          + " not archived: in one place only (this computer)");
    }
    return lines.isEmpty() ? null : lines.toString();
  }

  private static String photos(long count, String verbForOne, String verbForMany) {
    return count == 1 ? "1 photo " + verbForOne : count + " photos " + verbForMany;
  }

  private static void line(StringBuilder lines, String line) {
    if (!lines.isEmpty()) lines.append('\n');
    lines.append(line).append('.');
  }
}
