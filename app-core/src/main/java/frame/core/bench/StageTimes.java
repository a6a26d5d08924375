package frame.core.bench;

import frame.core.image.ImageFormat;
import frame.core.media.DecodeBudget;
import frame.core.media.DecodedImage;
import frame.core.media.ImageDecoder;
import frame.core.media.JpegWriter;
import frame.core.media.PhotoMetadata;
import frame.core.media.Renditions;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Milliseconds per image for each stage of the pipeline, run one after another on one thread. */
public final class StageTimes {
  private StageTimes() {}

  public static Map<String, Double> measure(List<Path> photos) throws IOException, NoSuchAlgorithmException {
    ImageDecoder decoder = new ImageDecoder(Long.MAX_VALUE, new DecodeBudget(10_000, Duration.ofMinutes(5)));
    long hash = 0, decode = 0, resize = 0, encode = 0, exif = 0;
    OutputStream sink = OutputStream.nullOutputStream();
    for (Path photo : photos) {
      long t0 = System.nanoTime();
      MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(photo));
      long t1 = System.nanoTime();
      DecodedImage decoded = decoder.decode(photo, ImageFormat.JPEG, Renditions.PREVIEW_LONGEST_SIDE);
      long t2 = System.nanoTime();
      BufferedImage preview = Renditions.preview(decoded);
      BufferedImage square = Renditions.centreSquare(preview);
      BufferedImage[] thumbs = new BufferedImage[Renditions.THUMBNAIL_SIZES.length];
      for (int i = 0; i < thumbs.length; i++) {
        square = Renditions.scaledSquare(square, Renditions.THUMBNAIL_SIZES[i]);
        thumbs[i] = square;
      }
      long t3 = System.nanoTime();
      JpegWriter.write(preview, Renditions.PREVIEW_QUALITY, true, sink);
      for (BufferedImage thumb : thumbs) JpegWriter.write(thumb, Renditions.THUMBNAIL_QUALITY, false, sink);
      long t4 = System.nanoTime();
      PhotoMetadata.read(photo);
      long t5 = System.nanoTime();
      hash += t1 - t0;
      decode += t2 - t1;
      resize += t3 - t2;
      encode += t4 - t3;
      exif += t5 - t4;
    }
    double n = photos.size() * 1e6;
    Map<String, Double> ms = new LinkedHashMap<>();
    ms.put("hash (SHA-256)", hash / n);
    ms.put("decode (scaled in the DCT to >= 2000 px)", decode / n);
    ms.put("resize (preview + 4 thumbnails)", resize / n);
    ms.put("encode (progressive preview + 4 thumbnails)", encode / n);
    ms.put("EXIF", exif / n);
    return ms;
  }
}
