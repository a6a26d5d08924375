package frame.cli;

import frame.core.api.FrameLibrary;
import frame.core.api.library.Image;
import frame.core.api.imports.IngestResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import did, for a person: counts, then each duplicate, restored original, rejection and
 * failure with its reason.
 */
record ImportSummary(List<IngestResult> results, ImportCommand.ImportWatch watch, FrameLibrary frame) {

  int print(PrintWriter out, double seconds) {
    List<String> duplicates = new ArrayList<>();
    List<String> restored = new ArrayList<>();
    List<String> rejected = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    List<String> deleted = new ArrayList<>();
    int processed = 0;
    for (IngestResult result : results) {
      switch (result) {
        case IngestResult.Stored s -> {
          Image image = frame.ports().library().image(s.image().id());
          if (image.state().isProcessed()) processed++;
          else failed.add("%s (image %d): %s".formatted(s.name(), image.id(), image.failureReason()));
        }
        case IngestResult.Duplicate d -> duplicates.add("%s is a duplicate of image %d (%s)".formatted(
            d.name(), d.existing().id(), d.existing().originalName()));
        case IngestResult.Restored o -> restored.add(
            "%s: restored the original of image %d, which had no good copy left".formatted(o.name(), o.image().id()));
        case IngestResult.Skipped k -> deleted.add("%s: %s".formatted(k.name(), k.reason()));
        case IngestResult.Rejected r -> rejected.add("%s: %s".formatted(r.name(), r.reason()));
      }
    }
    if (watch.expectedImages() == 0) { // nothing new was processed: a rate would only say 0.0
      out.printf("Imported %d file(s) in %.1f s: nothing new to process%n", results.size(), seconds);
    } else {
      out.printf("Imported %d file(s) in %.1f s (%.1f images/s)%n", results.size(), seconds,
          watch.expectedImages() / Math.max(seconds, 0.001));
    }
    out.printf("  processed   %d%n", processed);
    section(out, "duplicates", duplicates);
    if (!restored.isEmpty()) section(out, "restored", restored);
    section(out, "deleted", deleted);
    if (!deleted.isEmpty()) out.println("      (deleted for good before; --include-deleted brings them back)");
    section(out, "rejected", rejected);
    section(out, "failed", failed);
    out.flush();
    return rejected.isEmpty() && failed.isEmpty() ? 0 : 1;
  }

  /** The same for scripts: every file with its outcome, the image it became or matched, and why. */
  int printJson(PrintWriter out, double seconds) {
    List<Map<String, Object>> files = new ArrayList<>();
    boolean allIn = true;
    for (IngestResult result : results) {
      Map<String, Object> file = new LinkedHashMap<>();
      file.put("name", result.name());
      switch (result) {
        case IngestResult.Stored s -> {
          Image image = frame.ports().library().image(s.image().id());
          boolean processed = image.state().isProcessed();
          allIn &= processed;
          file.put("outcome", processed ? "processed" : "failed");
          file.put("imageId", image.id());
          if (!processed) file.put("reason", image.failureReason());
        }
        case IngestResult.Duplicate d -> {
          file.put("outcome", "duplicate");
          file.put("imageId", d.existing().id());
        }
        case IngestResult.Restored o -> {
          file.put("outcome", "restored");
          file.put("imageId", o.image().id());
        }
        case IngestResult.Skipped k -> {
          file.put("outcome", "deleted");
          file.put("reason", k.reason());
        }
        case IngestResult.Rejected r -> {
          allIn = false;
          file.put("outcome", "rejected");
          file.put("reason", r.reason());
        }
      }
      files.add(file);
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("seconds", Math.round(seconds * 10) / 10.0);
    summary.put("files", files);
    out.println(Json.of(summary));
    out.flush();
    return allIn ? 0 : 1;
  }

  private static void section(PrintWriter out, String title, List<String> lines) {
    out.printf("  %-11s %d%n", title, lines.size());
    lines.forEach(line -> out.println("      " + line));
  }
}
