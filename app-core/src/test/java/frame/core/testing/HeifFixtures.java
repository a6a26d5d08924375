package frame.core.testing;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Writes real HEIC and AVIF files through libheif's own encoders (x265, aom), with the container
 * orientation ({@code irot}/{@code imir}) and an EXIF block of our choosing. It opens libheif
 * directly, ignoring {@code frame.native.disable}: the tests that hide libheif from FRAME still
 * need the files.
 */
public final class HeifFixtures {
  public enum Codec { HEVC(1), AV1(4);
    final int compression;
    Codec(int compression) {
      this.compression = compression;
    }
  }

  private static final StructLayout ERROR = MemoryLayout.structLayout(JAVA_INT, JAVA_INT, ADDRESS);
  /** struct heif_encoding_options, version 5 and later: image_orientation sits after the nclx pointer. */
  private static final long ORIENTATION_OFFSET = 20;
  private static final Optional<HeifFixtures> INSTANCE = load();

  private final Linker linker = Linker.nativeLinker();
  private final SymbolLookup heif;

  private HeifFixtures(SymbolLookup heif) {
    this.heif = heif;
  }

  /** libheif with an encoder for {@code codec}, or empty: tests then skip. */
  public static Optional<HeifFixtures> available(Codec codec) {
    return INSTANCE.filter(fixtures -> fixtures.hasEncoder(codec));
  }

  private static Optional<HeifFixtures> load() {
    for (String name : new String[] {"libheif.so.1", "libheif.so", "libheif.dylib", "/opt/homebrew/lib/libheif.dylib"}) {
      try {
        HeifFixtures fixtures = new HeifFixtures(SymbolLookup.libraryLookup(name, Arena.global()));
        fixtures.call("heif_init", FunctionDescriptor.of(ERROR, ADDRESS), MemorySegment.NULL);
        return Optional.of(fixtures);
      } catch (IllegalArgumentException notThere) {
        // next name
      }
    }
    return Optional.empty();
  }

  private boolean hasEncoder(Codec codec) {
    try {
      return (int) handle("heif_have_encoder_for_format", FunctionDescriptor.of(JAVA_INT, JAVA_INT))
          .invokeExact(codec.compression) != 0;
    } catch (Throwable e) {
      return false;
    }
  }

  /**
   * Encodes {@code stored} with libheif's {@code image_orientation} set to the EXIF-style
   * {@code orientation} (libheif writes the irot/imir boxes); {@code exifTiff}, when not null,
   * becomes the file's EXIF block.
   */
  public byte[] encode(BufferedImage stored, Codec codec, int orientation, byte[] exifTiff) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment context = (MemorySegment) handle("heif_context_alloc", FunctionDescriptor.of(ADDRESS)).invokeExact();
      MemorySegment imageOut = arena.allocate(ADDRESS);
      int w = stored.getWidth();
      int h = stored.getHeight();
      check(arena, "heif_image_create", FunctionDescriptor.of(ERROR, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS),
          w, h, 1, 10, imageOut);
      MemorySegment image = imageOut.get(ADDRESS, 0);
      check(arena, "heif_image_add_plane", FunctionDescriptor.of(ERROR, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT),
          image, 10, w, h, 8);
      MemorySegment strideOut = arena.allocate(JAVA_INT);
      MemorySegment plane = ((MemorySegment) handle("heif_image_get_plane", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT, ADDRESS))
          .invokeExact(image, 10, strideOut));
      int stride = strideOut.get(JAVA_INT, 0);
      plane = plane.reinterpret((long) stride * h);
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int rgb = stored.getRGB(x, y);
          long at = (long) y * stride + x * 3L;
          plane.set(JAVA_BYTE, at, (byte) (rgb >> 16));
          plane.set(JAVA_BYTE, at + 1, (byte) (rgb >> 8));
          plane.set(JAVA_BYTE, at + 2, (byte) rgb);
        }
      }
      MemorySegment encoderOut = arena.allocate(ADDRESS);
      check(arena, "heif_context_get_encoder_for_format", FunctionDescriptor.of(ERROR, ADDRESS, JAVA_INT, ADDRESS),
          context, codec.compression, encoderOut);
      MemorySegment encoder = encoderOut.get(ADDRESS, 0);
      check(arena, "heif_encoder_set_lossy_quality", FunctionDescriptor.of(ERROR, ADDRESS, JAVA_INT), encoder, 92);
      MemorySegment options = ((MemorySegment) handle("heif_encoding_options_alloc", FunctionDescriptor.of(ADDRESS))
          .invokeExact()).reinterpret(64);
      if (options.get(JAVA_BYTE, 0) < 5) throw new IllegalStateException("libheif too old to write irot/imir");
      options.set(JAVA_INT, ORIENTATION_OFFSET, orientation);
      MemorySegment handleOut = arena.allocate(ADDRESS);
      check(arena, "heif_context_encode_image", FunctionDescriptor.of(ERROR, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS),
          context, image, encoder, options, handleOut);
      if (exifTiff != null) {
        MemorySegment exif = arena.allocate(exifTiff.length);
        exif.copyFrom(MemorySegment.ofArray(exifTiff));
        check(arena, "heif_context_add_exif_metadata", FunctionDescriptor.of(ERROR, ADDRESS, ADDRESS, ADDRESS, JAVA_INT),
            context, handleOut.get(ADDRESS, 0), exif, exifTiff.length);
      }
      Path file = Files.createTempFile("frame-fixture", codec == Codec.HEVC ? ".heic" : ".avif");
      try {
        check(arena, "heif_context_write_to_file", FunctionDescriptor.of(ERROR, ADDRESS, ADDRESS),
            context, arena.allocateFrom(file.toString()));
        return codedSizeInIspe(Files.readAllBytes(file));
      } finally {
        Files.deleteIfExists(file);
        call("heif_encoding_options_free", FunctionDescriptor.ofVoid(ADDRESS), options);
        call("heif_encoder_release", FunctionDescriptor.ofVoid(ADDRESS), encoder);
        call("heif_image_handle_release", FunctionDescriptor.ofVoid(ADDRESS), handleOut.get(ADDRESS, 0));
        call("heif_image_release", FunctionDescriptor.ofVoid(ADDRESS), image);
        call("heif_context_free", FunctionDescriptor.ofVoid(ADDRESS), context);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * libheif 1.15's encoder writes the turned (displayed) size into {@code ispe} when it rotates
   * by 90 degrees; the standard, cameras and every reader take ispe as the coded size, before
   * irot. The fixtures are written as a camera writes them.
   */
  private byte[] codedSizeInIspe(byte[] file) {
    int at = new String(file, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("ispe");
    if (at < 0) return file;
    BufferedImage coded = coded(file);
    java.nio.ByteBuffer.wrap(file).putInt(at + 8, coded.getWidth()).putInt(at + 12, coded.getHeight());
    return file;
  }

  /**
   * A file that shows {@code upright} only when its container orientation is applied once: the
   * pixels are coded turned away by EXIF-style {@code orientation}, and irot/imir turn them back.
   * libheif 1.15's encoder turns some orientations' pixels itself and not others, so the input
   * that comes out upright is found with a small probe picture first.
   */
  public byte[] encodeShowingUpright(BufferedImage upright, Codec codec, int orientation, byte[] exifTiff) {
    BufferedImage probe = TestImages.quadrants(64, 48);
    for (int turn = 1; turn <= 8; turn++) {
      BufferedImage shown = reference(encode(TestImages.storedFor(probe, turn), codec, orientation, null));
      if (shown.getWidth() == 64 && PixelDifference.of(probe, shown).mean() < 12) {
        return encode(TestImages.storedFor(upright, turn), codec, orientation, exifTiff);
      }
    }
    throw new IllegalStateException("no input shows upright with orientation " + orientation);
  }

  /** The reference rendering: libheif's own decode with its transformations applied (what heif-convert writes). */
  public BufferedImage reference(byte[] file) {
    return decode(file, false);
  }

  /** The coded pixels as stored, before the container's irot/imir. */
  public BufferedImage coded(byte[] file) {
    return decode(file, true);
  }

  private BufferedImage decode(byte[] file, boolean ignoreTransformations) {
    try (Arena arena = Arena.ofConfined()) {
      Path temp = Files.createTempFile("frame-reference", ".heif");
      MemorySegment context = (MemorySegment) handle("heif_context_alloc", FunctionDescriptor.of(ADDRESS)).invokeExact();
      try {
        Files.write(temp, file);
        check(arena, "heif_context_read_from_file", FunctionDescriptor.of(ERROR, ADDRESS, ADDRESS, ADDRESS),
            context, arena.allocateFrom(temp.toString()), MemorySegment.NULL);
        MemorySegment handleOut = arena.allocate(ADDRESS);
        check(arena, "heif_context_get_primary_image_handle", FunctionDescriptor.of(ERROR, ADDRESS, ADDRESS), context, handleOut);
        MemorySegment imageOut = arena.allocate(ADDRESS);
        MemorySegment options = ((MemorySegment) handle("heif_decoding_options_alloc", FunctionDescriptor.of(ADDRESS))
            .invokeExact()).reinterpret(2);
        options.set(JAVA_BYTE, 1, (byte) (ignoreTransformations ? 1 : 0)); // ignore_transformations follows version
        check(arena, "heif_decode_image", FunctionDescriptor.of(ERROR, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS),
            handleOut.get(ADDRESS, 0), imageOut, 1, 10, options);
        call("heif_decoding_options_free", FunctionDescriptor.ofVoid(ADDRESS), options);
        MemorySegment image = imageOut.get(ADDRESS, 0);
        int w = (int) handle("heif_image_get_width", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT)).invokeExact(image, 10);
        int h = (int) handle("heif_image_get_height", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT)).invokeExact(image, 10);
        MemorySegment strideOut = arena.allocate(JAVA_INT);
        MemorySegment plane = (MemorySegment) handle("heif_image_get_plane_readonly",
            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT, ADDRESS)).invokeExact(image, 10, strideOut);
        int stride = strideOut.get(JAVA_INT, 0);
        plane = plane.reinterpret((long) stride * h);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
          for (int x = 0; x < w; x++) {
            long at = (long) y * stride + x * 3L;
            out.setRGB(x, y, (plane.get(JAVA_BYTE, at) & 0xFF) << 16 | (plane.get(JAVA_BYTE, at + 1) & 0xFF) << 8
                | (plane.get(JAVA_BYTE, at + 2) & 0xFF));
          }
        }
        call("heif_image_release", FunctionDescriptor.ofVoid(ADDRESS), image);
        call("heif_image_handle_release", FunctionDescriptor.ofVoid(ADDRESS), handleOut.get(ADDRESS, 0));
        return out;
      } finally {
        call("heif_context_free", FunctionDescriptor.ofVoid(ADDRESS), context);
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private void check(Arena arena, String function, FunctionDescriptor descriptor, Object... args) throws Throwable {
    Object[] withAllocator = new Object[args.length + 1];
    withAllocator[0] = (SegmentAllocator) arena;
    System.arraycopy(args, 0, withAllocator, 1, args.length);
    MemorySegment error = (MemorySegment) handle(function, descriptor).invokeWithArguments(withAllocator);
    int code = error.get(JAVA_INT, 0);
    if (code != 0) {
      String message = error.get(ADDRESS, 8).reinterpret(1024).getString(0);
      throw new IllegalStateException(function + " failed: " + code + " " + message);
    }
  }

  private void call(String function, FunctionDescriptor descriptor, Object... args) {
    try {
      if (descriptor.returnLayout().isPresent() && descriptor.returnLayout().get() instanceof StructLayout) {
        try (Arena arena = Arena.ofConfined()) {
          Object[] withAllocator = new Object[args.length + 1];
          withAllocator[0] = (SegmentAllocator) arena;
          System.arraycopy(args, 0, withAllocator, 1, args.length);
          handle(function, descriptor).invokeWithArguments(withAllocator);
        }
      } else {
        handle(function, descriptor).invokeWithArguments(args);
      }
    } catch (Throwable e) {
      throw new IllegalStateException(function + " failed", e);
    }
  }

  private MethodHandle handle(String function, FunctionDescriptor descriptor) {
    return linker.downcallHandle(heif.findOrThrow(function), descriptor);
  }
}
