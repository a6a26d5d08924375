package frame.cli;

import frame.core.api.devices.TokenInfo;
import frame.core.api.devices.PairingCode;

import frame.core.api.library.ImageFiles;
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

/**
 * What the commands ask of FRAME, answered the same whether a FRAME already runs on the data
 * folder ({@link RemoteAccess}, over its loopback API) or the command opens it itself
 * ({@link DirectAccess}). A command that should work while FRAME runs asks only this; making one
 * more command remote is a method here and its two answers.
 */
interface FrameAccess extends AutoCloseable {
  /** A page of a list and the total it is part of. */
  record Listing<T>(List<T> items, long total) {}

  Listing<Image> images(ImageQuery query);

  /** Where an image's files are on this machine; a derived file exists only once made. */
  ImageFiles files(Image image);

  Image image(long id);

  /** Jobs in the API's form, each with its photo. */
  Listing<JobDto> jobs(JobQuery query);

  /** One job in the API's form, with its photo and every attempt. */
  JobDto job(long id);

  /** Imports one file, its work at {@code priority} (BULK for the photos of a large import). */
  IngestResult importFile(Path file, JobPriority priority);

  /** The queue's state as {@code GET /api/admin/queue} says it: "running", "paused" or "paused: TYPE, ...". */
  String queueStatus();

  /** Moves photos to the trash, all or none: an unknown id (or one already in the trash) removes nothing. */
  RemovalSize remove(List<Long> imageIds);

  /** Photos in the trash, last removed first. */
  List<TrashedPhoto> trash();

  /** Brings photos back from the trash; returns how many were in it. */
  int restore(List<Long> imageIds);

  /** Deletes every photo in the trash for good; returns how many. */
  int emptyTrash();

  /** The queue in the API's form ({@code GET /api/admin/queue}). */
  QueueDto queue();

  /** Pauses {@code type}, or the whole queue when it is null; the queue after. */
  QueueDto pause(JobType type);

  /** Resumes {@code type}, or everything when it is null; the queue after. */
  QueueDto resume(JobType type);

  JobDto retryJob(long id);

  /** Retries every FAILED job (of {@code type} when it is not null); those retried. */
  List<JobDto> retryFailedJobs(JobType type);

  JobDto cancelJob(long id);

  /** Sends photos back through the steps, all ids known or none sent; those still on their way are left as they are. */
  Regeneration regenerate(List<Long> imageIds);

  /** The same for every photo in {@code state}, or every photo when it is null (the trash left out), in one request. */
  Regeneration regenerateEvery(ImageState state);

  /** Image and job changes while the handle is open. */
  AutoCloseable subscribe(Consumer<FrameEvent> listener);

  String createToken(String name);

  List<TokenInfo> tokens();

  boolean revokeToken(String name);

  /** A new single-use pairing code and the server addresses its link may use. */
  record PairingOffer(PairingCode code, List<String> urls) {}

  PairingOffer createPairing();

  /** The archive: targets, copies, free, safe, scrub (its port, in-process or over the API). */
  frame.core.api.Archive archive();

  @Override
  void close();
}
