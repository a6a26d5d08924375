package frame.core.media.codec.raw;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Canon CR3, an ISO media file: the full-size JPEG is the first sample of the first track
 * ({@code moov/trak/mdia/minf/stbl}: {@code co64} and {@code stsz}), a 1620 px one sits in the
 * {@code PRVW} box, and IFD0 with the orientation is the TIFF structure in {@code CMT1}.
 */
public final class Cr3Preview {
  private Cr3Preview() {}

  record Box(String type, long body, long end) {}

  static Optional<EmbeddedPreview> largest(FileChannel channel) throws IOException {
    List<Box> top = children(channel, 0, channel.size());
    Box moov = find(top, "moov");
    if (moov == null) return Optional.empty();
    int orientation = orientation(channel, moov);
    EmbeddedPreview best = null;
    for (Box box : top) {
      if (box.type().equals("uuid")) best = TiffPreviews.larger(best, prvw(channel, box, orientation));
    }
    Box trak = find(children(channel, moov.body(), moov.end()), "trak");
    Box stbl = path(channel, trak, "mdia", "minf", "stbl");
    if (stbl != null) best = TiffPreviews.larger(best, firstSample(channel, stbl, orientation));
    return Optional.ofNullable(best);
  }

  /** The CMTn boxes' TIFF structures: CMT1 is IFD0, CMT2 the EXIF IFD, CMT4 the GPS IFD. */
  public static java.util.Map<String, byte[]> metadataBlocks(java.nio.file.Path file) {
    java.util.Map<String, byte[]> blocks = new java.util.LinkedHashMap<>();
    try (FileChannel channel = FileChannel.open(file)) {
      Box moov = find(children(channel, 0, channel.size()), "moov");
      if (moov == null) return blocks;
      for (Box box : children(channel, moov.body(), moov.end())) {
        if (!box.type().equals("uuid")) continue;
        for (Box cmt : children(channel, box.body() + 16, box.end())) {
          long length = cmt.end() - cmt.body();
          if (cmt.type().startsWith("CMT") && length > 8 && length < (1 << 20)) {
            blocks.put(cmt.type(), Tiff.readAt(channel, cmt.body(), (int) length, ByteOrder.BIG_ENDIAN).array());
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // damaged metadata leaves the photo without EXIF, never fails it
    }
    return blocks;
  }

  private static int orientation(FileChannel channel, Box moov) throws IOException {
    for (Box box : children(channel, moov.body(), moov.end())) {
      if (!box.type().equals("uuid")) continue;
      Box cmt1 = find(children(channel, box.body() + 16, box.end()), "CMT1");
      if (cmt1 == null) continue;
      try {
        Tiff tiff = Tiff.read(channel, cmt1.body());
        return (int) tiff.value(tiff.ifd0(), Tiff.ORIENTATION, 1);
      } catch (RuntimeException e) {
        return 1;
      }
    }
    return 1;
  }

  /** A uuid box holding a PRVW box: 16 bytes of fields, then the JPEG's length and the JPEG. */
  private static EmbeddedPreview prvw(FileChannel channel, Box uuid, int orientation) throws IOException {
    Box prvw = find(children(channel, uuid.body() + 24, uuid.end()), "PRVW");
    if (prvw == null || prvw.body() + 16 > prvw.end()) return null;
    long length = Integer.toUnsignedLong(Tiff.readAt(channel, prvw.body() + 12, 4, ByteOrder.BIG_ENDIAN).getInt(0));
    return TiffPreviews.candidate(channel, prvw.body() + 16, Math.min(length, prvw.end() - prvw.body() - 16), orientation);
  }

  private static EmbeddedPreview firstSample(FileChannel channel, Box stbl, int orientation) throws IOException {
    List<Box> tables = children(channel, stbl.body(), stbl.end());
    Box stsz = find(tables, "stsz");
    Box co64 = find(tables, "co64");
    if (stsz == null || co64 == null || stsz.body() + 16 > stsz.end() || co64.body() + 16 > co64.end()) return null;
    ByteBuffer sizes = Tiff.readAt(channel, stsz.body(), 16, ByteOrder.BIG_ENDIAN);
    long length = sizes.getInt(4) != 0 ? Integer.toUnsignedLong(sizes.getInt(4)) : Integer.toUnsignedLong(sizes.getInt(12));
    long offset = Tiff.readAt(channel, co64.body() + 8, 8, ByteOrder.BIG_ENDIAN).getLong(0);
    return TiffPreviews.candidate(channel, offset, length, orientation);
  }

  private static Box path(FileChannel channel, Box from, String... types) throws IOException {
    Box box = from;
    for (String type : types) {
      if (box == null) return null;
      box = find(children(channel, box.body(), box.end()), type);
    }
    return box;
  }

  private static Box find(List<Box> boxes, String type) {
    return boxes.stream().filter(b -> b.type().equals(type)).findFirst().orElse(null);
  }

  /** The boxes between {@code start} and {@code end}; one that overruns its parent ends the list. */
  static List<Box> children(FileChannel channel, long start, long end) throws IOException {
    List<Box> boxes = new ArrayList<>();
    long position = start;
    while (position + 8 <= end && boxes.size() < 1000) {
      ByteBuffer head = Tiff.readAt(channel, position, 8, ByteOrder.BIG_ENDIAN);
      long length = Integer.toUnsignedLong(head.getInt(0));
      int headerLength = 8;
      if (length == 1) {
        if (position + 16 > end) break;
        length = Tiff.readAt(channel, position + 8, 8, ByteOrder.BIG_ENDIAN).getLong(0);
        headerLength = 16;
      } else if (length == 0) {
        length = end - position;
      }
      if (length < headerLength || position + length > end) break;
      byte[] type = new byte[4];
      head.get(4, type);
      boxes.add(new Box(new String(type, java.nio.charset.StandardCharsets.ISO_8859_1), position + headerLength, position + length));
      position += length;
    }
    return boxes;
  }
}
