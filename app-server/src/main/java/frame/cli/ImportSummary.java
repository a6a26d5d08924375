package frame.cli;

import frame.core.api.FrameLibrary;
import frame.core.api.library.Image;
import frame.core.api.library.ImageState;
import frame.core.api.imports.IngestResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** What an import did, for a person: counts, then each duplicate, rejection and failure with its reason. */
record ImportSummary(List<IngestResult> results, ImportCommand.ImportWatch watch, FrameLibrary frame) {

  int print(PrintWriter out, double seconds) {
    List<String> duplicates = new ArrayList<>();
    List<String> rejected = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    List<String> deleted = new ArrayList<>();
    int processed = 0;
    for (IngestResult result : results) {
      switch (result) {
        case IngestResult.Stored s -> {
          Image image = frame.ports().library().image(s.image().id());
          if (image.state() == ImageState.PROCESSED) processed++;
          else failed.add("%s (image %d): %s".formatted(s.name(), image.id(), image.failureReason()));
        }
        case IngestResult.Duplicate d -> duplicates.add("%s is a duplicate of image %d (%s)".formatted(
            d.name(), d.existing().id(), d.existing().originalName()));
        case IngestResult.Skipped k -> deleted.add("%s: %s".formatted(k.name(), k.reason()));
        case IngestResult.Rejected r -> rejected.add("%s: %s".formatted(r.name(), r.reason()));
      }
    }
    out.printf("Imported %d file(s) in %.1f s (%.1f images/s)%n", results.size(), seconds,
        watch.expectedImages() / Math.max(seconds, 0.001));
    out.printf("  processed   %d%n", processed);
    section(out, "duplicates", duplicates);
    section(out, "deleted", deleted);
    if (!deleted.isEmpty()) out.println("      (deleted for good before; --include-deleted brings them back)");
    section(out, "rejected", rejected);
    section(out, "failed", failed);
    out.flush();
    return rejected.isEmpty() && failed.isEmpty() ? 0 : 1;
  }

  private static void section(PrintWriter out, String title, List<String> lines) {
    out.printf("  %-11s %d%n", title, lines.size());
    lines.forEach(line -> out.println("      " + line));
  }
}
