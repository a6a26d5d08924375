package frame.core.media.jpeg;

import java.io.ByteArrayOutputStream;

/**
 * An optimal Huffman code for counted symbols, at most 16 bits long, by the procedure of the
 * JPEG standard's Annex K.2 (as the IJG's jpeg_gen_optimal_table does it).
 */
final class HuffmanCode {
  final int[] counts = new int[16];
  final int[] symbols;
  final int[] code = new int[256];
  final int[] length = new int[256];

  HuffmanCode(long[] frequencies) {
    long[] freq = new long[257];
    System.arraycopy(frequencies, 0, freq, 0, 256);
    freq[256] = 1; // reserves one code point, so that no code is all ones
    int[] codeSize = new int[257];
    int[] others = new int[257];
    java.util.Arrays.fill(others, -1);
    while (true) {
      int c1 = smallest(freq, -1);
      int c2 = smallest(freq, c1);
      if (c2 < 0) break;
      freq[c1] += freq[c2];
      freq[c2] = 0;
      codeSize[c1]++;
      while (others[c1] >= 0) {
        c1 = others[c1];
        codeSize[c1]++;
      }
      others[c1] = c2;
      codeSize[c2]++;
      while (others[c2] >= 0) {
        c2 = others[c2];
        codeSize[c2]++;
      }
    }
    int[] bits = new int[33];
    for (int i = 0; i <= 256; i++) if (codeSize[i] > 0) bits[codeSize[i]]++;
    for (int i = 32; i > 16; i--) {
      while (bits[i] > 0) {
        int j = i - 2;
        while (bits[j] == 0) j--;
        bits[i] -= 2;
        bits[i - 1]++;
        bits[j + 1] += 2;
        bits[j]--;
      }
    }
    int longest = 16;
    while (bits[longest] == 0) longest--;
    bits[longest]--; // the reserved code point
    int total = 0;
    for (int i = 1; i <= 16; i++) total += counts[i - 1] = bits[i];
    symbols = new int[total];
    int p = 0;
    for (int size = 1; size <= 32; size++) {
      for (int s = 0; s < 256; s++) if (codeSize[s] == size) symbols[p++] = s;
    }
    int next = 0;
    p = 0;
    for (int size = 1; size <= 16; size++) {
      for (int i = 0; i < counts[size - 1]; i++, p++, next++) {
        code[symbols[p]] = next;
        length[symbols[p]] = size;
      }
      next <<= 1;
    }
  }

  /** The least frequent symbol still in play other than {@code not}; ties go to the higher symbol. */
  private static int smallest(long[] freq, int not) {
    int found = -1;
    long least = Long.MAX_VALUE;
    for (int i = 0; i <= 256; i++) {
      if (freq[i] != 0 && freq[i] <= least && i != not) {
        least = freq[i];
        found = i;
      }
    }
    return found;
  }

  /** The table's part of a DHT segment: class and id, the 16 counts, the symbols. */
  void writeTo(ByteArrayOutputStream out, int tableClass, int id) {
    out.write((tableClass << 4) | id);
    for (int count : counts) out.write(count);
    for (int symbol : symbols) out.write(symbol);
  }

  int segmentLength() {
    return 17 + symbols.length;
  }
}
