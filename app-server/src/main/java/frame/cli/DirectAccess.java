package frame.cli;

import frame.core.api.devices.TokenInfo;

import frame.server.ApiServer;
import frame.core.api.FrameLibrary;
import frame.core.api.library.ImageFiles;
import frame.core.api.jobs.JobDetails;
import frame.core.api.jobs.Regeneration;
import frame.core.auth.ApiTokens;
import frame.core.api.events.FrameEvent;
import frame.core.api.library.Image;
import frame.core.api.library.ImageQuery;
import frame.core.api.library.ImageState;
import frame.core.api.imports.IngestResult;
import frame.core.api.jobs.JobPriority;
import frame.core.api.jobs.JobQuery;
import frame.core.api.trash.RemovalSize;
import frame.core.api.trash.TrashedPhoto;
import frame.core.api.jobs.JobType;
import frame.server.dto.JobDto;
import frame.server.dto.QueueDto;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** No FRAME runs on the data folder: the command opens it in this process, as it always did. */
final class DirectAccess implements FrameAccess {
  private final FrameLibrary frame;

  DirectAccess(FrameLibrary frame) {
    this.frame = frame;
  }

  @Override
  public Listing<Image> images(ImageQuery query) {
    return new Listing<>(frame.ports().library().list(query), frame.ports().library().countIn(query.state()));
  }

  @Override
  public ImageFiles files(Image image) {
    return frame.ports().library().files(image);
  }

  @Override
  public Image image(long id) {
    return frame.ports().library().image(id);
  }

  @Override
  public Listing<JobDto> jobs(JobQuery query) {
    List<JobDto> jobs = frame.ports().jobs().listWithImages(query).stream()
        .map(j -> JobDto.of(frame.ports().library(), j.job(), j.image(), j.imageInTrash(), null)).toList();
    return new Listing<>(jobs, frame.ports().jobs().count(query));
  }

  @Override
  public JobDto job(long id) {
    JobDetails details = frame.ports().jobs().details(id);
    return JobDto.of(frame.ports().library(), details.job(), details.image(), details.imageInTrash(), details.attempts());
  }

  @Override
  public IngestResult importFile(Path file, JobPriority priority) {
    return frame.ports().imports().importFile(file, priority);
  }

  @Override
  public String queueStatus() {
    return frame.ports().queue().overview().state().describe();
  }

  @Override
  public RemovalSize remove(List<Long> imageIds) {
    return frame.ports().trash().remove(imageIds);
  }

  @Override
  public List<TrashedPhoto> trash() {
    return frame.ports().trash().list();
  }

  @Override
  public int restore(List<Long> imageIds) {
    return frame.ports().trash().restore(imageIds);
  }

  @Override
  public int emptyTrash() {
    return frame.ports().trash().empty();
  }

  @Override
  public QueueDto queue() {
    return QueueDto.of(frame.ports().queue().overview());
  }

  @Override
  public QueueDto pause(JobType type) {
    frame.ports().queue().pause(type);
    return queue();
  }

  @Override
  public QueueDto resume(JobType type) {
    frame.ports().queue().resume(type);
    return queue();
  }

  @Override
  public JobDto retryJob(long id) {
    return JobDto.of(frame.ports().jobs().retry(id), null);
  }

  @Override
  public List<JobDto> retryFailedJobs(JobType type) {
    return frame.ports().jobs().retryFailed(type).stream().map(j -> JobDto.of(j, null)).toList();
  }

  @Override
  public JobDto cancelJob(long id) {
    return JobDto.of(frame.ports().jobs().cancel(id), null);
  }

  @Override
  public Regeneration regenerate(List<Long> imageIds) {
    return frame.ports().jobs().regenerate(imageIds);
  }

  @Override
  public Regeneration regenerateEvery(ImageState state) {
    return frame.ports().jobs().regenerateEvery(state);
  }

  @Override
  public AutoCloseable subscribe(Consumer<FrameEvent> listener) {
    return frame.ports().events().subscribe(listener);
  }

  @Override
  public PairingOffer createPairing() {
    // the code waits in the database for the server that starts next on this folder
    return new PairingOffer(frame.ports().devices().createPairing(),
        ApiServer.urlsFor(frame.config().port(), frame.config().lan()));
  }

  @Override
  public String createToken(String name) {
    return frame.ports().devices().createToken(name);
  }

  @Override
  public List<TokenInfo> tokens() {
    return frame.ports().devices().tokens();
  }

  @Override
  public boolean revokeToken(String name) {
    return frame.ports().devices().revoke(name);
  }

  @Override
  public frame.core.api.Archive archive() {
    return frame.ports().archive();
  }

  @Override
  public void close() {
    frame.close();
  }
}
