package frame.core.media.codec.raw;

import frame.core.api.FrameException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The image file directories of a TIFF structure (the container of DNG, CR2, NEF, ARW, PEF,
 * SRW, ORF and RW2), read entry by entry from the file: the pixel data is never loaded. Crafted
 * files can loop IFDs into each other or declare huge counts, so both are bounded.
 */
public final class Tiff {
  public static final int NEW_SUBFILE_TYPE = 0xFE;
  public static final int COMPRESSION = 0x103;
  public static final int PHOTOMETRIC = 0x106;
  public static final int MAKE = 0x10F;
  public static final int STRIP_OFFSETS = 0x111;
  public static final int ORIENTATION = 0x112;
  public static final int STRIP_BYTE_COUNTS = 0x117;
  public static final int SUB_IFDS = 0x14A;
  public static final int JPEG_OFFSET = 0x201;
  public static final int JPEG_LENGTH = 0x202;
  public static final int EXIF_IFD = 0x8769;
  public static final int DNG_VERSION = 0xC612;
  /** Panasonic RW2: the embedded JPEG itself, as one value. */
  public static final int RW2_JPEG = 0x2E;

  private static final int MAX_IFDS = 64;
  private static final int MAX_ENTRIES = 1000;
  private static final int MAX_VALUES = 256;

  /** One entry's type, count and where its values are (or the value itself, when it fits). */
  public record Entry(int type, long count, long valueOffset) {}

  /** One directory: its entries by tag, and where it sits in the file. */
  public record Ifd(long offset, Map<Integer, Entry> entries) {
    public boolean has(int tag) {
      return entries.containsKey(tag);
    }
  }

  private final FileChannel channel;
  private final long base;
  private final ByteOrder order;
  private final List<Ifd> ifds = new ArrayList<>();

  private Tiff(FileChannel channel, long base, ByteOrder order) {
    this.channel = channel;
    this.base = base;
    this.order = order;
  }

  /** Reads the TIFF structure that starts at {@code base} in the file (0 for a plain RAW). */
  public static Tiff read(FileChannel channel, long base) throws IOException {
    ByteBuffer header = readAt(channel, base, 8, ByteOrder.LITTLE_ENDIAN);
    byte b0 = header.get(0);
    if (b0 != 'I' && b0 != 'M' || header.get(1) != b0) throw FrameException.corrupt("it has no TIFF header", null);
    Tiff tiff = new Tiff(channel, base, b0 == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    tiff.walk(Integer.toUnsignedLong(header.order(tiff.order).getInt(4)));
    return tiff;
  }

  /** IFD0 first, then the rest of the chain and every SubIFD and the EXIF IFD, each once. */
  public List<Ifd> ifds() {
    return ifds;
  }

  public Ifd ifd0() {
    if (ifds.isEmpty()) throw FrameException.corrupt("its TIFF structure has no directory", null);
    return ifds.getFirst();
  }

  private void walk(long first) throws IOException {
    List<Long> pending = new ArrayList<>(List.of(first));
    Set<Long> seen = new HashSet<>();
    while (!pending.isEmpty() && ifds.size() < MAX_IFDS) {
      long offset = pending.removeFirst();
      if (offset < 8 || !seen.add(offset) || base + offset + 2 > channel.size()) continue;
      int count = readAt(channel, base + offset, 2, order).getShort(0) & 0xFFFF;
      if (count == 0 || count > MAX_ENTRIES) continue;
      ByteBuffer table = readAt(channel, base + offset + 2, count * 12 + 4, order);
      Map<Integer, Entry> entries = new HashMap<>();
      for (int i = 0; i < count; i++) {
        int at = i * 12;
        int tag = table.getShort(at) & 0xFFFF;
        int type = table.getShort(at + 2) & 0xFFFF;
        long n = Integer.toUnsignedLong(table.getInt(at + 4));
        long size = n * typeSize(type);
        long valueOffset = size <= 4 ? base + offset + 2 + at + 8 : base + Integer.toUnsignedLong(table.getInt(at + 8));
        entries.put(tag, new Entry(type, n, valueOffset));
      }
      Ifd ifd = new Ifd(offset, entries);
      ifds.add(ifd);
      for (long sub : values(ifd, SUB_IFDS)) pending.add(sub);
      for (long exif : values(ifd, EXIF_IFD)) pending.add(exif);
      long next = Integer.toUnsignedLong(table.getInt(count * 12));
      if (next != 0) pending.addFirst(next);
    }
  }

  /** The first value of a numeric tag, or {@code otherwise}. */
  public long value(Ifd ifd, int tag, long otherwise) throws IOException {
    long[] values = values(ifd, tag);
    return values.length == 0 ? otherwise : values[0];
  }

  /** The numeric values of a tag (at most 256), empty when absent or unreadable. */
  public long[] values(Ifd ifd, int tag) throws IOException {
    Entry entry = ifd.entries().get(tag);
    if (entry == null) return new long[0];
    int size = typeSize(entry.type());
    if (size > 4 || entry.type() == 2 || entry.type() == 7) return new long[0];
    int n = (int) Math.min(entry.count(), MAX_VALUES);
    if (n == 0 || entry.valueOffset() + (long) n * size > channel.size()) return new long[0];
    ByteBuffer data = readAt(channel, entry.valueOffset(), n * size, order);
    long[] values = new long[n];
    for (int i = 0; i < n; i++) {
      values[i] = switch (size) {
        case 1 -> data.get(i) & 0xFF;
        case 2 -> data.getShort(i * 2) & 0xFFFF;
        default -> Integer.toUnsignedLong(data.getInt(i * 4));
      };
    }
    return values;
  }

  /** An ASCII tag's text (at most 64 characters), or "" when absent. */
  public String text(Ifd ifd, int tag) throws IOException {
    Entry entry = ifd.entries().get(tag);
    if (entry == null || entry.type() != 2 || entry.valueOffset() + entry.count() > channel.size()) return "";
    ByteBuffer data = readAt(channel, entry.valueOffset(), (int) Math.min(entry.count(), 64), order);
    StringBuilder text = new StringBuilder();
    while (data.hasRemaining()) {
      char c = (char) (data.get() & 0xFF);
      if (c == 0) break;
      text.append(c);
    }
    return text.toString().trim();
  }

  /** Where a tag's raw value bytes start in the file (for a JPEG stored as one UNDEFINED value). */
  public long base() {
    return base;
  }

  private static int typeSize(int type) {
    return switch (type) {
      case 1, 2, 6, 7 -> 1;
      case 3, 8 -> 2;
      case 4, 9, 11, 13 -> 4;
      case 5, 10, 12 -> 8;
      default -> 1;
    };
  }

  static ByteBuffer readAt(FileChannel channel, long position, int length, ByteOrder order) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length).order(order);
    while (buffer.hasRemaining()) {
      int read = channel.read(buffer, position + buffer.position());
      if (read < 0) throw FrameException.corrupt("it ends inside its TIFF structure", null);
    }
    return buffer.flip();
  }
}
