package frame.core.media.codec.raw;

import frame.core.api.FrameException;
import frame.core.media.codec.Codec;
import frame.core.media.codec.jpeg.JpegCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Optional;
import frame.core.api.library.RenditionSizes;
import frame.core.media.codec.NativeLibrary;

/**
 * Camera RAW through the largest JPEG preview the camera embedded, found by our own container
 * parsing (no native library): the original stays untouched, the pixels are the camera's own
 * rendering, and the orientation comes from the RAW's metadata.
 */
public final class RawPreviewCodec implements Codec {
  private static final JpegCodec JPEG = new JpegCodec();

  @Override
  public String description() {
    return "camera RAW (DNG, CR2, CR3, NEF, ARW, ORF, RAF, RW2, PEF, SRW): embedded previews (Java)";
  }

  @Override
  public Size header(Path file) {
    EmbeddedPreview preview = RawPreviews.largest(file);
    return new Size(preview.width(), preview.height());
  }

  @Override
  public Picture decode(Path file, Size header, long maxPixels, int longest) {
    EmbeddedPreview preview = RawPreviews.largest(file);
    new Size(preview.width(), preview.height()).requireAtMost(maxPixels);
    Picture picture = JPEG.decode(bytes(file, preview), maxPixels, longest);
    return new Picture(picture.pixels(), preview.orientation(), picture.iccProfile());
  }

  /** A small embedded preview, and what would develop the RAW itself (LibRaw, not on this machine). */
  @Override
  public Optional<String> note(Path file) {
    EmbeddedPreview preview;
    try {
      preview = RawPreviews.largest(file);
    } catch (FrameException e) {
      return Optional.empty();
    }
    if (Math.max(preview.width(), preview.height()) >= RenditionSizes.PREVIEW_LONGEST_SIDE) return Optional.empty();
    String missing = NativeLibrary.hidden("libraw") ? "LibRaw is hidden by -D" + NativeLibrary.DISABLE_PROPERTY
        : "LibRaw, which would develop the RAW itself, is not installed (on Debian or Ubuntu `apt install libraw20`, "
            + "on macOS `brew install libraw`)";
    return Optional.of("The camera embedded only a %d x %d preview in this RAW; FRAME shows it at that size, since %s"
        .formatted(preview.width(), preview.height(), missing));
  }

  private static byte[] bytes(Path file, EmbeddedPreview preview) {
    try (FileChannel channel = FileChannel.open(file)) {
      ByteBuffer data = Tiff.readAt(channel, preview.offset(), (int) preview.length(), ByteOrder.BIG_ENDIAN);
      return data.array();
    } catch (IOException e) {
      throw FrameException.corrupt("its embedded preview cannot be read (" + e.getMessage() + ")", e);
    }
  }
}
