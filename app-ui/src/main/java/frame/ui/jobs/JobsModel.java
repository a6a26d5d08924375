package frame.ui.jobs;

import frame.core.api.Library;
import frame.core.api.Jobs;
import frame.core.api.FrameLibrary;
import frame.core.api.jobs.JobDetails;
import frame.core.api.events.FrameEvent;
import frame.core.api.library.Image;
import frame.core.api.jobs.Job;
import frame.core.api.jobs.JobAttempt;
import frame.core.api.jobs.JobQuery;
import frame.core.api.jobs.JobState;
import frame.core.api.jobs.JobType;
import frame.core.api.jobs.JobWithImage;
import frame.ui.common.Background;
import frame.ui.common.Notice;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The admin's jobs table: filters, a page, counts per status, live updates, one job's detail. */
public final class JobsModel {
  public static final int PAGE_SIZE = 200;

  private final Jobs jobsPort;
  private final Library library;
  private final Background background;
  private final ObservableList<Row> jobs = FXCollections.observableArrayList();
  private final ObjectProperty<JobState> status = new SimpleObjectProperty<>();
  private final ObjectProperty<JobType> type = new SimpleObjectProperty<>();
  private final StringProperty imageFilter = new SimpleStringProperty("");
  private final IntegerProperty offset = new SimpleIntegerProperty(0);
  private final LongProperty total = new SimpleLongProperty();
  private final StringProperty counts = new SimpleStringProperty("");
  private final StringProperty detail = new SimpleStringProperty("Select a job to see its details.");
  private final ObjectProperty<Image> detailImage = new SimpleObjectProperty<>();
  private final StringProperty message = new SimpleStringProperty("");
  private final Notice notice = new Notice(message); // failures show on the same message line
  private final BooleanProperty refreshing = new SimpleBooleanProperty();
  private Runnable queueChanged; // null until the window listens
  private boolean refreshAgain;
  /**
   * Whether the pane is on screen. Hidden, a job's change only marks the page stale: its counts read
   * every job (six a photo in a library), which would run at each job of an import, and at the
   * window's opening beside the library's first page.
   */
  private boolean showing = true;
  private boolean stale = true; // nothing read yet

  public JobsModel(FrameLibrary frame, Background background) {
    this.jobsPort = frame.ports().jobs();
    this.library = frame.ports().library();
    this.background = background;
    status.addListener((o, a, b) -> firstPage());
    type.addListener((o, a, b) -> firstPage());
    imageFilter.addListener((o, a, b) -> firstPage());
  }

  /**
   * One line of the table: the job, the photo it works on (null for a job of no photo) and that
   * photo's small thumbnail file once it exists, all read off the FX thread.
   */
  public record Row(Job job, Image image, Path thumbnail) {}

  public ObservableList<Row> jobs() { return jobs; }
  public ObjectProperty<JobState> status() { return status; }
  public ObjectProperty<JobType> type() { return type; }
  /** An image id typed by the admin; anything that is not a number shows every image's jobs. */
  public StringProperty imageFilter() { return imageFilter; }
  public IntegerProperty offset() { return offset; }
  public LongProperty total() { return total; }
  public StringProperty counts() { return counts; }
  public StringProperty detail() { return detail; }
  /** The photo of the job in the detail, for its "Open photo" link; null when none. */
  public ObjectProperty<Image> detailImage() { return detailImage; }

  /** What the last Retry or Cancel did, or why some jobs were refused. */
  public StringProperty message() { return message; }

  /** Called after a Retry or Cancel, so the status bar shows the change at once. */
  public void onQueueChanged(Runnable listener) {
    queueChanged = listener;
  }

  /** Retries the selected jobs (failed or cancelled ones); says how many, and why any were refused. */
  public void retry(List<Job> selected) {
    act(selected, "Retried", job -> jobsPort.retry(job.id()));
  }

  /** Cancels the selected pending jobs; their photos end FAILED ("cancelled by an admin"). */
  public void cancel(List<Job> selected) {
    act(selected, "Cancelled", job -> jobsPort.cancel(job.id()));
  }

  private void act(List<Job> selected, String done, java.util.function.Consumer<Job> action) {
    List<Job> jobsToDo = List.copyOf(selected);
    if (jobsToDo.isEmpty()) return;
    background.run(() -> {
      int ok = 0;
      List<String> refused = new java.util.ArrayList<>();
      for (Job job : jobsToDo) {
        try {
          action.accept(job);
          ok++;
        } catch (frame.core.api.FrameException e) {
          refused.add(e.getMessage());
        }
      }
      return done + " " + ok + " job(s)" + (refused.isEmpty() ? "." : "; refused: " + String.join("; ", refused));
    }, text -> {
      notice.say(text);
      refresh();
      if (queueChanged != null) queueChanged.run();
    }, notice.onFailure("change the selected jobs"));
  }

  public void nextPage() {
    if (offset.get() + PAGE_SIZE < total.get()) {
      offset.set(offset.get() + PAGE_SIZE);
      refresh();
    }
  }

  public void previousPage() {
    if (offset.get() > 0) {
      offset.set(Math.max(0, offset.get() - PAGE_SIZE));
      refresh();
    }
  }

  private void firstPage() {
    offset.set(0);
    refresh();
  }

  /** Reloads the page; calls while one runs are folded into one more. */
  public void refresh() {
    if (refreshing.get()) {
      refreshAgain = true;
      return;
    }
    refreshing.set(true);
    stale = false;
    JobQuery query = new JobQuery(status.get(), type.get(), imageId(), PAGE_SIZE, offset.get());
    background.run(() -> new Page(rows(jobsPort.listWithImages(query)), jobsPort.count(query), jobsPort.countsByState()), page -> {
      notice.recovered("list the jobs");
      jobs.setAll(page.jobs());
      total.set(page.total());
      counts.set(describe(page.counts()));
      refreshing.set(false);
      if (refreshAgain) {
        refreshAgain = false;
        refresh();
      }
    }, failure -> {
      refreshing.set(false);
      notice.failed("list the jobs", failure);
    });
  }

  private record Page(List<Row> jobs, long total, Map<JobState, Long> counts) {}

  private List<Row> rows(List<JobWithImage> page) {
    return page.stream().map(j -> new Row(j.job(), j.image(), j.image() == null ? null
        : library.files(j.image()).thumbnail(THUMBNAIL_SIZE).orElse(null))).toList();
  }

  /** The smallest thumbnail FRAME makes: a row is short. */
  static final int THUMBNAIL_SIZE = 64;

  public void onEvent(FrameEvent event) {
    if (event instanceof FrameEvent.JobChanged) background.onFx(() -> {
      if (showing) refresh();
      else stale = true;
    });
  }

  /** The pane shown (read now if anything changed or nothing was read yet) or hidden (read nothing until shown). */
  public void showing(boolean shown) {
    showing = shown;
    if (shown && stale) refresh();
  }

  public void select(Row row) {
    if (row == null) return;
    background.run(() -> jobsPort.details(row.job().id()), details -> {
      detail.set(describe(details));
      // a photo in the trash is not in the library: no viewer to open until it is restored
      detailImage.set(details.imageInTrash() ? null : details.image());
    }, failure -> {
      detail.set("");
      notice.failed("show job " + row.job().id(), failure);
    });
  }

  private Long imageId() {
    try {
      String text = imageFilter.get() == null ? "" : imageFilter.get().trim();
      return text.isEmpty() ? null : Long.valueOf(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static String describe(Map<JobState, Long> counts) {
    StringBuilder text = new StringBuilder();
    counts.forEach((state, n) -> text.append(text.isEmpty() ? "" : " · ").append(n).append(' ').append(state.name().toLowerCase()));
    return text.toString();
  }

  static String describe(Job job, Image image) {
    if (image == null) return job.imageId() == null ? "—" : job.imageId() + " (removed)";
    return "%d  %s  %s %s %d×%d".formatted(image.id(), image.originalName(), image.state(), image.format(),
        image.width(), image.height());
  }

  static String describe(JobDetails details) {
    Job j = details.job();
    StringBuilder text = new StringBuilder();
    text.append("Job ").append(j.id()).append("  ").append(j.type()).append("  ").append(j.state()).append('\n');
    text.append("Image      ").append(describe(j, details.image()))
        .append(details.imageInTrash() ? "  (in the trash)" : "").append('\n');
    text.append("Payload    ").append(j.payload()).append('\n');
    text.append("Attempts   ").append(j.attempts()).append(" of ").append(j.maxAttempts()).append(" failed, ")
        .append(j.interruptions()).append(" of ").append(j.maxInterruptions())
        .append(" interrupted (FRAME stopped while it ran)\n");
    text.append("Priority   ").append(j.priority().name().toLowerCase(java.util.Locale.ROOT)).append('\n');
    text.append("Locked by  ").append(j.workerId() == null ? "—" : j.workerId())
        .append(j.lockedAt() == null ? "" : " at " + j.lockedAt())
        .append(j.leaseUntil() == null ? "" : ", lease until " + j.leaseUntil()).append('\n');
    text.append("Created    ").append(j.createdAt()).append(", finished ").append(j.completedAt() == null ? "—" : j.completedAt()).append("\n\n");
    text.append("History\n");
    for (JobAttempt a : details.attempts()) {
      text.append("  #").append(a.attempt()).append(' ').append(a.outcome().interrupted() ? "INTERRUPTED (FRAME stopped)" : a.outcome())
          .append("  ").append(a.workerId())
          .append("  ").append(a.started()).append(" → ").append(a.ended() == null ? "…" : a.ended()).append('\n');
    }
    if (j.lastError() != null) text.append("\nError\n").append(j.lastError());
    return text.toString();
  }
}
