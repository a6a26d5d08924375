package frame.core.media.codec.jpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frame.core.media.ExifSegment;
import frame.core.media.codec.Codec;
import frame.core.media.codec.ExifOrientation;
import frame.core.media.codec.imageio.ImageIoCodec;
import frame.core.testing.ExifBuilder;
import frame.core.testing.TestImages;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The marker walk the decode now takes gives what metadata-extractor and ImageIO gave, or steps aside. */
class JpegMarkersTest {
  @TempDir Path dir;

  private final byte[] plain = TestImages.jpeg(TestImages.photo(96, 64, 7));

  @ParameterizedTest(name = "orientation {0}, big-endian EXIF")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void reads_the_orientation_metadata_extractor_reads(int orientation) {
    byte[] jpeg = new ExifBuilder().camera("Canon", "EOS").orientation(orientation).dateTaken("2024:05:01 10:22:33").into(plain);
    Path file = TestImages.write(dir, "o" + orientation + ".jpg", jpeg);
    assertEquals(orientation, ExifOrientation.of(file));
    assertEquals(Optional.of(orientation), JpegMarkers.orientation(jpeg));
  }

  @Test
  void reads_a_little_endian_exif_block() {
    byte[] jpeg = ExifSegment.insert(plain, littleEndianTiff(6));
    Path file = TestImages.write(dir, "ii.jpg", jpeg);
    assertEquals(6, ExifOrientation.of(file));
    assertEquals(Optional.of(6), JpegMarkers.orientation(jpeg));
  }

  @Test
  void a_photo_without_exif_is_as_stored() {
    assertEquals(ExifOrientation.of(TestImages.write(dir, "plain.jpg", plain)), JpegMarkers.orientation(plain).orElseThrow());
    assertEquals(Optional.of(ExifOrientation.NORMAL), JpegMarkers.orientation(new ExifBuilder().camera("Nikon", "D70").into(plain)));
  }

  @Test
  void an_exif_block_it_cannot_follow_is_left_to_the_library() {
    byte[] tiff = littleEndianTiff(6);
    tiff[0] = 'X'; // no byte order
    assertEquals(Optional.empty(), JpegMarkers.orientation(ExifSegment.insert(plain, tiff)));
    assertEquals(Optional.empty(), JpegMarkers.orientation(new byte[] {1, 2, 3, 4, 5}));
  }

  @Test
  void the_size_is_the_one_imageio_reads() {
    byte[] jpeg = new ExifBuilder().orientation(6).into(TestImages.jpeg(TestImages.photo(123, 45, 3)));
    Codec.Size imageIo = new ImageIoCodec("jpeg").header(TestImages.write(dir, "size.jpg", jpeg));
    assertEquals(new Codec.Size(123, 45), imageIo);
    assertEquals(Optional.of(imageIo), JpegMarkers.size(jpeg, jpeg.length));
    assertEquals(imageIo, new JpegCodec().header(TestImages.write(dir, "size2.jpg", jpeg)));
  }

  @Test
  void a_head_that_ends_before_the_frame_gives_no_size() {
    byte[] jpeg = new ExifBuilder().orientation(3).camera("Sony", "A7").into(plain);
    assertTrue(JpegMarkers.size(jpeg, 40).isEmpty());
    assertTrue(JpegMarkers.size(Arrays.copyOf(jpeg, 3), 3).isEmpty());
    assertTrue(JpegMarkers.size(TestImages.encode(TestImages.photo(8, 8, 1), "png"), 60).isEmpty());
  }

  /** IFD0 with one entry, orientation, as an Intel-order camera writes it. */
  private static byte[] littleEndianTiff(int orientation) {
    ByteBuffer tiff = ByteBuffer.allocate(26).order(ByteOrder.LITTLE_ENDIAN);
    tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
    tiff.putShort((short) 1).putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
    tiff.putInt(0);
    return tiff.array();
  }
}
