package frame.cli;

import frame.server.ApiServer;
import frame.core.Frame;
import frame.core.ImageFiles;
import frame.core.JobDetails;
import frame.core.Regeneration;
import frame.core.auth.ApiTokens;
import frame.core.event.FrameEvent;
import frame.core.image.Image;
import frame.core.image.ImageQuery;
import frame.core.image.ImageState;
import frame.core.ingest.IngestResult;
import frame.core.job.JobPriority;
import frame.core.job.JobQuery;
import frame.core.trash.RemovalSize;
import frame.core.trash.TrashedPhoto;
import frame.core.job.JobType;
import frame.server.dto.JobDto;
import frame.server.dto.QueueDto;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** No FRAME runs on the data folder: the command opens it in this process, as it always did. */
final class DirectAccess implements FrameAccess {
  private final Frame frame;

  DirectAccess(Frame frame) {
    this.frame = frame;
  }

  @Override
  public Listing<Image> images(ImageQuery query) {
    return new Listing<>(frame.images(query), frame.countImages(query.state()));
  }

  @Override
  public ImageFiles files(Image image) {
    return frame.files(image);
  }

  @Override
  public Image image(long id) {
    return frame.image(id);
  }

  @Override
  public Listing<JobDto> jobs(JobQuery query) {
    List<JobDto> jobs = frame.jobsWithImages(query).stream()
        .map(j -> JobDto.of(frame, j.job(), j.image(), j.imageInTrash(), null)).toList();
    return new Listing<>(jobs, frame.countJobs(query));
  }

  @Override
  public JobDto job(long id) {
    JobDetails details = frame.jobDetails(id);
    return JobDto.of(frame, details.job(), details.image(), details.imageInTrash(), details.attempts());
  }

  @Override
  public IngestResult importFile(Path file, JobPriority priority) {
    return frame.importFile(file, priority);
  }

  @Override
  public String queueStatus() {
    return frame.queue().state().describe();
  }

  @Override
  public RemovalSize remove(List<Long> imageIds) {
    return frame.remove(imageIds);
  }

  @Override
  public List<TrashedPhoto> trash() {
    return frame.trash();
  }

  @Override
  public int restore(List<Long> imageIds) {
    return frame.restore(imageIds);
  }

  @Override
  public int emptyTrash() {
    return frame.emptyTrash();
  }

  @Override
  public QueueDto queue() {
    return QueueDto.of(frame.queue());
  }

  @Override
  public QueueDto pause(JobType type) {
    frame.pause(type);
    return queue();
  }

  @Override
  public QueueDto resume(JobType type) {
    frame.resume(type);
    return queue();
  }

  @Override
  public JobDto retryJob(long id) {
    return JobDto.of(frame.retryJob(id), null);
  }

  @Override
  public List<JobDto> retryFailedJobs(JobType type) {
    return frame.retryFailedJobs(type).stream().map(j -> JobDto.of(j, null)).toList();
  }

  @Override
  public JobDto cancelJob(long id) {
    return JobDto.of(frame.cancelJob(id), null);
  }

  @Override
  public Regeneration regenerate(List<Long> imageIds) {
    return frame.regenerateImages(imageIds);
  }

  @Override
  public Regeneration regenerateEvery(ImageState state) {
    return frame.regenerateEvery(state);
  }

  @Override
  public AutoCloseable subscribe(Consumer<FrameEvent> listener) {
    return frame.subscribe(listener);
  }

  @Override
  public PairingOffer createPairing() {
    // the code waits in the database for the server that starts next on this folder
    return new PairingOffer(frame.createPairing(),
        ApiServer.urlsFor(frame.config().port(), frame.config().lan()));
  }

  @Override
  public String createToken(String name) {
    return frame.createToken(name);
  }

  @Override
  public List<ApiTokens.TokenInfo> tokens() {
    return frame.tokens();
  }

  @Override
  public boolean revokeToken(String name) {
    return frame.revokeToken(name);
  }

  @Override
  public void close() {
    frame.close();
  }
}
