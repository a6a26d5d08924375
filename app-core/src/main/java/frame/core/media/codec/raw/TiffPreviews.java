package frame.core.media.codec.raw;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.Optional;

/**
 * The largest JPEG preview in a TIFF-structured RAW. Cameras put it in different places: a
 * JPEGInterchangeFormat pair (NEF, ARW, PEF, CR2's thumbnail), a one-strip JPEG directory
 * (DNG previews, CR2's full-size IFD0), or Panasonic's JpgFromRaw tag; each IFD is tried for all.
 */
final class TiffPreviews {
  private static final int OLD_JPEG = 6;
  private static final int JPEG = 7;
  private static final int CFA = 32803;
  private static final int LINEAR_RAW = 34892;

  private TiffPreviews() {}

  static Optional<EmbeddedPreview> largest(FileChannel channel, long base) throws IOException {
    Tiff tiff = Tiff.read(channel, base);
    int orientation = (int) tiff.value(tiff.ifd0(), Tiff.ORIENTATION, 1);
    EmbeddedPreview best = null;
    for (Tiff.Ifd ifd : tiff.ifds()) {
      best = larger(best, candidate(channel, base + tiff.value(ifd, Tiff.JPEG_OFFSET, -1 - base),
          tiff.value(ifd, Tiff.JPEG_LENGTH, 0), orientation));
      long compression = tiff.value(ifd, Tiff.COMPRESSION, 0);
      long photometric = tiff.value(ifd, Tiff.PHOTOMETRIC, 0);
      long[] strips = tiff.values(ifd, Tiff.STRIP_OFFSETS);
      long[] counts = tiff.values(ifd, Tiff.STRIP_BYTE_COUNTS);
      if ((compression == OLD_JPEG || compression == JPEG) && photometric != CFA && photometric != LINEAR_RAW
          && strips.length == 1 && counts.length == 1) {
        best = larger(best, candidate(channel, base + strips[0], counts[0], orientation));
      }
      Tiff.Entry rw2 = ifd.entries().get(Tiff.RW2_JPEG);
      if (rw2 != null) best = larger(best, candidate(channel, rw2.valueOffset(), rw2.count(), orientation));
    }
    return Optional.ofNullable(best);
  }

  static EmbeddedPreview candidate(FileChannel channel, long offset, long length, int orientation)
      throws IOException {
    if (offset < 0 || length < 4 || length > EmbeddedPreview.MAX_BYTES || offset + length > channel.size()) return null;
    return JpegSize.of(channel, offset, length)
        .map(size -> new EmbeddedPreview(offset, length, size.width(), size.height(), orientation))
        .orElse(null);
  }

  static EmbeddedPreview larger(EmbeddedPreview a, EmbeddedPreview b) {
    if (a == null) return b;
    if (b == null) return a;
    return b.pixels() > a.pixels() ? b : a;
  }
}
