package frame.cli;

import frame.server.ApiServer;
import frame.cli.remote.HttpPorts;
import frame.core.api.devices.PairingCode;

import frame.core.api.FrameLibrary;
import frame.core.api.config.FrameConfig;
import frame.core.api.FrameException;
import frame.server.LocalEndpoint;
import frame.server.PairingLinks;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "pair", mixinStandardHelpOptions = true,
    description = {"Pair a phone or laptop: prints a single-use link as a QR code, and a 6-digit code to type.",
        "The code works once, for 10 minutes: a running FRAME makes it; else it waits for the next FRAME to start."})
final class PairCommand implements Callable<Integer> {
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

  @ParentCommand FrameCommand frameCommand;
  @Spec CommandSpec spec;

  @Option(names = "--port", paramLabel = "N", description = "The port FRAME serves on (default: FRAME_PORT, else 8420).")
  Integer port;

  @Option(names = "--lan", description = "Use this computer's LAN address in the link (default: FRAME_LAN).")
  Boolean lan;

  @Option(names = "--no-qr", description = "Print the link and the digits only.")
  boolean noQr;

  @Override
  public Integer call() {
    FrameConfig config = frameCommand.config(c -> c.flag("FRAME_PORT", port).flag("FRAME_LAN", lan));
    PairingCode code;
    List<String> urls;
    // a running FRAME makes the code itself (over its loopback API) and says its addresses; else the
    // code waits in the database for the server that starts next on this folder
    var running = LocalEndpoint.discover(config.dataDir());
    if (running.isPresent()) {
      try (HttpPorts remote = new HttpPorts(running.get(), config)) {
        code = remote.ports().devices().createPairing();
        urls = remote.pairingUrls();
      }
    } else try (FrameLibrary frame = FrameLibrary.openWithoutRunner(config)) {
      code = frame.ports().devices().createPairing();
      urls = ApiServer.urlsFor(config.port(), config.lan());
    } catch (FrameException e) {
      if (!"data_folder_in_use".equals(e.code())) throw e;
      spec.commandLine().getErr().println("frame: FRAME is running on this data folder. Pair from its window's "
          + "Server pane, or start 'frame serve' with --pair to print a code.");
      return 1;
    }
    boolean onLan = urls.size() > 1;
    show(spec.commandLine().getOut(), code, urls, onLan, !noQr);
    return 0;
  }

  /** Prints a pairing code as a QR code, the link, and the digits (shared with {@code frame serve --pair}). */
  static void show(PrintWriter out, PairingCode code, List<String> urls, boolean lan, boolean qr) {
    String base = PairingLinks.bestBase(urls);
    String link = PairingLinks.link(base, code);
    out.println("Scan this with the phone's camera, or open the link, before "
        + CLOCK.format(code.expiresAt().atZone(ZoneId.systemDefault())) + " (it works once):");
    if (qr) out.print(TerminalQr.of(link));
    out.println("  " + link);
    out.println("Or open " + base + "/ and type the code " + code.digits().substring(0, 3) + " "
        + code.digits().substring(3) + ".");
    if (!lan) out.println("FRAME serves this computer only: for a phone, run it with --lan (or FRAME_LAN=true).");
    out.flush();
  }
}
