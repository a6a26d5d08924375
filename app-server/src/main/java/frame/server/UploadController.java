package frame.server;

import frame.core.Frame;
import frame.core.image.Image;
import frame.core.ingest.IngestResult;
import frame.server.dto.ImageDto;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * POST /api/upload: one or more files in a multipart body, streamed to disk while hashed. One new
 * photo is 201, a duplicate 200 with {@code "duplicate": true}; a rejected single file is the
 * matching error. Several files answer one result each.
 */
final class UploadController {
  private final Frame frame;
  private final Semaphore slots;

  UploadController(Frame frame, int maxConcurrentUploads) {
    this.frame = frame;
    this.slots = new Semaphore(maxConcurrentUploads);
  }

  void upload(Context ctx) throws IOException {
    String contentType = ctx.contentType();
    if (contentType == null || !contentType.toLowerCase().startsWith("multipart/form-data")) {
      throw ApiError.badRequest("not_multipart", "Send the photos as multipart/form-data");
    }
    if (!slots.tryAcquire()) {
      ctx.header("Retry-After", "5");
      throw new ApiError(503, "busy", "Too many uploads at once; try again in a few seconds.");
    }
    try {
      List<UploadedFile> files = ctx.uploadedFiles();
      if (files.isEmpty()) throw ApiError.badRequest("no_files", "The request holds no files");
      String declared = declaredChecksum(ctx, files.size());
      List<IngestResult> results = new ArrayList<>();
      for (UploadedFile file : files) {
        try (InputStream content = file.content()) {
          results.add(frame.ingest(content, file.filename(), declared));
        }
      }
      respond(ctx, results);
    } finally {
      slots.release();
    }
  }

  private static String declaredChecksum(Context ctx, int fileCount) {
    String declared = ctx.header("X-Content-SHA256");
    if (declared == null) declared = ctx.formParam("sha256");
    if (declared == null || declared.isBlank()) return null;
    if (fileCount != 1) throw ApiError.badRequest("checksum_needs_one_file", "A declared sha256 needs exactly one file");
    if (!declared.trim().matches("[0-9a-fA-F]{64}")) throw ApiError.badRequest("invalid_checksum", "sha256 must be 64 hex digits");
    return declared.trim();
  }

  private static void respond(Context ctx, List<IngestResult> results) {
    if (results.size() == 1 && results.get(0) instanceof IngestResult.Rejected rejected) {
      throw new ApiError(statusOf(rejected.code()), rejected.code(), rejected.reason());
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
      case IngestResult.Rejected r -> item.put("error", Map.of("code", r.code(), "message", r.reason()));
    }
    return item;
  }

  private static ImageDto dto(Image image) {
    return ImageDto.of(image, List.of());
  }

  private static int statusOf(String code) {
    return switch (code) {
      case "unsupported_format" -> 415;
      case "image_too_large" -> 413;
      case "empty_file" -> 400;
      default -> 422;
    };
  }
}
