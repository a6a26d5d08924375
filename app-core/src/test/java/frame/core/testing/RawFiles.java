package frame.core.testing;

import frame.core.api.library.ImageFormat;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes camera RAW containers as the cameras lay them out, with JPEG previews the test made:
 * TIFF-structured files (DNG, CR2, NEF, ARW, PEF, SRW, ORF, RW2) from directories built here,
 * plus Fujifilm RAF and Canon CR3. The sensor data is a few filler bytes: FRAME never reads it.
 */
public final class RawFiles {
  private static final int MAKE = 0x10F;
  private static final int MODEL = 0x110;
  private static final int ORIENTATION = 0x112;
  private static final int COMPRESSION = 0x103;
  private static final int PHOTOMETRIC = 0x106;
  private static final int NEW_SUBFILE_TYPE = 0xFE;
  private static final int CFA = 32803;

  private RawFiles() {}

  /** One image file directory; values are Integer (SHORT), Long (LONG), long[] (LONGs), String (ASCII) or byte[] (UNDEFINED). */
  public static final class Ifd {
    private final Map<Integer, Object> tags = new TreeMap<>();
    private final List<Ifd> subIfds = new ArrayList<>();
    private byte[] jpeg;
    private byte[] strip;
    private Ifd exif;
    private Ifd next;

    public Ifd tag(int tag, Object value) {
      tags.put(tag, value);
      return this;
    }

    /** A JPEG through the JPEGInterchangeFormat / Length pair (0x201 / 0x202). */
    public Ifd jpeg(byte[] data) {
      this.jpeg = data;
      return this;
    }

    /** One strip (0x111 / 0x117) holding {@code data}. */
    public Ifd strip(byte[] data) {
      this.strip = data;
      return this;
    }

    public Ifd subIfds(Ifd... children) {
      subIfds.addAll(Arrays.asList(children));
      return this;
    }

    public Ifd exif(Ifd exifIfd) {
      this.exif = exifIfd;
      return this;
    }

    public Ifd next(Ifd following) {
      this.next = following;
      return this;
    }
  }

  public static Ifd ifd() {
    return new Ifd();
  }

  /** Filler that stands for sensor data. */
  public static byte[] sensorData() {
    byte[] data = new byte[4096];
    for (int i = 0; i < data.length; i++) data[i] = (byte) (i * 31);
    return data;
  }

  /**
   * A TIFF structure: {@code magic} (e.g. "II*\0", "IIRO", "IIU\0"), then {@code extraHeader}
   * (CR2's "CR" marker), then the directories from {@code ifd0}.
   */
  public static byte[] tiff(ByteOrder order, byte[] magic, byte[] extraHeader, Ifd ifd0) {
    Writer writer = new Writer(order);
    writer.out.writeBytes(magic);
    writer.out.writeBytes(new byte[4]); // IFD0 offset, patched below
    writer.out.writeBytes(extraHeader);
    writer.patch(4, writer.write(ifd0));
    return writer.bytes();
  }

  public static byte[] tiff(Ifd ifd0) {
    return tiff(ByteOrder.LITTLE_ENDIAN, new byte[] {'I', 'I', 42, 0}, new byte[0], ifd0);
  }

  private static final class Writer {
    final ByteOrder order;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final List<long[]> patches = new ArrayList<>();

    Writer(ByteOrder order) {
      this.order = order;
    }

    /** Writes the directory, then its data and its children; returns where it starts. */
    long write(Ifd ifd) {
      align();
      Map<Integer, Object> tags = new TreeMap<>(ifd.tags);
      if (ifd.jpeg != null) {
        tags.put(0x201, 0L);
        tags.put(0x202, (long) ifd.jpeg.length);
      }
      if (ifd.strip != null) {
        tags.put(0x111, 0L);
        tags.put(0x117, (long) ifd.strip.length);
      }
      if (!ifd.subIfds.isEmpty()) tags.put(0x14A, new long[ifd.subIfds.size()]);
      if (ifd.exif != null) tags.put(0x8769, 0L);
      long start = out.size();
      ByteBuffer table = ByteBuffer.allocate(2 + 12 * tags.size() + 4).order(order);
      table.putShort((short) tags.size());
      long tableAt = start;
      Map<Integer, Integer> entryAt = new TreeMap<>();
      List<Object[]> outOfLine = new ArrayList<>();
      for (var entry : tags.entrySet()) {
        entryAt.put(entry.getKey(), table.position());
        Object value = entry.getValue();
        table.putShort((short) (int) entry.getKey());
        byte[] data;
        int type;
        int count;
        switch (value) {
          case Integer v -> { type = 3; count = 1; data = buffer(4).putShort((short) (int) v).array(); }
          case Long v -> { type = 4; count = 1; data = buffer(4).putInt((int) (long) v).array(); }
          case long[] v -> {
            type = entry.getKey() == 0x14A ? 13 : 4;
            count = v.length;
            ByteBuffer b = buffer(4 * v.length);
            for (long x : v) b.putInt((int) x);
            data = b.array();
          }
          case String v -> { type = 2; data = (v + "\0").getBytes(StandardCharsets.US_ASCII); count = data.length; }
          case byte[] v -> { type = 7; data = v; count = v.length; }
          default -> throw new IllegalArgumentException(value.toString());
        }
        table.putShort((short) type).putInt(count);
        if (data.length <= 4) {
          table.put(Arrays.copyOf(data, 4));
        } else {
          outOfLine.add(new Object[] {table.position(), data});
          table.putInt(0);
        }
      }
      int nextAt = table.position();
      table.putInt(0);
      out.writeBytes(table.array());
      for (Object[] pending : outOfLine) {
        align();
        patch(tableAt + (int) pending[0], out.size());
        out.writeBytes((byte[]) pending[1]);
      }
      if (ifd.jpeg != null) blob(tableAt + entryAt.get(0x201) + 8, ifd.jpeg);
      if (ifd.strip != null) blob(tableAt + entryAt.get(0x111) + 8, ifd.strip);
      if (ifd.exif != null) patch(tableAt + entryAt.get(0x8769) + 8, write(ifd.exif));
      if (!ifd.subIfds.isEmpty()) {
        long[] offsets = new long[ifd.subIfds.size()];
        for (int i = 0; i < offsets.length; i++) offsets[i] = write(ifd.subIfds.get(i));
        align();
        long arrayAt = out.size();
        ByteBuffer b = buffer(4 * offsets.length);
        for (long x : offsets) b.putInt((int) x);
        out.writeBytes(b.array());
        if (offsets.length == 1) patch(tableAt + entryAt.get(0x14A) + 8, offsets[0]);
        else patch(tableAt + entryAt.get(0x14A) + 8, arrayAt);
      }
      if (ifd.next != null) patch(tableAt + nextAt, write(ifd.next));
      return start;
    }

    private void blob(long pointerAt, byte[] data) {
      align();
      patch(pointerAt, out.size());
      out.writeBytes(data);
    }

    private void align() {
      if (out.size() % 2 == 1) out.write(0);
    }

    private ByteBuffer buffer(int size) {
      return ByteBuffer.allocate(size).order(order);
    }

    void patch(long at, long value) {
      patches.add(new long[] {at, value});
    }

    byte[] bytes() {
      ByteBuffer all = ByteBuffer.wrap(out.toByteArray()).order(order);
      for (long[] p : patches) all.putInt((int) p[0], (int) p[1]);
      return all.array();
    }
  }

  /**
   * The container {@code format}'s camera writes, with {@code preview} as the largest JPEG, a
   * 160 x 120 thumbnail beside it, the orientation and the model in IFD0 and a date in EXIF.
   */
  public static byte[] container(ImageFormat format, byte[] preview, int orientation, String model) {
    byte[] thumbnail = TestImages.jpeg(TestImages.photo(160, 120, 7));
    Ifd sensor = ifd().tag(NEW_SUBFILE_TYPE, 0L).tag(PHOTOMETRIC, CFA).strip(sensorData());
    Ifd exif = ifd().tag(0x9003, "2024:05:01 10:22:33");
    return switch (format) {
      case DNG -> tiff(dng(preview, orientation, model).strip(thumbnail));
      case CR2 -> tiff(ByteOrder.LITTLE_ENDIAN, new byte[] {'I', 'I', 42, 0}, new byte[] {'C', 'R', 2, 0, 0, 0, 0, 0},
          ifd().tag(COMPRESSION, 6).tag(MAKE, "Canon").tag(MODEL, model).tag(ORIENTATION, orientation).strip(preview)
              .exif(exif).next(ifd().jpeg(thumbnail).next(ifd().tag(COMPRESSION, 6).strip(sensorData()))));
      case NEF -> tiff(ByteOrder.BIG_ENDIAN, new byte[] {'M', 'M', 0, 42}, new byte[0],
          ifd().tag(MAKE, "NIKON CORPORATION").tag(MODEL, model).tag(ORIENTATION, orientation).jpeg(thumbnail).exif(exif)
              .subIfds(ifd().tag(NEW_SUBFILE_TYPE, 1L).jpeg(preview), sensor));
      case ARW -> tiff(ifd().tag(MAKE, "SONY").tag(MODEL, model).tag(ORIENTATION, orientation).jpeg(preview)
          .exif(exif).subIfds(sensor).next(ifd().jpeg(thumbnail)));
      case PEF -> tiff(ifd().tag(MAKE, "PENTAX").tag(MODEL, model).tag(ORIENTATION, orientation)
          .tag(PHOTOMETRIC, CFA).strip(sensorData()).exif(exif).next(ifd().jpeg(thumbnail).next(ifd().jpeg(preview))));
      case SRW -> tiff(ifd().tag(MAKE, "SAMSUNG").tag(MODEL, model).tag(ORIENTATION, orientation)
          .tag(PHOTOMETRIC, CFA).strip(sensorData()).exif(exif).subIfds(ifd().jpeg(preview)).next(ifd().jpeg(thumbnail)));
      case ORF -> tiff(ByteOrder.LITTLE_ENDIAN, new byte[] {'I', 'I', 'R', 'O'}, new byte[0],
          ifd().tag(MAKE, "OLYMPUS CORPORATION").tag(MODEL, model).tag(ORIENTATION, orientation).tag(PHOTOMETRIC, CFA)
              .strip(sensorData()).exif(exif).next(ifd().jpeg(thumbnail).next(ifd().jpeg(preview))));
      case RW2 -> tiff(ByteOrder.LITTLE_ENDIAN, new byte[] {'I', 'I', 'U', 0}, new byte[0],
          ifd().tag(MAKE, "Panasonic").tag(MODEL, model).tag(ORIENTATION, orientation).tag(0x2E, preview)
              .strip(sensorData()).exif(exif).next(ifd().jpeg(thumbnail)));
      case RAF -> raf(new ExifBuilder().orientation(orientation).camera("FUJIFILM", model)
          .dateTaken("2024:05:01 10:22:33").into(preview));
      case CR3 -> cr3(preview, thumbnail, orientation);
      default -> throw new IllegalArgumentException(format.toString());
    };
  }

  public static Ifd dng(byte[] preview, int orientation, String model) {
    return ifd().tag(NEW_SUBFILE_TYPE, 1L).tag(0xC612, new byte[] {1, 4, 0, 0}).tag(MAKE, "Canon").tag(MODEL, model)
        .tag(ORIENTATION, orientation).tag(COMPRESSION, 7).tag(PHOTOMETRIC, 6)
        .exif(ifd().tag(0x9003, "2024:05:01 10:22:33"))
        .subIfds(ifd().tag(NEW_SUBFILE_TYPE, 0L).tag(COMPRESSION, 7).tag(PHOTOMETRIC, CFA).strip(sensorData()),
            ifd().tag(NEW_SUBFILE_TYPE, 1L).tag(COMPRESSION, 7).tag(PHOTOMETRIC, 6).strip(preview));
  }

  /** Fujifilm RAF: the fixed header, then the JPEG (whose own EXIF carries the orientation). */
  public static byte[] raf(byte[] jpegWithExif) {
    ByteBuffer raf = ByteBuffer.allocate(160 + jpegWithExif.length + 4096).order(ByteOrder.BIG_ENDIAN);
    raf.put("FUJIFILMCCD-RAW 0201FF393101".getBytes(StandardCharsets.US_ASCII));
    raf.position(28).put("X-T3".getBytes(StandardCharsets.US_ASCII));
    raf.position(84).putInt(160).putInt(jpegWithExif.length);
    raf.position(160).put(jpegWithExif).put(sensorData());
    return raf.array();
  }

  /**
   * Canon CR3: ftyp "crx ", moov with the Canon uuid box holding CMT1 (IFD0, with the
   * orientation) and a first track whose first sample is the full-size JPEG, then a PRVW box with
   * the smaller preview, then mdat.
   */
  public static byte[] cr3(byte[] fullJpeg, byte[] prvwJpeg, int orientation) {
    byte[] cmt1 = tiff(ifd().tag(0x10F, "Canon").tag(0x110, "Canon EOS R5").tag(0x112, orientation));
    byte[] canon = box("uuid", concat(hex("85c0b687820f11e08111f4ce462b6a48"), box("CMT1", cmt1)));
    byte[] ftyp = box("ftyp", concat("crx ".getBytes(StandardCharsets.US_ASCII), new byte[4], "crx isom".getBytes(StandardCharsets.US_ASCII)));
    ByteBuffer prvwHead = ByteBuffer.allocate(16).putInt(0).putShort((short) 1).putShort((short) 0).putShort((short) 0)
        .putShort((short) 1).putInt(prvwJpeg.length);
    byte[] prvw = box("uuid", concat(hex("eaf42b5e1c984b88b9fbb7dc406e4d16"), new byte[8], box("PRVW", concat(prvwHead.array(), prvwJpeg))));
    // moov's size does not depend on the offset it holds, so lay it out once to learn where mdat starts
    byte[] moov = moov(canon, 0, fullJpeg.length);
    long mdatData = ftyp.length + moov.length + prvw.length + 8;
    moov = moov(canon, mdatData, fullJpeg.length);
    return concat(ftyp, moov, prvw, box("mdat", concat(fullJpeg, sensorData())));
  }

  private static byte[] moov(byte[] canon, long sampleOffset, int sampleSize) {
    byte[] stsz = box("stsz", ByteBuffer.allocate(16).putInt(0).putInt(sampleSize).putInt(1).putInt(0).array());
    byte[] co64 = box("co64", ByteBuffer.allocate(16).putInt(0).putInt(1).putLong(sampleOffset).array());
    byte[] stbl = box("stbl", concat(stsz, co64));
    byte[] trak = box("trak", box("mdia", box("minf", stbl)));
    return box("moov", concat(canon, trak));
  }

  private static byte[] box(String type, byte[] body) {
    return concat(ByteBuffer.allocate(4).putInt(8 + body.length).array(), type.getBytes(StandardCharsets.US_ASCII), body);
  }

  private static byte[] hex(String hex) {
    byte[] out = new byte[hex.length() / 2];
    for (int i = 0; i < out.length; i++) out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    return out;
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) out.writeBytes(part);
    return out.toByteArray();
  }
}
