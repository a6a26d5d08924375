package frame.core;

import frame.core.api.bench.Benchmarks;
import frame.core.api.library.ImageFormat;
import frame.core.ingest.FormatSniffer;
import frame.core.media.DecodeBudget;
import frame.core.media.DecodedImage;
import frame.core.media.ImageDecoder;
import frame.core.media.ImageHeader;
import frame.core.media.PhotoMetadata;
import frame.core.media.Renditions;
import frame.core.media.codec.jpeg.JpegCodec;
import frame.core.media.turbo.TurboJpeg;
import frame.core.pipeline.WorkingImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The pipeline's stages timed one by one on one thread, and the codec's limit (see {@link Benchmarks}). */
final class StageTimings {
  private static final ImageDecoder DECODER = new ImageDecoder(Long.MAX_VALUE, new DecodeBudget(10_000, Duration.ofMinutes(5)));

  private static final JpegCodec JPEG = new JpegCodec();

  private StageTimings() {}

  static List<Benchmarks.PhotoStages> measure(List<Path> photos) {
    List<Benchmarks.PhotoStages> stages = new ArrayList<>();
    for (Path photo : photos) measureOne(photo); // JIT warm-up, not kept
    for (Path photo : photos) stages.add(measureOne(photo));
    return stages;
  }

  private static Benchmarks.PhotoStages measureOne(Path photo) {
    try {
      ImageFormat format = formatOf(photo).orElseThrow(() -> new IOException("not a photo FRAME takes: " + photo));
      OutputStream sink = OutputStream.nullOutputStream();
      long t0 = System.nanoTime();
      MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(photo));
      long t1 = System.nanoTime();
      DecodedImage decoded = DECODER.decode(photo, format, Renditions.PREVIEW_LONGEST_SIDE);
      long t2 = System.nanoTime();
      DecodedImage working = WorkingImages.working(decoded);
      long t3 = System.nanoTime();
      BufferedImage preview = Renditions.preview(working);
      BufferedImage source = Renditions.centreSquare(working.pixels());
      List<BufferedImage> thumbnails = new ArrayList<>();
      for (int size : Renditions.THUMBNAIL_SIZES) {
        BufferedImage square = Renditions.scaledSquare(source, size);
        thumbnails.add(working.orientation().apply(square));
        source = square;
      }
      long t4 = System.nanoTime();
      Renditions.writePreview(preview, sink);
      long t5 = System.nanoTime();
      for (BufferedImage thumbnail : thumbnails) Renditions.writeThumbnail(thumbnail, sink);
      long t6 = System.nanoTime();
      PhotoMetadata.read(photo);
      long t7 = System.nanoTime();
      ImageHeader header = ImageHeader.read(photo, format);
      return new Benchmarks.PhotoStages(photo, header.width(), header.height(), pathOf(photo, format),
          decoded.iccProfile().isPresent(), ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3), ms(t5 - t4),
          ms(t6 - t5), ms(t7 - t6));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Which decoder the pipeline's decode takes for this file. */
  private static String pathOf(Path photo, ImageFormat format) throws IOException {
    if (format != ImageFormat.JPEG) return "ImageIO (" + format + ")";
    return switch (JpegCodec.decoderFor(Files.readAllBytes(photo))) {
      case LIBJPEG_TURBO -> "libjpeg-turbo";
      case IMAGEIO -> "ImageIO";
    };
  }

  static double limit(List<Path> photos) {
    double total = 0;
    for (int round = 0; round < 2; round++) { // the first round warms up
      total = 0;
      for (Path photo : photos) total += limitOne(photo);
    }
    return total / photos.size();
  }

  private static double limitOne(Path photo) {
    try {
      byte[] bytes = Files.readAllBytes(photo);
      long t0 = System.nanoTime();
      BufferedImage pixels = JPEG.decode(bytes, Long.MAX_VALUE, Renditions.PREVIEW_LONGEST_SIDE).pixels();
      long t1 = System.nanoTime();
      BufferedImage preview = Renditions.fit(pixels, Renditions.PREVIEW_LONGEST_SIDE);
      long t2 = System.nanoTime();
      Renditions.writePreview(preview, OutputStream.nullOutputStream());
      long t3 = System.nanoTime();
      return ms((t1 - t0) + (t3 - t2));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String codec() {
    return TurboJpeg.available().map(t -> "libjpeg-turbo (" + t.library() + ")").orElse("ImageIO (libjpeg-turbo not loaded)");
  }

  static Optional<ImageFormat> formatOf(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(FormatSniffer.HEAD_BYTES);
      return Optional.of(FormatSniffer.sniff(head, head.length));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
