package frame.server.tus;

import frame.core.api.devices.Caller;
import frame.core.api.imports.IngestResult;
import frame.server.error.ApiError;
import frame.server.upload.BusyUploads;
import frame.server.upload.PacedInputStream;
import frame.server.upload.RejectionStatus;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * tus 1.0 at {@code /api/tus}: core protocol plus creation, termination, expiration and checksum
 * (sha256). A completed upload is ingested like {@code POST /api/upload}; the answer says which
 * photo it became in {@code Frame-Image-Id} and {@code Frame-Image-Status} (stored or duplicate).
 */
public final class TusEndpoint implements AutoCloseable {
  public static final String PATH = "/api/tus";
  public static final String VERSION = "1.0.0";
  /** RFC 7231's IMF-fixdate, as tus asks for Upload-Expires: a two-digit day (RFC 1123's formatter writes "7 Dec"). */
  static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

  private final TusSettings settings;
  private final TusStore store;
  private final UploadHashes hashes = new UploadHashes();
  private final ChunkWriter writer;
  private final TusIngest ingest;
  private final TusSlots slots;
  private final Function<Context, Caller> callers;
  private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
  private final ScheduledExecutorService sweeper;

  private TusEndpoint(TusSettings settings, TusIngest ingest, TusSlots slots, Function<Context, Caller> callers) {
    this.settings = settings;
    this.store = TusStore.open(settings.folder());
    this.writer = new ChunkWriter(store, hashes, settings.checkpointBytes());
    this.ingest = ingest;
    this.slots = slots;
    this.callers = callers;
    this.sweeper = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("tus-expiry").factory());
    sweeper.scheduleWithFixedDelay(this::removeExpired, 0, 10, TimeUnit.MINUTES);
  }

  public static TusEndpoint open(TusSettings settings, TusIngest ingest, TusSlots slots,
      Function<Context, Caller> callers) {
    return new TusEndpoint(settings, ingest, slots, callers);
  }

  /** Removes the unfinished uploads whose time ran out, with their bytes; returns how many. */
  public int removeExpired() {
    int removed = store.removeExpired(settings.clock().instant());
    hashes.retainOnly(id -> store.find(id).isPresent());
    return removed;
  }

  public void options(Context ctx) {
    ctx.header("Tus-Resumable", VERSION).header("Tus-Version", VERSION)
        .header("Tus-Extension", "creation,termination,expiration,checksum")
        .header("Tus-Max-Size", Long.toString(settings.maxBytes()))
        .header("Tus-Checksum-Algorithm", UploadChecksum.ALGORITHMS).status(204);
  }

  public void create(Context ctx) throws IOException {
    Caller caller = checked(ctx);
    if (ctx.header("Upload-Defer-Length") != null) {
      throw ApiError.badRequest("length_required", "Send Upload-Length; a deferred length is not supported");
    }
    long length = number(ctx.header("Upload-Length"), "Upload-Length");
    if (length == 0) throw ApiError.badRequest("empty_file", "An upload of 0 bytes holds no photo");
    if (length > settings.maxBytes()) {
      throw new ApiError(413, "too_large", "The upload is over the " + settings.maxBytes() + "-byte limit (Tus-Max-Size).");
    }
    UploadMetadata metadata = UploadMetadata.parse(ctx.header("Upload-Metadata"));
    removeExpired();
    TusUpload upload = store.create(length, metadata.filename(), metadata.type(), caller.tokenId(), nextExpiry());
    ctx.header("Location", PATH + "/" + upload.id()).header("Upload-Offset", "0");
    describe(ctx, upload);
    ctx.status(201);
  }

  public void head(Context ctx) throws IOException {
    Caller caller = checked(ctx);
    ctx.header("Cache-Control", "no-store");
    ReentrantLock lock = lockFor(ctx);
    try {
      TusUpload upload = live(ctx, caller);
      if (upload.complete() && !upload.ingested()) upload = finish(upload, caller); // a crash came between the two
      ctx.header("Upload-Offset", Long.toString(upload.offset())).header("Upload-Length", Long.toString(upload.length()));
      describe(ctx, upload);
      ctx.status(200);
    } finally {
      lock.unlock();
    }
  }

  public void patch(Context ctx) throws IOException {
    Caller caller = checked(ctx);
    String type = ctx.header("Content-Type");
    if (type == null || !type.trim().equalsIgnoreCase("application/offset+octet-stream")) {
      throw new ApiError(415, "unsupported_media_type", "A PATCH body is Content-Type: application/offset+octet-stream");
    }
    long offset = number(ctx.header("Upload-Offset"), "Upload-Offset");
    UploadChecksum checksum = UploadChecksum.parse(ctx.header("Upload-Checksum"));
    ReentrantLock lock = lockFor(ctx);
    try {
      TusUpload upload = live(ctx, caller);
      if (offset != upload.offset()) {
        throw new ApiError(409, "offset_mismatch", "The upload is at byte " + upload.offset() + ", not " + offset + ".");
      }
      long declared = ctx.req().getContentLengthLong();
      if (declared > upload.length() - offset) {
        throw ApiError.badRequest("past_upload_length", "The body runs past Upload-Length");
      }
      if (!upload.complete()) upload = appendInSlot(ctx, caller, upload, checksum);
      if (upload.complete() && !upload.ingested()) upload = finish(upload, caller);
      ctx.header("Upload-Offset", Long.toString(upload.offset()));
      describe(ctx, upload);
      ctx.status(204);
    } finally {
      lock.unlock();
    }
  }

  public void delete(Context ctx) {
    Caller caller = checked(ctx);
    ReentrantLock lock = lockFor(ctx);
    try {
      live(ctx, caller);
      store.remove(ctx.pathParam("id"));
      hashes.forget(ctx.pathParam("id"));
      ctx.status(204);
    } finally {
      locks.remove(ctx.pathParam("id"));
      lock.unlock();
    }
  }

  private TusUpload appendInSlot(Context ctx, Caller caller, TusUpload upload, UploadChecksum checksum)
      throws IOException {
    TusSlots.Held slot = slots.tryAcquire(caller).orElseThrow(() ->
        BusyUploads.refuse(ctx, "Too many uploads at once; try again in a few seconds."));
    try (slot; InputStream body = new PacedInputStream(ctx.req().getInputStream())) { // a drip cannot hold the slot
      return writer.append(upload, body, checksum, nextExpiry());
    }
  }

  /**
   * Hands the whole file, hashed as it streamed, to the ingest, which renames it into the store; a
   * photo (new or already held) is remembered, anything else ends the upload.
   */
  private TusUpload finish(TusUpload upload, Caller caller) throws IOException {
    Path bytes = store.bytesOf(upload.id());
    if (!Files.exists(bytes)) { // renamed into the store, then the catalogue's commit failed: nothing to resume
      store.remove(upload.id());
      throw new ApiError(410, "upload_lost", "FRAME could not finish storing this upload; send the file again.");
    }
    String sha256 = HexFormat.of().formatHex(hashes.take(upload, bytes).digest());
    IngestResult result = ingest.ingest(bytes, upload.filename(), sha256, caller);
    TusUpload done = switch (result) {
      case IngestResult.Stored stored -> upload.ingestedAs(stored.image().id(), "stored");
      case IngestResult.Duplicate duplicate -> upload.ingestedAs(duplicate.existing().id(), "duplicate");
      case IngestResult.Restored restored -> upload.ingestedAs(restored.image().id(), "restored");
      case IngestResult.Skipped skipped -> {
        store.remove(upload.id());
        throw new ApiError(409, "deleted_before", skipped.reason());
      }
      case IngestResult.Rejected rejected -> {
        store.remove(upload.id());
        throw new ApiError(RejectionStatus.of(rejected.code()), rejected.code(), rejected.reason());
      }
    };
    store.save(done);
    Files.deleteIfExists(bytes); // a duplicate's, or a copy's: a stored photo's bytes were usually renamed away
    return done;
  }

  /** The upload named in the path, if this caller may see it and it has not expired. */
  private TusUpload live(Context ctx, Caller caller) {
    String id = ctx.pathParam("id");
    TusUpload upload = store.find(id)
        .filter(u -> u.ownerTokenId() == caller.tokenId() || caller.isAdmin())
        .orElseThrow(() -> ApiError.notFound("No such upload: " + id));
    if (upload.expiredAt(settings.clock().instant())) {
      store.remove(id);
      throw new ApiError(410, "upload_expired", "This upload expired and its bytes were removed; start it again.");
    }
    return upload;
  }

  private ReentrantLock lockFor(Context ctx) {
    String id = ctx.pathParam("id");
    if (store.find(id).isEmpty()) throw ApiError.notFound("No such upload: " + id);
    ReentrantLock lock = locks.computeIfAbsent(id, key -> new ReentrantLock());
    try {
      // a client that lost its connection retries while the old PATCH may still be reading
      if (lock.tryLock(10, TimeUnit.SECONDS)) return lock;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new ApiError(423, "upload_locked", "This upload is busy with another request; try again shortly.");
  }

  /** Every answer says the version; a request must speak it. */
  private Caller checked(Context ctx) {
    ctx.header("Tus-Resumable", VERSION);
    if (!VERSION.equals(ctx.header("Tus-Resumable"))) {
      ctx.header("Tus-Version", VERSION);
      throw new ApiError(412, "tus_version", "Send Tus-Resumable: 1.0.0");
    }
    return callers.apply(ctx);
  }

  private void describe(Context ctx, TusUpload upload) {
    if (upload.ingested()) {
      ctx.header("Frame-Image-Id", Long.toString(upload.imageId())).header("Frame-Image-Status", upload.imageStatus());
    } else {
      ctx.header("Upload-Expires", HTTP_DATE.format(upload.expiresAt()));
    }
  }

  private Instant nextExpiry() {
    return settings.clock().instant().plus(settings.expiry());
  }

  private static long number(String raw, String header) {
    try {
      long value = Long.parseLong(raw == null ? "" : raw.trim());
      if (value >= 0) return value;
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiError.badRequest("invalid_" + header.toLowerCase().replace('-', '_'), header + " must be a byte count");
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
  }
}
