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
 * announces itself (a few lines of Node) gets FRAME's info through its own {@code /register}; one
 * whose {@code /register} FRAME cannot reach hears FRAME's answer on the group instead.
 */
class LocalSendDiscoveryTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern DATAGRAM = Pattern.compile("\\[DISCOVER/UDP] Message (\\{.*})");
  /**
   * A LocalSend device in a few lines of Node: its {@code /register} on the port given (plain
   * HTTP, as the CLI's) prints what it receives; it announces itself on the group with that port
   * and prints, in the CLI's trace format, what it hears there for 10 s. Given port 9, where
   * nothing listens, it is a device whose {@code /register} cannot be reached.
   */
  private static final String DEVICE = """
      const port = Number(process.argv[1]);
      const server = require('node:http').createServer((request, response) => {
        let body = '';
        request.on('data', chunk => body += chunk);
        request.on('end', () => {
          console.log('REGISTER ' + body);
          response.setHeader('Content-Type', 'application/json');
          response.end(JSON.stringify({alias: 'Node phone', version: '2.1', fingerprint: 'node-phone'}));
        });
      });
      if (port !== 9) server.listen(port, '127.0.0.1');
      const socket = require('node:dgram').createSocket({type: 'udp4', reuseAddr: true});
      socket.on('message', (data, from) => {
        const message = JSON.parse(data);
        console.log('[DISCOVER/UDP] Message ' + JSON.stringify({from: from.address, announce: message.announce,
          alias: message.alias, fingerprint: message.fingerprint}));
      });
      socket.bind(53317, () => {
        socket.addMembership('224.0.0.167');
        socket.send(JSON.stringify({alias: 'Node phone', version: '2.1', deviceModel: null, deviceType: 'mobile',
          fingerprint: 'node-phone-' + port, port: port, protocol: 'http', download: false, announce: true}),
          53317, '224.0.0.167');
        setTimeout(() => { socket.close(); server.close(); }, 10000);
      });
      """;

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

        // a device that comes later announces itself, and FRAME registers with it over HTTP
        // (the npm CLI's discover cannot show it: under Node its /register never learns the caller)
        String later = device(namespace, "53319", work.resolve("later.log"));
        Matcher register = Pattern.compile("REGISTER (\\{.*})").matcher(later);
        assertThat(register.find()).as(later).isTrue();
        JsonNode info = JSON.readTree(register.group(1));
        assertThat(info.get("alias").asText()).isEqualTo("FRAME");
        assertThat(info.get("fingerprint").asText()).isEqualTo(fingerprint);
        assertThat(info.get("port").asInt()).isEqualTo(53317);
        assertThat(info.get("protocol").asText()).isEqualTo("https");
        assertThat(datagramsFrom(later, "FRAME")).as("no multicast answer when the register call worked").isEmpty();

        // a device whose /register FRAME cannot reach hears FRAME's answer on the group instead
        String unreachable = device(namespace, "9", work.resolve("unreachable.log"));
        assertThat(unreachable).doesNotContain("REGISTER");
        List<JsonNode> answers = datagramsFrom(unreachable, "FRAME");
        assertThat(answers).as(unreachable).isNotEmpty().allSatisfy(answer -> {
          assertThat(answer.get("announce").asBoolean()).isFalse();
          assertThat(answer.get("from").asText()).isEqualTo("127.0.0.1");
          assertThat(answer.get("fingerprint").asText()).isEqualTo(fingerprint);
        });
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

  /** Runs {@link #DEVICE} with {@code port} inside the namespace to its end; what it printed. */
  private static String device(NetworkNamespace namespace, String port, Path log) throws Exception {
    Process device = new ProcessBuilder(namespace.enter(List.of("node", "-e", DEVICE, port)))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    device.getOutputStream().close();
    assertThat(device.waitFor(90, TimeUnit.SECONDS)).as("the device ends").isTrue();
    return Files.readString(log);
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

  /**
   * The certificate fingerprint {@code frame serve} prints under its heading, as LocalSend writes
   * it: upper-case hex without the colons.
   */
  private static String fingerprintIn(String log) {
    Matcher matcher = Pattern.compile("fingerprint \\(SHA-256\\)[^\\n]*\\n\\s*(\\S+)").matcher(log);
    assertThat(matcher.find()).as(log).isTrue();
    return matcher.group(1).replace(":", "");
  }
}
