package frame.core.media;

import frame.core.api.library.ImageFormat;
import frame.core.media.codec.Codec;
import frame.core.media.codec.MissingLibrary;
import frame.core.media.codec.heif.HeifBoxes;
import frame.core.media.codec.heif.HeifCodec;
import frame.core.media.codec.heif.LibHeif;
import frame.core.media.codec.imageio.ImageIoCodec;
import frame.core.media.codec.jpeg.JpegCodec;
import frame.core.media.codec.raw.LibRaw;
import frame.core.media.codec.raw.RawDevelopCodec;
import frame.core.media.codec.raw.RawPreviewCodec;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one place a codec is chosen for a file's format: the native one through FFM when its
 * library loads, otherwise the Java one (or, for formats only a native library reads, a codec
 * that fails each photo with what to install). A native library is loaded once, at the first
 * photo that needs it. JPEG's codec picks libjpeg-turbo or ImageIO per file itself (see
 * {@link JpegCodec}); what no other choice takes, ImageIO reads.
 */
public final class Codecs {
  private static final Set<ImageFormat> HEIF = EnumSet.of(ImageFormat.HEIC, ImageFormat.HEIF, ImageFormat.AVIF);
  private static final Set<ImageFormat> RAW = EnumSet.copyOf(
      EnumSet.allOf(ImageFormat.class).stream().filter(ImageFormat::isCameraRaw).toList());
  private static final Set<ImageFormat> IMAGEIO = EnumSet.of(ImageFormat.PNG, ImageFormat.GIF, ImageFormat.BMP,
      ImageFormat.TIFF, ImageFormat.WEBP);

  private static final List<Choice> CHOICES = List.of(
      new Choice(EnumSet.of(ImageFormat.JPEG), Optional::empty, format -> new JpegCodec()),
      new Choice(HEIF, () -> LibHeif.load().map(HeifCodec::new),
          format -> new MissingLibrary(format.name(), "libheif", "libheif1", HeifBoxes::header)),
      new Choice(RAW, () -> LibRaw.load().map(RawDevelopCodec::new), format -> new RawPreviewCodec()),
      new Choice(IMAGEIO, Optional::empty, format -> new ImageIoCodec(format.imageIoName())));

  private Codecs() {}

  /** The codec that reads {@code format}. */
  public static Codec forFormat(ImageFormat format) {
    for (Choice choice : CHOICES) {
      if (choice.formats.contains(format)) return choice.codec(format);
    }
    throw new IllegalStateException("no codec for " + format);
  }

  /** One line per codec family, as {@code frame --version} shows them; loads the native libraries. */
  public static List<String> describe() {
    List<String> lines = new ArrayList<>();
    for (Choice choice : CHOICES) {
      for (ImageFormat format : choice.formats) {
        String line = choice.codec(format).description();
        if (!lines.contains(line)) lines.add(line);
      }
    }
    return lines;
  }

  /** Formats, the native codec if its library loads (tried once), and the fallback per format. */
  private static final class Choice {
    private final Set<ImageFormat> formats;
    private final Supplier<Optional<? extends Codec>> nativeCodec;
    private final Function<ImageFormat, ? extends Codec> fallback;
    private final Map<ImageFormat, Codec> fallbacks = new ConcurrentHashMap<>();
    private Optional<Codec> loaded;

    Choice(Set<ImageFormat> formats, Supplier<Optional<? extends Codec>> nativeCodec,
        Function<ImageFormat, ? extends Codec> fallback) {
      this.formats = formats;
      this.nativeCodec = nativeCodec;
      this.fallback = fallback;
    }

    Codec codec(ImageFormat format) {
      return loaded().orElseGet(() -> fallbacks.computeIfAbsent(format, fallback));
    }

    private synchronized Optional<Codec> loaded() {
      if (loaded == null) loaded = nativeCodec.get().map(codec -> codec);
      return loaded;
    }
  }
}
