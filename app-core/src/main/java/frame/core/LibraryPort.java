package frame.core;

import frame.core.api.FrameException;
import frame.core.api.ImageDetails;
import frame.core.api.Library;
import frame.core.api.jobs.JobQuery;
import frame.core.api.library.Image;
import frame.core.api.library.ImageFiles;
import frame.core.api.library.ImageQuery;
import frame.core.api.library.ImageState;
import frame.core.api.library.LibraryQuery;
import frame.core.api.library.RenditionSizes;
import frame.core.media.Codecs;
import frame.core.image.ImageRepository;
import frame.core.job.JobRepository;
import frame.core.library.LibraryBrowser;
import frame.core.media.DecodedImage;
import frame.core.media.ImageDecoder;
import frame.core.store.FileStore;
import frame.core.trash.Trash;
import frame.core.archive.Originals;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link Library} over the image table, the library browser, the store and the trash. */
final class LibraryPort implements Library {
  private final ImageRepository images;
  private final JobRepository jobs;
  private final LibraryBrowser browser;
  private final FileStore store;
  private final Trash trash;
  private final ImageDecoder decoder;
  private final Originals originals;

  LibraryPort(ImageRepository images, JobRepository jobs, LibraryBrowser browser, FileStore store, Trash trash,
      ImageDecoder decoder, Originals originals) {
    this.originals = originals;
    this.images = images;
    this.jobs = jobs;
    this.browser = browser;
    this.store = store;
    this.trash = trash;
    this.decoder = decoder;
  }

  @Override
  public List<Image> browse(LibraryQuery query, int offset, int limit) {
    return browser.page(query, offset, limit);
  }

  @Override
  public long count(LibraryQuery query) {
    return browser.count(query);
  }

  @Override
  public List<Long> ids(LibraryQuery query) {
    return browser.ids(query);
  }

  @Override
  public Map<ImageState, Long> countsByState() {
    return browser.countsByState();
  }

  @Override
  public List<Image> list(ImageQuery query) {
    return images.list(query);
  }

  @Override
  public long count(ImageQuery query) {
    return images.count(query);
  }

  @Override
  public long countIn(ImageState state) {
    return images.count(state);
  }

  @Override
  public Image image(long id) {
    return images.find(id).filter(image -> !trash.isRemoved(id)).orElseThrow(() -> FrameException.imageNotFound(id));
  }

  @Override
  public Optional<Image> bySha256(String sha256) {
    // a photo in the trash is not there: a phone uploads it again, which restores it
    return images.findBySha256(sha256).filter(image -> !trash.isRemoved(image.id()));
  }

  @Override
  public ImageDetails details(long id) {
    Image image = image(id);
    ImageFiles files = files(image);
    return new ImageDetails(image, images.exif(id), jobs.list(JobQuery.forImage(id)).reversed(), files,
        previewNote(image, files));
  }

  /** How a RAW is shown, as its codec tells; from the row alone while its original is not on this machine. */
  private static Optional<String> previewNote(Image image, ImageFiles files) {
    if (!image.format().isCameraRaw()) return Optional.empty();
    if (Files.isRegularFile(files.original())) return Codecs.forFormat(image.format()).note(files.original());
    if (Math.max(image.width(), image.height()) >= RenditionSizes.PREVIEW_LONGEST_SIDE) return Optional.empty();
    return Optional.of("This %s is shown at %d x %d".formatted(image.format(), image.width(), image.height()));
  }

  @Override
  public ImageFiles files(Image image) {
    return store.filesOf(image);
  }

  @Override
  public Path original(Image image) {
    try {
      return originals.local(image);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public BufferedImage decodeOriginal(long id) {
    Image image = image(id);
    DecodedImage decoded = decoder.decode(original(image), image.format(), Integer.MAX_VALUE);
    return decoded.orientation().apply(decoded.pixels());
  }
}
