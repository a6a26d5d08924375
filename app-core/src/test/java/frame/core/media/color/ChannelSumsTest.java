package frame.core.media.color;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sums three to a long give exactly the pixels of the sums a channel at a time, for every 8-bit colour. */
class ChannelSumsTest {
  @ParameterizedTest(name = "profile {0}")
  @CsvSource({"adobe", "p3"})
  void packed_sums_give_every_colour_exactly_as_before(String space) {
    byte[] profile = space.equals("adobe") ? RgbProfiles.adobeRgb() : RgbProfiles.displayP3();
    ChannelSums sums = ChannelSums.of(new ICC_ColorSpace(ICC_Profile.getInstance(profile)));
    assertThat(sums).as("a matrix-and-curves profile").isNotNull();
    assertThat(sums.packed()).as("its values fit the lanes").isTrue();
    int[] packed = new int[1 << 16];
    int[] unpacked = new int[1 << 16];
    int differing = 0;
    for (int red = 0; red < 256; red++) {
      for (int i = 0; i < packed.length; i++) packed[i] = red << 16 | i;
      System.arraycopy(packed, 0, unpacked, 0, packed.length);
      sums.convert(packed, 0, packed.length);
      sums.convertUnpacked(unpacked, 0, unpacked.length);
      for (int i = 0; i < packed.length; i++) if (packed[i] != unpacked[i]) differing++;
    }
    assertThat(differing).as("colours that differ of 2^24").isZero();
  }
}
