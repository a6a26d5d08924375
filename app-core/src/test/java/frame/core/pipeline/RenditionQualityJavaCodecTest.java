package frame.core.pipeline;

/** {@link RenditionQualityTest}'s limits on the path without libjpeg-turbo: FRAME's Java decoder and encoders. */
class RenditionQualityJavaCodecTest extends RenditionQualityTest {
  @Override
  String hiddenNativeLibraries() {
    return "turbojpeg";
  }
}
