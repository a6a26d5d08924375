package frame.core;

import frame.core.api.bench.Benchmarks;
import frame.core.api.library.ImageFormat;
import frame.core.ingest.FormatSniffer;
import frame.core.media.DecodeBudget;
import frame.core.media.DecodedImage;
import frame.core.media.ImageDecoder;
import frame.core.media.ImageHeader;
import frame.core.media.JpegWriter;
import frame.core.media.PhotoMetadata;
import frame.core.media.Renditions;
import frame.core.media.jpeg.JpegDecoding;
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
      JpegWriter.write(preview, Renditions.PREVIEW_QUALITY, true, sink);
      long t5 = System.nanoTime();
      for (BufferedImage thumbnail : thumbnails) JpegWriter.write(thumbnail, Renditions.THUMBNAIL_QUALITY, false, sink);
      long t6 = System.nanoTime();
      PhotoMetadata.read(photo);
      long t7 = System.nanoTime();
      ImageHeader header = ImageHeader.read(photo, format);
      return new Benchmarks.PhotoStages(photo, header.width(), header.height(), pathOf(photo, format, header),
          decoded.iccProfile().isPresent(), ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3), ms(t5 - t4),
          ms(t6 - t5), ms(t7 - t6));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Which decoder the pipeline's decode takes for this file (decoding it once more to find out). */
  private static String pathOf(Path photo, ImageFormat format, ImageHeader header) throws IOException {
    if (format != ImageFormat.JPEG) return "ImageIO (" + format + ")";
    Optional<JpegDecoding.Result> fast = JpegDecoding.decode(Files.readAllBytes(photo), header.width(), header.height(),
        Renditions.PREVIEW_LONGEST_SIDE);
    return fast.map(r -> switch (r.path()) {
      case TURBO -> "libjpeg-turbo";
      case JAVA -> "Java decoder";
      case IMAGEIO -> "ImageIO";
    }).orElse("ImageIO");
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
      ImageFormat format = formatOf(photo).orElseThrow();
      ImageHeader header = ImageHeader.read(photo, format);
      byte[] bytes = Files.readAllBytes(photo);
      long t0 = System.nanoTime();
      BufferedImage pixels = JpegDecoding.decode(bytes, header.width(), header.height(), Renditions.PREVIEW_LONGEST_SIDE)
          .map(JpegDecoding.Result::pixels).orElseThrow(() -> new IOException("no fast decoder takes " + photo));
      long t1 = System.nanoTime();
      BufferedImage preview = Renditions.fit(pixels, Renditions.PREVIEW_LONGEST_SIDE);
      long t2 = System.nanoTime();
      JpegWriter.write(preview, Renditions.PREVIEW_QUALITY, true, OutputStream.nullOutputStream());
      long t3 = System.nanoTime();
      return ms((t1 - t0) + (t3 - t2));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String codec() {
    return TurboJpeg.available().map(t -> "libjpeg-turbo (" + t.library() + ")").orElse("FRAME's Java codec");
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
