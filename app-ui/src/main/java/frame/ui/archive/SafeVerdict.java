package frame.ui.archive;

import frame.core.api.archive.ArchiveStatus;
import frame.core.api.archive.ArchiveTarget;
import frame.core.api.archive.SafeReport;
import java.util.List;

/**
 * What the window says about a card or folder just imported: safe to format (a card) or in N
 * verified places (any other folder), waiting for archive copies that are on their way, or what is
 * missing now. {@code waiting} means copies are still to
 * come (watch for them); {@code needsTarget} that no second place is configured at all.
 */
record SafeVerdict(String text, boolean safe, boolean waiting, boolean needsTarget) {
  private static final int NAMED = 5;

  /** {@code card}: the folders are on a removable volume, so formatting is what the photographer will do next. */
  static SafeVerdict of(String where, boolean card, SafeReport report, ArchiveStatus status) {
    int wanted = report.copiesWanted();
    int total = report.files().size();
    if (total == 0) return new SafeVerdict(where + " holds no files to check.", false, false, false);
    if (report.safe()) {
      String photos = total == 1 ? "photo" : "photos";
      String verb = total == 1 ? "is" : "are";
      String text = card
          ? "All %d %s from %s %s in %d verified places: safe to format the card.".formatted(total, photos, where, verb, wanted)
          : "All %d %s of %s %s in %d verified places.".formatted(total, photos, where, verb, wanted);
      return new SafeVerdict(text, true, false, false);
    }
    List<SafeReport.SafeFile> absent = report.shortOf().stream().filter(f -> !f.inLibrary()).toList();
    List<SafeReport.SafeFile> lost = report.shortOf().stream().filter(f -> f.inLibrary() && f.copies() == 0).toList();
    List<SafeReport.SafeFile> few = report.shortOf().stream().filter(f -> f.copies() > 0).toList();
    StringBuilder text = new StringBuilder(card ? "Do not format the card yet: "
        : "Not every file of " + where + " is in " + wanted + " verified places yet: ");
    boolean waiting = false;
    boolean needsTarget = false;
    if (!few.isEmpty()) {
      long backlog = status.targets().stream().mapToLong(ArchiveTarget::backlog).sum();
      List<ArchiveTarget> away = status.targets().stream().filter(t -> !t.reachable()).toList();
      if (status.targets().isEmpty()) {
        needsTarget = true;
        text.append(count(few.size(), "photo is", "photos are")).append(" in one place only (this computer). ")
            .append("Add an archive target (an external disk or a NAS folder) for the second copy.");
      } else if (backlog > 0 || !away.isEmpty()) {
        waiting = true;
        long copies = few.stream().mapToLong(f -> wanted - f.copies()).sum();
        text.append("waiting for ").append(count(copies, "archive copy", "archive copies")).append(" (")
            .append(total - report.shortOf().size()).append(" of ").append(total).append(" in ").append(wanted)
            .append(" verified places so far).");
        for (ArchiveTarget target : away) {
          text.append(" The target ").append(target.name()).append(" is not reachable: ").append(target.problem())
              .append('.');
        }
      } else {
        text.append(count(few.size(), "photo is", "photos are")).append(" in fewer than ").append(wanted)
            .append(" verified places and no copy is being made (failed processing?): ").append(names(few))
            .append('.');
      }
    }
    if (!lost.isEmpty()) {
      if (!few.isEmpty()) text.append(' ');
      text.append(count(lost.size(), "photo has", "photos have")).append(" no good copy anywhere in the library (keep ")
          .append(lost.size() == 1 ? "it" : "them").append("): ").append(names(lost)).append('.');
    }
    if (!absent.isEmpty()) {
      if (!few.isEmpty() || !lost.isEmpty()) text.append(' ');
      text.append(count(absent.size(), "file is", "files are")).append(" not in the library: ").append(names(absent))
          .append('.');
    }
    return new SafeVerdict(text.toString(), false, waiting, needsTarget);
  }

  private static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  private static String names(List<SafeReport.SafeFile> files) {
    String shown = String.join(", ", files.stream().limit(NAMED).map(SafeReport.SafeFile::name).toList());
    return files.size() <= NAMED ? shown : shown + " and " + (files.size() - NAMED) + " more";
  }
}
