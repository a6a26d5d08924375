package frame.core.media.codec.heif;

import frame.core.api.FrameException;
import frame.core.media.codec.Codec.Size;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a HEIF file's picture size from its boxes, in Java: the primary item ({@code pitm}),
 * its {@code ispe} size and {@code irot} rotation, so the size is the one the decoded pixels
 * will have. It needs no native library, so a HEIC is taken in and checked against the pixel
 * limit even where libheif is missing, and nothing native touches a file before that check.
 */
public final class HeifBoxes {
  private static final int MAX_META_BYTES = 16 << 20;
  private static final int MAX_EXIF_BYTES = 4 << 20;

  private HeifBoxes() {}

  public static Size header(Path file) {
    try (FileChannel channel = FileChannel.open(file)) {
      ByteBuffer meta = metaBox(channel);
      meta.position(4); // version and flags
      int primary = -1;
      ByteBuffer iprp = null;
      for (Box box : children(meta)) {
        if (box.is("pitm")) primary = box.body.get(0) == 0 ? box.body.getShort(4) & 0xFFFF : box.body.getInt(4);
        if (box.is("iprp")) iprp = box.body;
      }
      if (primary < 0 || iprp == null) throw FrameException.corrupt("its HEIF structure names no primary image", null);
      return primarySize(iprp, primary);
    } catch (IOException | RuntimeException e) {
      if (e instanceof FrameException fe) throw fe;
      throw FrameException.corrupt("its HEIF header cannot be read (" + e + ")", e);
    }
  }

  /**
   * The primary image's EXIF block as a TIFF structure, found through {@code iinf} (the item
   * typed "Exif") and {@code iloc} (where its bytes are); empty when there is none or it is not
   * stored plainly in the file. metadata-extractor reads HEIC's EXIF but not AVIF's.
   */
  public static Optional<byte[]> exif(Path file) {
    try (FileChannel channel = FileChannel.open(file)) {
      ByteBuffer meta = metaBox(channel);
      meta.position(4);
      List<Box> boxes = children(meta);
      int item = -1;
      for (Box box : boxes) if (box.is("iinf")) item = exifItem(box.body);
      if (item < 0) return Optional.empty();
      for (Box box : boxes) {
        if (box.is("iloc")) {
          Optional<byte[]> data = ItemLocations.read(channel, box.body, item, MAX_EXIF_BYTES);
          if (data.isEmpty() || data.get().length < 8) return Optional.empty();
          ByteBuffer block = ByteBuffer.wrap(data.get());
          long tiffAt = 4 + Integer.toUnsignedLong(block.getInt(0));
          if (tiffAt >= block.limit()) return Optional.empty();
          return Optional.of(java.util.Arrays.copyOfRange(data.get(), (int) tiffAt, block.limit()));
        }
      }
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // damaged metadata leaves the photo without EXIF, never fails it
    }
  }

  private static int exifItem(ByteBuffer iinf) {
    iinf.position(iinf.get(0) == 0 ? 6 : 8);
    for (Box infe : children(iinf)) {
      if (!infe.is("infe")) continue;
      int version = infe.body.get(0);
      if (version < 2) continue;
      int id = version == 2 ? infe.body.getShort(4) & 0xFFFF : infe.body.getInt(4);
      int typeAt = version == 2 ? 8 : 10;
      if (infe.body.limit() >= typeAt + 4 && type(infe.body, typeAt).equals("Exif")) return id;
    }
    return -1;
  }

  private static Size primarySize(ByteBuffer iprp, int primary) {
    List<Box> properties = List.of();
    List<Integer> assigned = new ArrayList<>();
    for (Box box : children(iprp)) {
      if (box.is("ipco")) properties = children(box.body);
      if (box.is("ipma")) assigned.addAll(propertiesOf(box.body, primary));
    }
    int width = 0;
    int height = 0;
    int quarterTurns = 0;
    for (int index : assigned) {
      if (index < 1 || index > properties.size()) continue;
      Box property = properties.get(index - 1);
      if (property.is("ispe") && property.body.limit() >= 12) {
        width = property.body.getInt(4);
        height = property.body.getInt(8);
      }
      if (property.is("irot") && property.body.limit() >= 1) quarterTurns = property.body.get(0) & 3;
    }
    if (width <= 0 || height <= 0) throw FrameException.corrupt("its HEIF primary image declares no size", null);
    return quarterTurns % 2 == 1 ? new Size(height, width) : new Size(width, height);
  }

  /** The 1-based property indices the ipma box assigns to {@code item}. */
  private static List<Integer> propertiesOf(ByteBuffer ipma, int item) {
    int version = ipma.get(0);
    boolean wideIndices = (ipma.get(3) & 1) != 0;
    ipma.position(4);
    long entries = Integer.toUnsignedLong(ipma.getInt());
    List<Integer> indices = new ArrayList<>();
    for (long e = 0; e < entries && ipma.hasRemaining(); e++) {
      int id = version < 1 ? ipma.getShort() & 0xFFFF : ipma.getInt();
      int count = ipma.get() & 0xFF;
      for (int a = 0; a < count; a++) {
        int index = wideIndices ? ipma.getShort() & 0x7FFF : ipma.get() & 0x7F;
        if (id == item) indices.add(index);
      }
    }
    return indices;
  }

  private static ByteBuffer metaBox(FileChannel channel) throws IOException {
    long position = 0;
    long size = channel.size();
    for (int boxes = 0; position + 8 <= size && boxes < 1000; boxes++) {
      ByteBuffer head = read(channel, position, 16 <= size - position ? 16 : 8);
      long length = Integer.toUnsignedLong(head.getInt(0));
      String type = type(head, 4);
      int headerLength = 8;
      if (length == 1 && head.limit() == 16) {
        length = head.getLong(8);
        headerLength = 16;
      } else if (length == 0) {
        length = size - position;
      }
      if (length < headerLength || position + length > size) break;
      if (type.equals("meta")) {
        if (length - headerLength > MAX_META_BYTES) throw FrameException.corrupt("its HEIF meta box is implausibly large", null);
        return read(channel, position + headerLength, (int) (length - headerLength));
      }
      position += length;
    }
    throw FrameException.corrupt("it has no HEIF meta box", null);
  }

  private record Box(String type, ByteBuffer body) {
    boolean is(String name) {
      return type.equals(name);
    }
  }

  /** The boxes inside {@code parent} from its current position; a box that overruns ends the list. */
  private static List<Box> children(ByteBuffer parent) {
    List<Box> boxes = new ArrayList<>();
    int position = parent.position();
    while (position + 8 <= parent.limit() && boxes.size() < 10_000) {
      long length = Integer.toUnsignedLong(parent.getInt(position));
      if (length < 8 || position + length > parent.limit()) break;
      ByteBuffer body = parent.slice(position + 8, (int) length - 8);
      boxes.add(new Box(type(parent, position + 4), body));
      position += (int) length;
    }
    return boxes;
  }

  private static String type(ByteBuffer buffer, int at) {
    char[] c = new char[4];
    for (int i = 0; i < 4; i++) c[i] = (char) (buffer.get(at + i) & 0xFF);
    return new String(c);
  }

  static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) throw FrameException.corrupt("it ends inside a HEIF box", null);
    }
    return buffer.flip();
  }
}
