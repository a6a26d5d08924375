package frame.core.media.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ScanEncoderTest {
  /** The plain reading of the masks: coefficient by coefficient, zigzag bit by zigzag bit. */
  private static long[] nonZeroOneByOne(short[] coefficients) {
    long[] masks = new long[coefficients.length / 64];
    for (int b = 0; b < masks.length; b++) {
      for (int k = 0; k < 64; k++) {
        if (coefficients[b * 64 + Zigzag.NATURAL[k]] != 0) masks[b] |= 1L << k;
      }
    }
    return masks;
  }

  @Test
  void every_non_zero_coefficient_and_only_those_is_marked_at_its_zigzag_place() {
    short[] edges = {1, -1, 2, 0x80, 0x100, 0x4000, Short.MAX_VALUE, Short.MIN_VALUE, (short) 0x8001, (short) 0xFF00};
    Random random = new Random(32);
    short[] coefficients = new short[64 * 4000];
    for (int i = 0; i < coefficients.length; i++) {
      int roll = random.nextInt(10);
      // mostly zeros, as a quantised photo's blocks are, some blocks all zero, some full
      if (i / 64 % 50 == 0) coefficients[i] = 0;
      else if (i / 64 % 50 == 1 || roll == 0) coefficients[i] = edges[random.nextInt(edges.length)];
      else if (roll == 1) coefficients[i] = (short) random.nextInt();
    }
    long[] masks = ScanEncoder.nonZero(coefficients);
    assertThat(masks).containsExactly(nonZeroOneByOne(coefficients));
    assertThat(masks[0]).isZero();
    assertThat(masks[1]).isEqualTo(-1L);
  }

  @Test
  void four_coefficients_give_four_bits_whatever_their_values() {
    for (short value : new short[] {1, -1, 0x80, 0x100, 0x4000, Short.MAX_VALUE, Short.MIN_VALUE}) {
      for (int lane = 0; lane < 4; lane++) {
        long alone = (value & 0xFFFFL) << (16 * lane);
        long allBut = (value & 0xFFFFL) * 0x0001_0001_0001_0001L & ~(0xFFFFL << (16 * lane));
        assertThat(ScanEncoder.nonZeroLanes(alone)).as("%d in lane %d", value, lane).isEqualTo(1L << lane);
        assertThat(ScanEncoder.nonZeroLanes(allBut)).as("%d in every lane but %d", value, lane)
            .isEqualTo(0xFL & ~(1L << lane));
      }
    }
    assertThat(ScanEncoder.nonZeroLanes(0)).isZero();
    assertThat(ScanEncoder.nonZeroLanes(-1L)).isEqualTo(0xF);
  }
}
