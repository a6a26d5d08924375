package frame.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mDNS announcement and {@code frame discover}, with no multicast on the real network: both run
 * in child JVMs inside a network namespace this test creates, whose only link is a veth pair with
 * both ends inside it. Skips, saying why, where namespaces cannot be made (not root, no iproute2).
 */
class LanDiscoveryTest {
  private static final String NAMESPACE = "frame-mdns-" + ProcessHandle.current().pid();

  @TempDir Path dataDir;
  @TempDir Path logs;
  private final List<Process> children = new ArrayList<>();
  private boolean made;

  @AfterEach
  void cleanUp() throws Exception {
    for (Process child : children) {
      child.destroyForcibly();
      child.waitFor(20, TimeUnit.SECONDS);
    }
    if (made) run("ip", "netns", "del", NAMESPACE);
  }

  private static int run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return -1;
    }
    return process.exitValue();
  }

  private void inNamespace(String... command) throws IOException, InterruptedException {
    List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", NAMESPACE));
    all.addAll(List.of(command));
    assertThat(run(all.toArray(String[]::new))).as(String.join(" ", command)).isZero();
  }

  private void makeNamespace() throws Exception {
    boolean possible;
    try {
      possible = run("ip", "netns", "add", NAMESPACE) == 0;
    } catch (IOException e) {
      possible = false;
    }
    assumeTrue(possible, "Skipped: cannot create a network namespace here (needs root and iproute2), "
        + "and mDNS must not be tested on the real network");
    made = true;
    inNamespace("ip", "link", "set", "lo", "up");
    inNamespace("ip", "link", "add", "frame-a", "type", "veth", "peer", "name", "frame-b");
    inNamespace("ip", "addr", "add", "10.253.0.1/24", "dev", "frame-a");
    inNamespace("ip", "addr", "add", "10.253.0.2/24", "dev", "frame-b");
    inNamespace("ip", "link", "set", "frame-a", "up");
    inNamespace("ip", "link", "set", "frame-b", "up");
    inNamespace("ip", "route", "add", "224.0.0.0/4", "dev", "frame-a");
  }

  private Process frame(Path log, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", NAMESPACE,
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-Djava.awt.headless=true",
        "-cp", System.getProperty("java.class.path"), "frame.cli.ServerMain"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    children.add(process);
    return process;
  }

  @Test
  void a_lan_server_is_announced_and_frame_discover_finds_it() throws Exception {
    makeNamespace();
    Path serveLog = logs.resolve("serve.log");
    frame(serveLog, "serve", "--lan", "--port", "0", "--data-dir", dataDir.toString());
    // as ChildFrame's start: on a loaded 2-core machine a first start with --lan (a new
    // certificate, mDNS) took over a minute
    String started = await().atMost(Duration.ofSeconds(180)).until(() -> Files.readString(serveLog),
        text -> text.contains("Stop with Ctrl-C"));
    assertThat(started).contains("Announced on the local network as 'FRAME on ");
    String port = started.replaceAll("(?s).*https://127\\.0\\.0\\.1:(\\d+)/api.*", "$1");
    String fingerprint = started.replaceAll("(?s).*\\s((?:[0-9A-F]{2}:){31}[0-9A-F]{2})\\s.*", "$1");

    Path discoverLog = logs.resolve("discover.log");
    Process discover = frame(discoverLog, "discover", "--seconds", "6");
    assertThat(discover.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String found = Files.readString(discoverLog);
    assertThat(discover.exitValue()).as(found).isZero();
    assertThat(found).contains("FRAME on ").containsPattern("https://10\\.253\\.0\\.[12]:" + port + "/")
        .as("the certificate it presents, to compare").contains("certificate SHA-256 " + fingerprint);
  }
}
