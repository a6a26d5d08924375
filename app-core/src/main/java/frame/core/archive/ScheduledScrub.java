package frame.core.archive;

import frame.core.api.archive.ScrubReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the plan's sample scrub by itself in a FRAME that stays open (the window, {@code frame
 * serve}): it first looks 10 minutes after start (a short command has exited by then), then
 * hourly, and scrubs when the last scrub it recorded in the data folder is older than the plan's
 * interval, so a week is a week across restarts. The scrub mends bad copies as {@code frame scrub}
 * does, at background priority; its outcome goes to the log.
 */
final class ScheduledScrub implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ScheduledScrub.class);
  /** Where the time of the last scheduled scrub is kept, in the data folder. */
  static final String LAST_RUN_FILE = "archive-scrub.last";

  private final IntFunction<ScrubReport> scrub;
  private final Path lastRun;
  private final ScrubPlan plan;
  private final Clock clock;
  private final PlanTimer timer;

  ScheduledScrub(IntFunction<ScrubReport> scrub, Path dataDir, ScrubPlan plan, Clock clock) {
    this.scrub = scrub;
    this.lastRun = dataDir.resolve(LAST_RUN_FILE);
    this.plan = plan;
    this.clock = clock;
    this.timer = new PlanTimer("frame-scrub-schedule", plan.every(), this::scrubIfDue);
  }

  /** Scrubs when due; never throws, so the timer keeps looking after a failed scrub. */
  void scrubIfDue() {
    try {
      Instant now = clock.instant();
      Instant last = lastScrub();
      if (last != null && now.isBefore(last.plus(plan.every()))) return;
      ScrubReport report = scrub.apply(plan.samplePercent());
      recordScrub(now);
      if (report.clean()) {
        log.info("Scheduled scrub ({}% sample): {} photo(s), {} cop(ies) read, all good",
            plan.samplePercent(), report.photos(), report.copiesRead());
      } else {
        log.warn("Scheduled scrub ({}% sample): {} photo(s), {} cop(ies) read, {} bad:", plan.samplePercent(),
            report.photos(), report.copiesRead(), report.bad().size());
        for (ScrubReport.Finding bad : report.bad()) {
          log.warn("  {} (#{}) at {}: {}; {}", bad.photo(), bad.imageId(), bad.place(), bad.problem(), bad.action());
        }
      }
    } catch (IOException | RuntimeException e) {
      // most often FRAME is closing, or a target is away: the next look tries again
      log.warn("The scheduled scrub did not finish: {}", e.toString());
    }
  }

  /** Written aside and moved in, so a reader (or a crash) never sees half a time. */
  private void recordScrub(Instant now) throws IOException {
    Path aside = lastRun.resolveSibling(LAST_RUN_FILE + ".new");
    Files.writeString(aside, now.toString());
    Files.move(aside, lastRun, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private Instant lastScrub() throws IOException {
    if (!Files.isRegularFile(lastRun)) return null;
    try {
      return Instant.parse(Files.readString(lastRun).strip());
    } catch (DateTimeParseException e) {
      return null; // unreadable: scrub now and write it anew
    }
  }

  @Override
  public void close() {
    timer.close();
  }
}
