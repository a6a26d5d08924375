package frame.server;

import frame.server.error.ApiError;

import frame.core.api.library.RenditionSizes;
import frame.core.api.Ports;
import frame.core.api.culling.ImageMarks;
import frame.core.api.ImageDetails;
import frame.core.api.library.Image;
import frame.core.api.library.ImageQuery;
import frame.core.api.library.LibraryOrder;
import frame.core.api.library.ImageState;
import frame.core.api.jobs.Job;
import frame.server.dto.ImageDto;
import frame.server.dto.JobDto;
import frame.server.dto.Page;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Images: the list, one image in full, and its pictures as bytes. */
final class ImagesController {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

  private final Ports ports;

  ImagesController(Ports ports) {
    this.ports = ports;
  }

  void list(Context ctx) {
    ImageState status = Params.enumQuery(ctx, "status", ImageState.class);
    int limit = Params.intQuery(ctx, "limit", 50, 1, 1000);
    int offset = Params.intQuery(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    String sort = ctx.queryParam("sort");
    LibraryOrder order = sort == null || sort.isBlank() ? LibraryOrder.ADDED_NEWEST
        : Params.orBadRequest("sort must be one of added, taken, taken-oldest, sharpness, stacks", LibraryOrder::parse, sort);
    ImageQuery query = new ImageQuery(status, limit, offset, CullingController.filter(ctx), order);
    List<Image> images = ports.library().list(query);
    List<Long> ids = images.stream().map(Image::id).toList();
    Map<Long, List<Job>> active = ports.jobs().activeFor(ids);
    Map<Long, ImageMarks> marks = ports.culling().marks(ids);
    List<ImageDto> items = images.stream()
        .map(i -> ImageDto.of(i, active.getOrDefault(i.id(), List.of())).withMarks(marks.get(i.id()))).toList();
    ctx.json(new Page<>(items, ports.library().count(query), limit, offset));
  }

  void get(Context ctx) {
    ImageDetails details = ports.library().details(Params.id(ctx, "id"));
    List<Job> active = details.jobs().stream().filter(j -> j.state().isActive()).toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("image", ImageDto.of(details.image(), active)
        .withMarks(ports.culling().marks(List.of(details.image().id())).get(details.image().id())));
    body.put("lookAlikes", ports.culling().lookAlikes(details.image().id()).stream().map(a -> a.describe()).toList());
    body.put("exif", details.exif().orElse(null));
    body.put("camera", details.camera().orElse(null));
    body.put("dateTaken", details.dateTaken().orElse(null));
    body.put("previewNote", details.previewNote().orElse(null));
    body.put("jobs", details.jobs().stream().map(j -> JobDto.of(j, null)).toList());
    body.put("copies", ports.archive().copies(details.image().id()));
    ctx.json(body);
  }

  void thumbnail(Context ctx) {
    long id = Params.id(ctx, "id");
    int size = thumbnailSize(ctx.pathParam("size"));
    Image image = ports.library().image(id);
    FileResponses.send(ctx, ports.library().files(image).thumbnails().get(size), "image/jpeg", image.sha256() + "-t" + size);
  }

  /** One of the sizes made; anything else, a number or not, is {@code invalid_size}. */
  private static int thumbnailSize(String raw) {
    for (int size : RenditionSizes.thumbnails()) {
      if (Integer.toString(size).equals(raw)) return size;
    }
    throw ApiError.badRequest("invalid_size", "size must be one of " + Arrays.toString(RenditionSizes.thumbnails()));
  }

  void preview(Context ctx) {
    Image image = ports.library().image(Params.id(ctx, "id"));
    FileResponses.send(ctx, ports.library().files(image).preview(), "image/jpeg", image.sha256() + "-p");
  }

  void original(Context ctx) {
    Image image = ports.library().image(Params.id(ctx, "id"));
    // The sniffed type, never the client's claim: a stored "photo" can't be served as HTML.
    ctx.header("Content-Disposition",
        "inline; filename*=UTF-8''" + URLEncoder.encode(image.originalName(), StandardCharsets.UTF_8).replace("+", "%20"));
    FileResponses.send(ctx, ports.library().original(image), image.format().mediaType(), image.sha256());
  }

  void byChecksum(Context ctx) {
    String sha256 = ctx.pathParam("sha256");
    if (!SHA256.matcher(sha256).matches()) throw ApiError.badRequest("invalid_checksum", "Not a SHA-256 hex digest");
    Image image = ports.library().bySha256(sha256.toLowerCase()).orElseThrow(() -> ApiError.notFound("No image with that SHA-256"));
    ctx.header("X-Image-Id", Long.toString(image.id()));
    ctx.header("Location", "/api/images/" + image.id());
    ctx.status(200);
  }
}
