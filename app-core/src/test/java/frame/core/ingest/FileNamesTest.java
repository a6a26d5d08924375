package frame.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileNamesTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      IMG_0001.JPG          | IMG_0001.JPG
      ../../etc/passwd      | passwd
      ..\\..\\win.ini       | win.ini
      /absolute/path/a.jpg  | a.jpg
      ..                    | unnamed
      '   '                 | unnamed
      """)
  void client_file_names_become_safe_display_names(String raw, String expected) {
    assertThat(FileNames.displayName(raw)).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void control_characters_bidi_overrides_and_excess_length_are_removed() {
    assertThat(FileNames.displayName("evil\u202Egpj.exe")).isEqualTo("evilgpj.exe");
    assertThat(FileNames.displayName("a\u0000b.jpg")).isEqualTo("ab.jpg");
    assertThat(FileNames.displayName("x".repeat(300))).hasSize(255);
  }
}
