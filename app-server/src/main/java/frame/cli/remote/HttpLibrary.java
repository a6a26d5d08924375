package frame.cli.remote;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import frame.core.api.FrameLibrary;
import frame.core.api.ImageDetails;
import frame.core.api.Library;
import frame.core.api.culling.CullFilter;
import frame.core.api.library.Image;
import frame.core.api.library.ImageFiles;
import frame.core.api.library.ImageQuery;
import frame.core.api.library.ImageState;
import frame.core.api.library.LibraryQuery;
import frame.server.dto.ImageDto;
import frame.server.dto.Page;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link Library} over {@code /api/images}; the files are read where they are, on this machine. */
final class HttpLibrary implements Library {
  private final LoopbackClient api;

  HttpLibrary(LoopbackClient api) {
    this.api = api;
  }

  @Override
  public List<Image> list(ImageQuery query) {
    return page(query).items().stream().map(LoopbackClient::image).toList();
  }

  @Override
  public long count(ImageQuery query) {
    return page(new ImageQuery(query.state(), 1, 0, query.cull())).total();
  }

  @Override
  public long countIn(ImageState state) {
    return page(new ImageQuery(state, 1, 0)).total();
  }

  private Page<ImageDto> page(ImageQuery query) {
    CullFilter cull = query.cull();
    String flag = cull.flags() == null ? null : switch (cull.flags()) {
      case PICKS -> "pick";
      case REJECTS -> "reject";
      case UNFLAGGED -> "none";
    };
    return api.get("/api/images" + LoopbackClient.params("status", query.state(), "limit", query.limit(),
        "offset", query.offset(), "flag", flag, "unrated", cull.unratedOnly() ? "true" : null,
        "minRating", cull.minRating() > 0 ? cull.minRating() : null, "shoot", cull.shoot(),
        "sort", query.order().wire(), "stacks", cull.stacks().folded() ? cull.stacks().wire() : null),
        new TypeReference<>() {});
  }

  @Override
  public Image image(long id) {
    return LoopbackClient.image(api.get("/api/images/" + id, new TypeReference<JsonNode>() {}).get("image"));
  }

  @Override
  public ImageFiles files(Image image) {
    // a job's photo comes without its checksum, which names its files: ask for the whole photo
    Image whole = image.sha256() == null ? image(image.id()) : image;
    return FrameLibrary.filesIn(api.config(), whole);
  }

  @Override
  public List<Image> browse(LibraryQuery query, int offset, int limit) {
    throw LoopbackClient.notOverTheApi("Browsing with a filter and an order");
  }

  @Override
  public long count(LibraryQuery query) {
    throw LoopbackClient.notOverTheApi("Counting with a filter");
  }

  @Override
  public List<Long> ids(LibraryQuery query) {
    throw LoopbackClient.notOverTheApi("Selecting every match");
  }

  @Override
  public Map<ImageState, Long> countsByState() {
    throw LoopbackClient.notOverTheApi("Counting photos by state");
  }

  @Override
  public Optional<Image> bySha256(String sha256) {
    throw LoopbackClient.notOverTheApi("Finding a photo by checksum");
  }

  @Override
  public ImageDetails details(long id) {
    throw LoopbackClient.notOverTheApi("A photo's details");
  }

  @Override
  public BufferedImage decodeOriginal(long id) {
    throw LoopbackClient.notOverTheApi("Decoding an original");
  }
}
