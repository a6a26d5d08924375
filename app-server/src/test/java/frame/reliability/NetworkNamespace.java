package frame.reliability;

import frame.core.testing.Programs;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace of a test's own, made with {@code unshare -rn}: only loopback, up, with the
 * multicast route on it, so what its processes multicast never reaches a real network. Processes
 * join it through {@link #enter}; it ends with {@link #close}. Where the machine allows no
 * namespace (no unprivileged user namespaces, no CAP_SYS_ADMIN) the calling test is skipped.
 */
final class NetworkNamespace implements AutoCloseable {
  private static final String SETUP =
      "ip link set lo up && ip link set lo multicast on && ip route add 224.0.0.0/4 dev lo src 127.0.0.1"
          + " && echo ready && exec sleep 900";

  private final Process holder;

  private NetworkNamespace(Process holder) {
    this.holder = holder;
  }

  static NetworkNamespace create() throws IOException, InterruptedException {
    for (String tool : List.of("unshare", "nsenter", "ip")) {
      assumeTrue(Programs.works(tool, tool.equals("ip") ? "-V" : "--version"), tool + " is not installed: no network namespace");
    }
    // the holder keeps the namespace alive: unshare execs sh, which execs sleep, all as one pid
    Process holder = new ProcessBuilder("unshare", "-rn", "sh", "-c", SETUP).redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
    String first = out.readLine();
    if (!"ready".equals(first)) {
      holder.destroyForcibly();
      assumeTrue(false, "this machine allows no network namespace (unshare -rn): " + first);
    }
    return new NetworkNamespace(holder);
  }

  /** {@code command}, run inside the namespace. */
  List<String> enter(List<String> command) {
    List<String> inside = new ArrayList<>(List.of("nsenter", "--preserve-credentials", "-U", "-n", "-t",
        Long.toString(holder.pid())));
    inside.addAll(command);
    return inside;
  }

  @Override
  public void close() throws InterruptedException {
    holder.destroyForcibly();
    holder.waitFor();
  }
}
