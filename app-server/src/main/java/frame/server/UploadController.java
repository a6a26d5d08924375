package frame.server;

import frame.server.error.ApiError;
import frame.server.upload.BusyUploads;
import frame.server.upload.RejectionStatus;
import frame.server.upload.PacedInputStream;

import frame.core.api.Ports;
import frame.core.api.library.Image;
import frame.core.api.imports.IngestResult;
import frame.core.api.jobs.JobPriority;
import frame.core.api.culling.ImportBatch;
import frame.core.api.culling.ShootSource;
import frame.core.api.devices.Caller;
import frame.server.dto.ImageDto;
import frame.server.tus.TusSlots;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * POST /api/upload: one or more files in a multipart body, each streamed from the socket straight
 * into the store's hashed temp file (no spool copy in between). One new
 * photo is 201, a duplicate 200 with {@code "duplicate": true}, a photo deleted for good before 200
 * with {@code "skipped"}; a rejected single file is the
 * matching error. Several files answer one result each.
 */
final class UploadController {
  private final Ports ports;
  private final UploadSlots slots;
  private final long maxFileBytes;
  private final long maxRequestBytes;

  UploadController(Ports ports, int maxConcurrentUploads, long maxFileBytes, long maxRequestBytes) {
    this.ports = ports;
    this.slots = new UploadSlots(maxConcurrentUploads);
    this.maxFileBytes = maxFileBytes;
    this.maxRequestBytes = maxRequestBytes;
  }

  /** The same slots for resumable uploads, as fairly shared: a tus PATCH holds one while its body streams. */
  TusSlots slots() {
    return caller -> slots.tryAcquire(caller.tokenId()).map(slot -> slot::close);
  }

  void upload(Context ctx) throws IOException {
    String contentType = ctx.contentType();
    if (contentType == null || !contentType.toLowerCase().startsWith("multipart/form-data")) {
      throw ApiError.badRequest("not_multipart", "Send the photos as multipart/form-data");
    }
    JobPriority priority = priority(ctx);
    ImportBatch batch = batch(ctx);
    MultipartStream body = MultipartStream.of(contentType, new PacedInputStream(ctx.req().getInputStream()),
        maxFileBytes, maxRequestBytes);
    if (body == null) throw ApiError.badRequest("not_multipart", "The multipart/form-data content type names no boundary");
    UploadSlots.Slot slot = slots.tryAcquire(RequestGuards.caller(ctx).tokenId()).orElseThrow(() ->
        BusyUploads.refuse(ctx, "Too many uploads at once from this device or in all; try again in a few seconds."));
    try (slot) {
      Declared declared = new Declared(ctx.header("X-Content-SHA256"), body);
      List<IngestResult> results = new ArrayList<>();
      for (MultipartStream.Part part = declared.next(); part != null; part = declared.next()) {
        if (!results.isEmpty() && declared.value() != null) {
          throw ApiError.badRequest("checksum_needs_one_file", "A declared sha256 needs exactly one file");
        }
        try (InputStream content = part.content()) {
          results.add(ports.imports().ingestWithChecksumAfter(content, part.filename(), declared::afterFile, priority,
              batch, RequestGuards.caller(ctx)));
        }
      }
      if (results.isEmpty()) throw ApiError.badRequest("no_files", "The request holds no files");
      respond(ctx, results);
    }
  }

  /**
   * The shoot the files join: {@code ?shoot=NAME&source=folder|files|device} when the client names
   * one (the command line names its folder), else one per device and session, named for the device.
   * {@code ?includeDeleted=true} brings back photos deleted for good before.
   */
  private static ImportBatch batch(Context ctx) {
    Caller caller = RequestGuards.caller(ctx);
    String name = ctx.queryParam("shoot");
    ShootSource source = Params.enumQuery(ctx, "source", ShootSource.class);
    if (source == null) source = caller.isAdmin() && name != null ? ShootSource.FILES : ShootSource.DEVICE;
    if (name == null || name.isBlank()) name = caller.name();
    return ImportBatch.shoot(name, source).includingDeleted("true".equalsIgnoreCase(ctx.queryParam("includeDeleted")));
  }

  /**
   * {@code ?priority=bulk} says the files are part of a large import: their work goes behind
   * photos uploaded one at a time. A caller can only lower its own work this way, so any token may.
   */
  private static JobPriority priority(Context ctx) {
    String raw = ctx.queryParam("priority");
    if (raw == null || raw.isBlank() || raw.trim().equalsIgnoreCase("fresh")) return JobPriority.FRESH;
    if (raw.trim().equalsIgnoreCase("bulk")) return JobPriority.BULK;
    throw ApiError.badRequest("invalid_parameter", "priority must be fresh or bulk");
  }

  /**
   * The checksum a client declares: the X-Content-SHA256 header, or a {@code sha256} field
   * before or after the one file. The fields after a file are read as soon as the file's bytes
   * end, before the photo is committed, so a mismatch stores nothing. A checksum with several
   * files is refused when it is seen: files before it (streamed, not held back) are kept.
   */
  private static final class Declared {
    private final String header;
    private final MultipartStream body;
    private String field;
    private MultipartStream.Part pendingFile;
    private boolean ended;
    private int files;

    Declared(String header, MultipartStream body) {
      this.header = header;
      this.body = body;
    }

    /** The next file part, reading the plain fields on the way. */
    MultipartStream.Part next() throws IOException {
      if (pendingFile != null) {
        MultipartStream.Part file = pendingFile;
        pendingFile = null;
        return file;
      }
      if (ended) return null;
      for (MultipartStream.Part part = body.next(); part != null; part = body.next()) {
        if (part.isFile()) {
          files++;
          return part;
        }
        String value = MultipartStream.text(part);
        if (part.name().equals("sha256")) field = value;
      }
      ended = true;
      return null;
    }

    /** Called when a file's bytes have ended: reads ahead to the next file (or the end), then answers. */
    String afterFile() {
      try {
        pendingFile = next();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      String declared = value();
      if (declared != null && (pendingFile != null || files > 1)) {
        throw ApiError.badRequest("checksum_needs_one_file", "A declared sha256 needs exactly one file");
      }
      return declared;
    }

    String value() {
      String declared = header != null ? header : field;
      if (declared == null || declared.isBlank()) return null;
      if (!declared.trim().matches("[0-9a-fA-F]{64}")) throw ApiError.badRequest("invalid_checksum", "sha256 must be 64 hex digits");
      return declared.trim();
    }
  }

  private static void respond(Context ctx, List<IngestResult> results) {
    if (results.size() == 1 && results.get(0) instanceof IngestResult.Rejected rejected) {
      throw new ApiError(RejectionStatus.of(rejected.code()), rejected.code(), rejected.reason());
    }
    List<Map<String, Object>> items = results.stream().map(UploadController::item).toList();
    boolean anyStored = results.stream().anyMatch(r -> r instanceof IngestResult.Stored);
    Map<String, Object> body = new LinkedHashMap<>();
    if (results.size() == 1) body.putAll(items.get(0));
    body.put("results", items);
    ctx.status(anyStored ? 201 : 200).json(body);
  }

  private static Map<String, Object> item(IngestResult result) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("name", result.name());
    switch (result) {
      case IngestResult.Stored s -> {
        item.put("duplicate", false);
        item.put("image", dto(s.image()));
      }
      case IngestResult.Duplicate d -> {
        item.put("duplicate", true);
        item.put("image", dto(d.existing()));
      }
      case IngestResult.Restored r -> { // the photo was held already, but had lost its original
        item.put("duplicate", true);
        item.put("restored", true);
        item.put("image", dto(r.image()));
      }
      case IngestResult.Skipped s -> {
        item.put("duplicate", false);
        item.put("skipped", Map.of("reason", "deleted", "message", s.reason(), "deletedAt", s.deletedAt().toString()));
      }
      case IngestResult.Rejected r -> item.put("error", Map.of("code", r.code(), "message", r.reason()));
    }
    return item;
  }

  private static ImageDto dto(Image image) {
    return ImageDto.of(image, List.of());
  }
}
