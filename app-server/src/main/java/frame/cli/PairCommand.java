package frame.cli;

import frame.core.Frame;
import frame.core.FrameConfig;
import frame.core.auth.Pairings;
import frame.core.error.FrameException;
import frame.server.ApiServer;
import frame.server.LocalEndpoint;
import frame.server.PairingLinks;
import frame.server.tls.Fingerprint;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
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
    FrameAccess.PairingOffer offer;
    // a running FRAME makes the code itself (over its loopback API); else the code waits in the database
    var running = LocalEndpoint.discover(config.dataDir());
    try (FrameAccess access = running.isPresent() ? new RemoteAccess(running.get(), config)
        : new DirectAccess(Frame.open(config, java.time.Clock.systemUTC(), Frame.settingsFor(config), false))) {
      offer = access.createPairing();
    } catch (FrameException e) {
      if (!"data_folder_in_use".equals(e.code())) throw e;
      spec.commandLine().getErr().println("frame: FRAME is running on this data folder. Pair from its window's "
          + "Server pane, or start 'frame serve' with --pair to print a code.");
      return 1;
    }
    boolean onLan = offer.urls().size() > 1;
    show(spec.commandLine().getOut(), offer.code(), offer.urls(), fingerprint(running, offer, config.dataDir()), onLan, !noQr);
    return 0;
  }

  /**
   * The certificate the link names: the running FRAME's, or, for a code that waits for the next
   * FRAME on the LAN, the one that FRAME will serve with (made now if there is none yet).
   */
  private static Optional<Fingerprint> fingerprint(Optional<LocalEndpoint.Published> running,
      FrameAccess.PairingOffer offer, java.nio.file.Path dataDir) {
    if (running.isPresent()) return Optional.ofNullable(running.get().fingerprint()).map(Fingerprint::parse);
    if (!offer.urls().getFirst().startsWith("https:")) return Optional.empty();
    return Optional.of(ApiServer.certificate(dataDir, true).fingerprint());
  }

  /** Prints a pairing code as a QR code, the link, and the digits (shared with {@code frame serve --pair}). */
  static void show(PrintWriter out, Pairings.PairingCode code, List<String> urls, Optional<Fingerprint> fingerprint,
      boolean lan, boolean qr) {
    String base = PairingLinks.bestBase(urls);
    String link = PairingLinks.link(base, code, fingerprint);
    out.println("Scan this with the phone's camera, or open the link, before "
        + CLOCK.format(code.expiresAt().atZone(ZoneId.systemDefault())) + " (it works once):");
    if (qr) out.print(TerminalQr.of(link));
    out.println("  " + link);
    out.println("Or open " + base + "/ and type the code " + code.digits().substring(0, 3) + " "
        + code.digits().substring(3) + ".");
    fingerprint.ifPresent(f -> out.println("The phone's browser warns once about FRAME's own certificate: its "
        + "fingerprint (SHA-256) is " + f + "."));
    if (!lan) out.println("FRAME serves this computer only: for a phone, run it with --lan (or FRAME_LAN=true).");
    out.flush();
  }
}
