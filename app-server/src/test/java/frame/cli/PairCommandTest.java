package frame.cli;

import frame.core.FrameTestAccess;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import frame.core.Frame;
import frame.core.testing.FrameFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairCommandTest {
  @TempDir Path dataDir;

  CommandRun frame(String... args) {
    return CommandRun.of(dataDir, args);
  }


  @Test
  void pair_prints_a_scannable_qr_code_of_the_link_and_six_digits_that_pair_once_frame_runs() throws Exception {
    CommandRun run = frame("pair", "--port", "8420");
    assertThat(run.exitCode()).as(run.err()).isZero();
    Matcher link = Pattern.compile("http://127\\.0\\.0\\.1:8420/#pair=[A-Za-z0-9_-]+").matcher(run.out());
    assertThat(link.find()).as(run.out()).isTrue();
    Matcher digits = Pattern.compile("type the code (\\d{3}) (\\d{3})").matcher(run.out());
    assertThat(digits.find()).isTrue();
    assertThat(run.out()).contains("run it with --lan");
    assertThat(scan(run.out())).isEqualTo(link.group());

    try (Frame frame = FrameFixture.open(dataDir)) {
      assertThat(FrameTestAccess.pairings(frame).redeem(digits.group(1) + digits.group(2), "Phone").deviceName()).isEqualTo("Phone");
    }
    CommandRun list = frame("token", "list");
    assertThat(list.out()).containsPattern("Phone\\s+device\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\s+never");
    assertThat(frame("token", "revoke", "Phone").exitCode()).isZero();
    assertThat(frame("token", "list").out()).doesNotContain("Phone");
  }

  @Test
  void pair_asks_the_running_frame_for_a_code_that_then_pairs_over_http() throws Exception {
    try (Frame running = FrameFixture.open(dataDir);
        frame.server.ApiServer server = frame.server.ApiServer.start(running,
            frame.server.ServerSettings.defaults(0, false, dataDir))) {
      CommandRun run = frame("pair", "--no-qr");
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).contains("http://127.0.0.1:" + server.port() + "/#pair=");
      Matcher digits = Pattern.compile("type the code (\\d{3}) (\\d{3})").matcher(run.out());
      assertThat(digits.find()).isTrue();
      var paired = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
              java.net.URI.create("http://127.0.0.1:" + server.port() + "/api/pair"))
          .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
              "{\"code\":\"" + digits.group(1) + digits.group(2) + "\",\"name\":\"Phone\"}")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(paired.statusCode()).isEqualTo(201);
      assertThat(frame("token", "list").out()).containsPattern("Phone\\s+device");
    }
  }

  @Test
  void pair_says_where_to_pair_while_frame_runs_on_the_folder() {
    try (Frame running = FrameFixture.open(dataDir)) {
      CommandRun run = frame("pair");
      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.err()).contains("FRAME is running").contains("Server pane").contains("--pair");
    }
  }

  /** Reads the terminal QR code back as a phone's camera would: light cells white, dark ones black. */
  private static String scan(String output) throws Exception {
    List<String> rows = output.lines().filter(l -> !l.isEmpty() && l.chars().allMatch(c -> "█▀▄ ".indexOf(c) >= 0))
        .toList();
    int width = rows.get(0).length();
    int height = rows.size() * 2;
    int scale = 4;
    int[] pixels = new int[width * scale * height * scale];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        char c = rows.get(y / 2).charAt(x);
        boolean light = c == '█' || (y % 2 == 0 ? c == '▀' : c == '▄');
        for (int dy = 0; dy < scale; dy++) {
          for (int dx = 0; dx < scale; dx++) {
            pixels[(y * scale + dy) * width * scale + x * scale + dx] = light ? 0xFFFFFFFF : 0xFF000000;
          }
        }
      }
    }
    var source = new RGBLuminanceSource(width * scale, height * scale, pixels);
    // read module by module: the drawing is the code itself, upright, with its quiet zone; ZXing's
    // general detector misplaces about one code in a hundred of such synthetic images (it fails
    // the same way on the encoder's own matrix), which made this test fail by chance
    return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
        Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
  }
}
