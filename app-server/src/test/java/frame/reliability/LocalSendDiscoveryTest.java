package frame.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import frame.server.localsend.LocalSendCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LocalSend's multicast discovery with {@code frame serve --lan --localsend} and the npm
 * {@code localsend} CLI's {@code discover}, both inside a network namespace the test makes (only
 * loopback, with the multicast route on it), so no datagram reaches a real network. FRAME
 * announces itself on 224.0.0.167:53317 when it starts; a device that hears it answers through
 * FRAME's {@code /api/localsend/v2/register} and learns FRAME's info; a device that comes later and
 * announces itself hears FRAME's answer on the group.
 */
class LocalSendDiscoveryTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern DATAGRAM = Pattern.compile("\\[DISCOVER/UDP] Message (\\{.*})");

  @TempDir Path dataDir;
  @TempDir Path work;

  @Test
  void frame_announces_on_the_localsend_group_and_devices_find_it_through_register_and_its_answers() throws Exception {
    Path cli = LocalSendCli.install();
    try (NetworkNamespace namespace = NetworkNamespace.create()) {
      Path earlyLog = work.resolve("early.log");
      Process early = discover(namespace, cli, "Early phone", 53318, 300, earlyLog);
      try (ChildFrame frame = new ChildFrame(dataDir).inside(namespace.enter(List.of()))
          .withServeArgs("--lan", "--localsend", "--localsend-pin", "135790")) {
        await("the early device listens").atMost(Duration.ofSeconds(60))
            .until(() -> Files.readString(earlyLog).contains("Joined multicast group"));
        frame.start();
        String fingerprint = fingerprintIn(frame.log());

        // FRAME's own announcement, then the device's answer through FRAME's /register
        String heard = await("FRAME's announcement and its /register answer").atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(200)).until(() -> Files.readString(earlyLog),
                log -> log.contains("Register response received from"));
        JsonNode announcement = datagramsFrom(heard, "FRAME").getFirst();
        assertThat(announcement.get("announce").asBoolean()).as(heard).isTrue();
        assertThat(announcement.get("port").asInt()).isEqualTo(53317);
        assertThat(announcement.get("fingerprint").asText()).isEqualTo(fingerprint);
        assertThat(heard).containsPattern("Responding to announcement from \\{\\s*alias: 'FRAME',\\s*ip: '127\\.0\\.0\\.1',"
            + "\\s*port: 53317,\\s*protocol: 'https'");
        assertThat(heard).containsPattern("Register response received from \\{\\s*alias: 'FRAME',\\s*fingerprint: '"
            + Pattern.quote(fingerprint) + "'");
        early.destroy();

        // a device that comes later announces itself, and FRAME answers on the group
        Path lateLog = work.resolve("late.log");
        Process late = discover(namespace, cli, "Late phone", 53319, 8, lateLog);
        assertThat(late.waitFor(90, TimeUnit.SECONDS)).as("localsend discover ends").isTrue();
        String found = Files.readString(lateLog);
        List<JsonNode> answers = datagramsFrom(found, "FRAME");
        assertThat(answers).as(found).isNotEmpty();
        assertThat(answers).allSatisfy(answer -> {
          assertThat(answer.get("announce").asBoolean()).isFalse();
          assertThat(answer.get("from").asText()).isEqualTo("127.0.0.1");
          assertThat(answer.get("fingerprint").asText()).isEqualTo(fingerprint);
        });
        assertThat(found).contains("Device discovered: FRAME");
      } finally {
        early.destroyForcibly();
      }
    }
  }

  /** {@code localsend discover} for {@code seconds} inside the namespace, its discovery traces on. */
  private static Process discover(NetworkNamespace namespace, Path cli, String alias, int port, int seconds, Path log)
      throws IOException {
    List<String> command = List.of("node", cli.toString(), "discover", "--verbose", "--alias", alias,
        "--port", Integer.toString(port), "--timeout", Integer.toString(seconds));
    ProcessBuilder builder = new ProcessBuilder(namespace.enter(command)).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().put("LOCALSEND_DEBUG_DISCOVERY", "1");
    Process process = builder.start();
    process.getOutputStream().close();
    return process;
  }

  /** The datagrams the CLI traced from the device called {@code alias}, in order. */
  private static List<JsonNode> datagramsFrom(String log, String alias) throws IOException {
    List<JsonNode> datagrams = new ArrayList<>();
    Matcher matcher = DATAGRAM.matcher(log);
    while (matcher.find()) {
      JsonNode datagram = JSON.readTree(matcher.group(1));
      if (alias.equals(datagram.get("alias").asText())) datagrams.add(datagram);
    }
    return datagrams;
  }

  /** The certificate fingerprint {@code frame serve} prints under its heading. */
  private static String fingerprintIn(String log) {
    Matcher matcher = Pattern.compile("fingerprint \\(SHA-256\\)[^\\n]*\\n\\s*(\\S+)").matcher(log);
    assertThat(matcher.find()).as(log).isTrue();
    return matcher.group(1);
  }
}
