package frame.core.media.codec.raw;

import frame.core.api.library.ImageFormat;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells a TIFF-structured camera RAW from a plain TIFF by its first directory: DNG by its
 * DNGVersion tag, the others by the camera maker together with raw sensor data (a SubIFD or a
 * colour filter array), so a scanner's TIFF from the same maker stays a TIFF.
 */
public final class RawSniffer {
  private static final int CFA = 32803;

  private RawSniffer() {}

  public static Optional<ImageFormat> tiffBased(Path file) {
    try (FileChannel channel = FileChannel.open(file)) {
      Tiff tiff = Tiff.read(channel, 0);
      Tiff.Ifd ifd0 = tiff.ifd0();
      if (ifd0.has(Tiff.DNG_VERSION)) return Optional.of(ImageFormat.DNG);
      boolean sensorData = ifd0.has(Tiff.SUB_IFDS) || tiff.value(ifd0, Tiff.PHOTOMETRIC, 0) == CFA;
      if (!sensorData) return Optional.empty();
      String make = tiff.text(ifd0, Tiff.MAKE).toUpperCase(Locale.ROOT);
      if (make.startsWith("NIKON")) return Optional.of(ImageFormat.NEF);
      if (make.startsWith("SONY")) return Optional.of(ImageFormat.ARW);
      if (make.startsWith("PENTAX") || make.startsWith("RICOH")) return Optional.of(ImageFormat.PEF);
      if (make.startsWith("SAMSUNG")) return Optional.of(ImageFormat.SRW);
      if (make.startsWith("CANON")) return Optional.of(ImageFormat.CR2);
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // not a readable TIFF structure: ImageIO judges it as a TIFF
    }
  }
}
