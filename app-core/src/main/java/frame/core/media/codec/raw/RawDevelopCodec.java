package frame.core.media.codec.raw;

import frame.core.api.FrameException;
import frame.core.api.library.RenditionSizes;
import frame.core.media.codec.Codec;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Camera RAW with LibRaw at hand: the camera's embedded JPEG preview when it is at least as large
 * as FRAME's preview (most RAWs: fast, and the camera's own rendering), otherwise the sensor data
 * developed by LibRaw, so a small preview (a DNG converter's 1024 px) does not decide how sharp a
 * photo looks. When LibRaw cannot develop a file, its embedded preview is shown and the image
 * details say why.
 */
public final class RawDevelopCodec implements Codec {
  private static final RawPreviewCodec EMBEDDED = new RawPreviewCodec();

  private final RawDeveloper developer;

  public RawDevelopCodec(LibRaw raw) {
    this.developer = new RawDeveloper(raw);
  }

  /** How one file is shown: its embedded preview, or developed at {@code developed}; {@code whyNot} when it could not be. */
  private record Plan(Optional<EmbeddedPreview> preview, Optional<Size> developed, String whyNot) {}

  @Override
  public String description() {
    return "camera RAW (DNG, CR2, CR3, NEF, ARW, ORF, RAF, RW2, PEF, SRW): embedded previews (Java), LibRaw "
        + developer.version() + " (native) where the preview is under " + RenditionSizes.PREVIEW_LONGEST_SIDE + " px";
  }

  @Override
  public Size header(Path file) {
    Plan plan = plan(file);
    if (plan.developed().isPresent()) return plan.developed().get();
    EmbeddedPreview preview = plan.preview().orElseThrow(() -> noPreview(plan));
    return new Size(preview.width(), preview.height());
  }

  @Override
  public Picture decode(Path file, Size header, long maxPixels, int longest) {
    Plan plan = plan(file);
    if (plan.developed().isPresent()) {
      try {
        return new Picture(developer.develop(file, maxPixels), 1, Optional.empty());
      } catch (FrameException e) {
        if (plan.preview().isEmpty() || !e.code().equals("raw_not_developed")) throw e;
        // the note in the image details says why: the embedded preview is better than nothing
      }
    }
    if (plan.preview().isEmpty()) throw noPreview(plan);
    return EMBEDDED.decode(file, header, maxPixels, longest);
  }

  @Override
  public Optional<String> note(Path file) {
    Plan plan = plan(file);
    if (plan.preview().isEmpty()) {
      return plan.developed().map(size -> "This RAW has no embedded preview; FRAME developed it with LibRaw %s at %d x %d"
          .formatted(developer.version(), size.width(), size.height()));
    }
    EmbeddedPreview preview = plan.preview().get();
    if (Math.max(preview.width(), preview.height()) >= RenditionSizes.PREVIEW_LONGEST_SIDE) return Optional.empty();
    String embedded = "The camera embedded only a %d x %d preview in this RAW".formatted(preview.width(), preview.height());
    if (plan.developed().isPresent()) {
      Size size = plan.developed().get();
      return Optional.of(embedded + "; FRAME developed the RAW itself with LibRaw %s at %d x %d"
          .formatted(developer.version(), size.width(), size.height()));
    }
    return Optional.of(embedded + "; FRAME shows it at that size, since " + plan.whyNot());
  }

  private Plan plan(Path file) {
    Optional<EmbeddedPreview> preview;
    String noPreview = null;
    try {
      preview = Optional.of(RawPreviews.largest(file));
    } catch (FrameException e) {
      preview = Optional.empty();
      noPreview = e.getMessage();
    }
    int previewLongest = preview.map(p -> Math.max(p.width(), p.height())).orElse(0);
    if (previewLongest >= RenditionSizes.PREVIEW_LONGEST_SIDE) return new Plan(preview, Optional.empty(), null);
    try {
      Size developed = developer.size(file);
      if (Math.max(developed.width(), developed.height()) > previewLongest) return new Plan(preview, Optional.of(developed), null);
      return new Plan(preview, Optional.empty(), "its sensor data (%d x %d) is no larger".formatted(developed.width(), developed.height()));
    } catch (FrameException e) {
      String why = "LibRaw cannot develop it (" + e.getMessage() + ")";
      return new Plan(preview, Optional.empty(), noPreview == null ? why : noPreview + "; " + why);
    }
  }

  private static FrameException noPreview(Plan plan) {
    return new FrameException("raw_no_preview", "This RAW file has no embedded JPEG preview FRAME can show, and "
        + plan.whyNot(), true);
  }
}
