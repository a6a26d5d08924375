package frame.core.media.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import frame.core.testing.PixelDifference;
import frame.core.testing.TestImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgressiveJpegEncoderTest {

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource({"1001,753", "2000,1500", "1,1", "17,9", "16,16", "9,33"})
  void writes_a_progressive_jpeg_that_other_decoders_read_back_faithfully(int width, int height) throws Exception {
    BufferedImage photo = width < 8 ? JpegVariants.solid(width, height, 0x3366CC) : TestImages.detailedPhoto(width, height, width + height);
    byte[] jpeg = encode(photo, 0.85f);

    assertThat(hasMarker(jpeg, 0xC2)).as("SOF2, progressive").isTrue();
    PixelDifference ours = PixelDifference.of(JpegVariants.decodeWithImageIo(jpeg), photo);
    PixelDifference imageIo = PixelDifference.of(JpegVariants.decodeWithImageIo(imageIoProgressive(photo)), photo);
    System.out.println(width + "x" + height + " q85: " + jpeg.length + " bytes, " + ours + "; ImageIO " + imageIo);
    assertThat(ours.psnr()).as("%s against ImageIO's %s", ours, imageIo).isGreaterThan(imageIo.psnr() - 0.5);
    for (double shift : ours.meanShift()) assertThat(Math.abs(shift)).as("colour shift").isLessThanOrEqualTo(1.0);
  }

  @Test
  void is_about_as_small_as_imageio_progressive_at_the_same_quality() throws Exception {
    BufferedImage photo = TestImages.detailedPhoto(2000, 1500, 5);
    byte[] ours = encode(photo, 0.85f);
    byte[] imageIo = imageIoProgressive(photo);
    System.out.println("ours " + ours.length + " bytes, ImageIO progressive " + imageIo.length);
    assertThat((double) ours.length).isLessThan(imageIo.length * 1.10);
  }

  @Test
  void gray_pictures_stay_one_channel() throws Exception {
    BufferedImage gray = JpegVariants.gray(TestImages.detailedPhoto(640, 480, 9));
    byte[] jpeg = encode(gray, 0.85f);
    BufferedImage decoded = ImageIO.read(new java.io.ByteArrayInputStream(jpeg));
    assertThat(decoded.getRaster().getNumBands()).isEqualTo(1);
    assertThat(PixelDifference.of(JpegVariants.decodeWithImageIo(jpeg), toRgb(gray)).psnr()).isGreaterThan(35);
  }

  @Test
  void the_same_picture_gives_the_same_bytes() throws Exception {
    BufferedImage photo = TestImages.detailedPhoto(300, 200, 3);
    assertThat(Arrays.equals(encode(photo, 0.85f), encode(photo, 0.85f))).isTrue();
  }

  static byte[] encode(BufferedImage image, float quality) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ProgressiveJpegEncoder.write(image, quality, out);
    return out.toByteArray();
  }

  private static byte[] imageIoProgressive(BufferedImage image) throws IOException {
    var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (var out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      var param = writer.getDefaultWriteParam();
      param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.85f);
      param.setProgressiveMode(javax.imageio.ImageWriteParam.MODE_DEFAULT);
      writer.write(null, new javax.imageio.IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  private static BufferedImage toRgb(BufferedImage image) {
    BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    rgb.getGraphics().drawImage(image, 0, 0, null);
    return rgb;
  }

  static boolean hasMarker(byte[] jpeg, int marker) {
    for (int i = 0; i + 1 < jpeg.length; i++) if (jpeg[i] == (byte) 0xFF && jpeg[i + 1] == (byte) marker) return true;
    return false;
  }
}
