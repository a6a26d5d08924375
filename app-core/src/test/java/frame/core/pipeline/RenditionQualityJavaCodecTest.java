package frame.core.pipeline;

/** {@link RenditionQualityTest}'s limits on the path without libjpeg-turbo: ImageIO's decoder, our progressive encoder, ImageIO's baseline one. */
class RenditionQualityJavaCodecTest extends RenditionQualityTest {
  @Override
  String hiddenNativeLibraries() {
    return "turbojpeg";
  }
}
