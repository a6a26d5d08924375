package frame.cli;

import frame.core.api.FrameLibrary;
import frame.core.api.config.FrameConfig;
import frame.core.api.FrameException;
import frame.server.ApiServer;
import frame.server.ListenPort;
import frame.server.PairingLinks;
import frame.server.ServerSettings;
import frame.server.localsend.Approval;
import frame.server.localsend.LocalSendReceiver;
import frame.server.localsend.LocalSendSettings;
import frame.server.tls.Certificates;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Run the job runner and the REST API without a window, until stopped (Ctrl-C or SIGTERM)."})
final class ServeCommand implements Callable<Integer> {
  @ParentCommand FrameCommand frameCommand;
  @Spec CommandSpec spec;

  @Option(names = "--port", paramLabel = "N", description = "Port (default: FRAME_PORT, else 8420; 0 picks a free one).")
  Integer port;

  @Option(names = "--lan", description = "Listen on every interface so other devices on the LAN can connect "
      + "(default: FRAME_LAN, else loopback only).")
  Boolean lan;

  @Option(names = "--tls", description = "Serve HTTPS on loopback too (with --lan it always does).")
  boolean tls;

  @Option(names = "--localsend", description = "Also receive photos from LocalSend apps (protocol v2, HTTPS with "
      + "FRAME's certificate); with --lan on every interface and announced by multicast. Senders give the PIN.")
  boolean localSend;

  @Option(names = "--localsend-port", paramLabel = "N", defaultValue = "53317",
      description = "LocalSend's port (default ${DEFAULT-VALUE}, LocalSend's own).")
  int localSendPort;

  @Option(names = "--localsend-pin", paramLabel = "PIN",
      description = "The PIN LocalSend senders must give (default: a random 6-digit PIN, printed at start).")
  String localSendPin;

  @Option(names = "--pair", description = "Print a single-use pairing code (QR code, link, 6 digits) for a phone.")
  boolean pair;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    FrameConfig config = frameCommand.config(c -> c.flag("FRAME_PORT", port).flag("FRAME_LAN", lan)).withNodeKind("serve");
    FrameLibrary frame = FrameLibrary.open(config);
    ApiServer server;
    try {
      server = ApiServer.start(frame, ServerSettings.defaults(config.port(), config.lan(), config.dataDir()),
          tls || config.lan());
    } catch (RuntimeException e) {
      frame.close();
      if (e instanceof FrameException taken && ListenPort.TAKEN.equals(taken.code())) {
        throw new FrameException(taken.code(), taken.getMessage() + ". Serve on another port with --port,"
            + " for example: frame serve --port " + (config.port() + 1), true);
      }
      throw e;
    }
    LocalSendReceiver localSendReceiver;
    String pin = localSendPin != null ? localSendPin : LocalSendReceiver.randomPin();
    try {
      localSendReceiver = localSend ? LocalSendReceiver.start(frame.ports(), LocalSendSettings.of(localSendPort, pin)
          .withMulticast(config.lan()), Approval.NOBODY, ApiServer.certificate(config.dataDir(), config.lan()),
          ServerSettings.defaults(0, config.lan(), config.dataDir()).bindHost()) : null;
    } catch (RuntimeException e) {
      server.close();
      frame.close();
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (localSendReceiver != null) localSendReceiver.close();
      server.close();
      frame.close();
      stopped.countDown();
    }, "frame-shutdown"));

    out.println("FRAME is serving " + config.dataDir());
    server.urls().forEach(url -> out.println("  " + url + "/api"));
    server.fingerprint().ifPresent(fingerprint -> {
      out.println("HTTPS certificate fingerprint (SHA-256), to compare with what a browser or client shows:");
      out.println("  " + fingerprint);
    });
    server.advertisedName().ifPresent(name -> out.println("Announced on the local network as '" + name + "' (mDNS)."));
    out.println("Phones and laptops: open " + PairingLinks.bestBase(server.urls()) + "/ and pair ("
        + (pair ? "code below" : "'frame serve --pair' or the window's Server pane shows a code") + ").");
    if (!frame.ports().devices().anyActiveToken()) {
      String token = frame.ports().devices().createToken("default");
      out.println("Created the first API token, named 'default'. It is shown only this once:");
      out.println("  " + token);
    } else {
      out.println("API tokens: " + frame.ports().devices().tokens().size()
          + " active. Manage them with 'frame token create|list|revoke' (this FRAME answers those too).");
    }
    if (localSendReceiver != null) {
      out.println("Receiving from LocalSend as 'FRAME' on port " + localSendReceiver.port() + " (HTTPS), PIN " + pin
          + (config.lan() ? "." : "; loopback only: add --lan for phones."));
    }
    if (pair) PairCommand.show(out, frame.ports().devices().createPairing(), server.urls(), server.fingerprint(), config.lan(), true);
    String trust = server.fingerprint().isEmpty() ? ""
        : "--cacert '" + config.dataDir().resolve(Certificates.FOLDER).resolve(Certificates.PEM_NAME) + "' ";
    out.println("Try: curl " + trust + "-H 'Authorization: Bearer <token>' " + server.urls().get(0) + "/api/images");
    out.println("Stop with Ctrl-C.");
    out.flush();
    stopped.await();
    return 0;
  }
}
