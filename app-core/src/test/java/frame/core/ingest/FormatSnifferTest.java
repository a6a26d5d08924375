package frame.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import frame.core.api.library.ImageFormat;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The new formats are told by their first bytes: ftyp brands and the RAW signatures. */
class FormatSnifferTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(textBlock = """
      ftypheic|mif1heic,      HEIC
      ftypheix|mif1heix,      HEIC
      ftyphevc|msf1hevc,      HEIC
      ftypavif|avifmif1,      AVIF
      ftypavis|avismsf1,      AVIF
      ftypmif1|mif1avifmiaf,  AVIF
      ftypmif1|mif1heicmiaf,  HEIC
      ftypmif1|mif1miaf,      HEIF
      ftypcrx |crx isom,      CR3
      """)
  void iso_media_brands_name_the_format(String box, ImageFormat expected) {
    String[] parts = box.split("\\|");
    byte[] body = (parts[0] + "\0\0\0\0" + parts[1]).getBytes(StandardCharsets.ISO_8859_1);
    byte[] head = new byte[4 + body.length];
    head[3] = (byte) head.length;
    System.arraycopy(body, 0, head, 4, body.length);
    assertThat(FormatSniffer.sniff(head, head.length)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(textBlock = """
      49 49 52 4F 08 00 00 00,                    ORF
      49 49 52 53 08 00 00 00,                    ORF
      4D 4D 4F 52 00 00 00 08,                    ORF
      49 49 55 00 08 00 00 00,                    RW2
      49 49 2A 00 10 00 00 00 43 52 02 00,        CR2
      49 49 2A 00 08 00 00 00,                    TIFF
      46 55 4A 49 46 49 4C 4D 43 43 44 2D 52 41 57 20, RAF
      FF D8 FF E0,                                JPEG
      """)
  void raw_signatures_name_the_format(String hex, ImageFormat expected) {
    String[] bytes = hex.trim().split(" ");
    byte[] head = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) head[i] = (byte) Integer.parseInt(bytes[i], 16);
    assertThat(FormatSniffer.sniff(head, head.length)).isEqualTo(expected);
  }
}
