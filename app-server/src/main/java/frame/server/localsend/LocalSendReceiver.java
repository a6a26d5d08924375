package frame.server.localsend;

import com.fasterxml.jackson.databind.ObjectMapper;
import frame.core.api.FrameException;
import frame.core.api.Ports;
import frame.core.api.culling.ImportBatch;
import frame.core.api.culling.ShootSource;
import frame.core.api.devices.Caller;
import frame.core.api.devices.TokenKind;
import frame.core.api.jobs.JobPriority;
import frame.core.api.imports.IngestResult;
import frame.server.tls.ServerCertificate;
import frame.server.tls.TlsConnector;
import io.javalin.Javalin;
import frame.server.upload.RejectionStatus;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FRAME as a LocalSend v2 receiver: its own HTTPS port (53317 by default) with FRAME's
 * certificate, so phones send with an app they already have. A session needs the PIN, or the
 * photographer's Accept through {@link Approval}; files that are not photos, and photos FRAME
 * holds already (by the sha256 the sender gives), get no token. Each upload streams straight into
 * the same ingest as {@code POST /api/upload}; several may run at once. A file sent in chunks
 * ({@code X-Content-Range}, the npm CLI's way over 50 MiB) streams into one ingest too.
 */
public final class LocalSendReceiver implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LocalSendReceiver.class);
  static final String BASE = "/api/localsend/v2";
  private static final SecureRandom RANDOM = new SecureRandom();
  /** How long FRAME's register call to a device that announced itself may take before the multicast answer. */
  private static final java.time.Duration REGISTER_TIMEOUT = java.time.Duration.ofSeconds(3);

  private final Ports ports;
  private final LocalSendSettings settings;
  private final Approval approval;
  private final Messages.DeviceInfo self;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final PinAttempts wrongPins = new PinAttempts(10, java.time.Clock.systemUTC());
  private final Javalin app;
  private final MulticastAnnouncer announcer;

  private LocalSendReceiver(Ports ports, LocalSendSettings settings, Approval approval, ServerCertificate certificate,
      String bindHost) {
    this.ports = ports;
    this.settings = settings;
    this.approval = approval;
    ObjectMapper json = new ObjectMapper();
    this.app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.jsonMapper(new JavalinJackson(json, false));
      config.jetty.addConnector((jetty, http) -> TlsConnector.create(jetty, http, bindHost, settings.port(), certificate));
      config.routes.get(BASE + "/info", ctx -> ctx.json(self()));
      config.routes.post(BASE + "/register", this::register);
      config.routes.post(BASE + "/prepare-upload", this::prepare);
      config.routes.post(BASE + "/upload", this::upload);
      config.routes.post(BASE + "/cancel", this::cancel);
      config.routes.exception(Exception.class, (e, ctx) -> {
        log.warn("LocalSend {} failed", ctx.path(), e);
        ctx.status(500).json(new Messages.Message("FRAME could not take this: " + e.getMessage()));
      });
    });
    app.start(bindHost, settings.port());
    this.self = new Messages.DeviceInfo(settings.alias(), "2.0", "FRAME", "server",
        certificate.fingerprint().plainHex(), app.port(), "https", false, null);
    this.announcer = settings.multicast()
        ? MulticastAnnouncer.start(self, new Registrar(self, certificate, REGISTER_TIMEOUT)) : null;
  }

  /** Starts receiving on {@code bindHost} (0.0.0.0 for the LAN, 127.0.0.1 for loopback). */
  public static LocalSendReceiver start(Ports ports, LocalSendSettings settings, Approval approval,
      ServerCertificate certificate, String bindHost) {
    return new LocalSendReceiver(ports, settings, approval, certificate, bindHost);
  }

  public int port() {
    return app.port();
  }

  private Messages.DeviceInfo self() {
    return self;
  }

  /** A device that heard FRAME's announcement introduces itself; FRAME answers with its own info. */
  private void register(Context ctx) {
    Messages.DeviceInfo other;
    try {
      other = ctx.bodyAsClass(Messages.DeviceInfo.class);
    } catch (Exception e) { // not JSON, or not this shape: the sender's mistake, not FRAME's

      ctx.status(400).json(new Messages.Message("Invalid body"));
      return;
    }
    if (other == null || other.alias() == null) {
      ctx.status(400).json(new Messages.Message("Invalid body: no alias"));
      return;
    }
    log.info("LocalSend device '{}' ({}) at {} found FRAME", printable(other.alias()), printable(other.deviceModel()),
        ctx.ip());
    ctx.json(self());
  }

  private void prepare(Context ctx) throws Exception {
    Messages.PrepareUpload request;
    try {
      request = ctx.bodyAsClass(Messages.PrepareUpload.class);
    } catch (Exception e) { // not JSON, or not this shape: the sender's mistake, not FRAME's

      ctx.status(400).json(new Messages.Message("Invalid body"));
      return;
    }
    if (request == null || request.files() == null || request.files().isEmpty() || request.info() == null
        || request.files().values().stream().anyMatch(java.util.Objects::isNull)) {
      ctx.status(400).json(new Messages.Message("Invalid body: no files"));
      return;
    }
    // the sender's name becomes a shoot's name and goes into log lines: no line breaks or controls
    String named = request.info().alias() == null ? "" : request.info().alias().replaceAll("\\p{Cntrl}", " ").strip();
    String alias = named.isEmpty() ? "LocalSend" : named;
    if (!admitted(ctx, alias, request)) return;
    Map<String, Session.Accepted> accepted = new LinkedHashMap<>();
    Map<String, String> tokens = new LinkedHashMap<>();
    Map<String, String> refused = new LinkedHashMap<>();
    request.files().forEach((id, file) -> {
      String sha256 = file.sha256() == null ? null : file.sha256().trim().toLowerCase(Locale.ROOT);
      if (sha256 != null && !sha256.matches("[0-9a-f]{64}")) sha256 = null;
      var refusal = PhotoFiles.refusal(file);
      if (refusal.isPresent()) {
        refused.put(id, refusal.get());
      } else if (file.size() > settings.maxFileBytes()) {
        refused.put(id, "larger than the " + (settings.maxFileBytes() >> 20) + " MiB FRAME takes in one file");
      } else if (sha256 != null && ports.library().bySha256(sha256).isPresent()) {
        refused.put(id, "FRAME has this photo already");
      } else {
        String token = randomHex();
        tokens.put(id, token);
        accepted.put(id, new Session.Accepted(token, file.fileName(), file.size(), sha256));
      }
    });
    refused.forEach((id, why) -> log.info("LocalSend from {}: not taking {}: {}", alias, id, why));
    if (tokens.isEmpty()) {
      boolean onlyHeld = refused.values().stream().allMatch(why -> why.startsWith("FRAME has"));
      if (onlyHeld) ctx.status(204);
      else ctx.status(403).json(new Messages.Message("Nothing to receive: " + String.join("; ", refused.values())));
      return;
    }
    // sessions a sender left (a refused file, a sender gone) go once idle for the session's life
    sessions.values().removeIf(old -> old.idleLongerThan(settings.sessionLife()));
    Session session = new Session(randomHex(), alias, accepted);
    sessions.put(session.id, session);
    ctx.json(new Messages.Prepared(session.id, tokens, refused));
  }

  /** The PIN when one is set; otherwise the photographer's answer, refused when none comes in time. */
  private boolean admitted(Context ctx, String alias, Messages.PrepareUpload request) throws InterruptedException {
    if (settings.pin() != null) {
      if (wrongPins.blocked()) {
        ctx.status(429).json(new Messages.Message("Too many wrong PINs; try again in a minute"));
        return false;
      }
      String pin = ctx.queryParam("pin");
      if (pin == null || !java.security.MessageDigest.isEqual(pin.getBytes(), settings.pin().getBytes())) {
        if (pin != null) {
          wrongPins.failed();
          log.warn("LocalSend: a wrong PIN from {} ('{}')", ctx.ip(), alias);
        }
        ctx.status(401).json(new Messages.Message(pin == null ? "PIN required" : "Invalid PIN"));
        return false;
      }
      return true;
    }
    long bytes = request.files().values().stream().mapToLong(Messages.FileInfo::size).sum();
    boolean yes;
    java.util.concurrent.CompletableFuture<Boolean> answer = approval.ask(new SessionOffer(alias, request.files().size(), bytes));
    try {
      yes = answer.get(settings.answerTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      answer.complete(false); // the window stops asking
      yes = false;
    }
    if (!yes) ctx.status(403).json(new Messages.Message("Rejected: no one accepted at FRAME"));
    return yes;
  }

  private void upload(Context ctx) throws IOException, InterruptedException {
    String sessionId = ctx.queryParam("sessionId");
    String fileId = ctx.queryParam("fileId");
    String token = ctx.queryParam("token");
    if (sessionId == null || fileId == null || token == null) {
      ctx.status(400).json(new Messages.Message("Missing parameters"));
      return;
    }
    Session session = sessions.get(sessionId);
    Session.Accepted file = session == null ? null : session.files.get(fileId);
    if (file == null || !java.security.MessageDigest.isEqual(file.token().getBytes(), token.getBytes())) {
      ctx.status(403).json(new Messages.Message("Invalid token"));
      return;
    }
    session.touch();
    if (session.hasArrived(fileId)) {
      ctx.status(409).json(new Messages.Message("This file arrived already"));
      return;
    }
    String rangeHeader = ctx.header(ContentRange.HEADER);
    Answer answer;
    boolean whole = true;
    if (rangeHeader == null) {
      answer = session.arrivingInChunks(fileId)
          ? Answer.refused(409, "This file is arriving in chunks; send its next chunk")
          : wholeOnce(ctx, session, fileId, file);
    } else {
      ContentRange range;
      try {
        range = ContentRange.parse(rangeHeader);
      } catch (IllegalArgumentException e) {
        ctx.status(400).json(new Messages.Message(e.getMessage()));
        return;
      }
      whole = range.last();
      answer = chunk(ctx, session, fileId, file, range);
    }
    if (answer.ok() && whole && session.arrived(fileId)) sessions.remove(session.id);
    ctx.status(answer.status());
    if (answer.message() != null) ctx.json(new Messages.Message(answer.message()));
  }

  /** A file in one request, one request at a time: a token brings at most one photo. */
  private Answer wholeOnce(Context ctx, Session session, String fileId, Session.Accepted file) throws IOException {
    if (!session.startReceiving(fileId)) {
      discard(ctx.req().getInputStream(), file.size());
      return Answer.refused(409, "This file is arriving already in another request");
    }
    Answer answer = null;
    try {
      answer = whole(ctx, session, file);
      return answer;
    } finally {
      // one that arrived stays claimed: no request after it may bring the file again
      if (answer == null || !answer.ok()) session.doneReceiving(fileId);
    }
  }

  /** A file in one request, its body exactly the size announced. */
  private Answer whole(Context ctx, Session session, Session.Accepted file) throws IOException {
    try (InputStream body = new ExactBytes(ctx.req().getInputStream(), file.size(), session::cancelled)) {
      return store(body, session, file);
    } catch (IOException e) {
      return Answer.refused(400, "Not stored: " + rootMessage(e));
    }
  }

  /**
   * One chunk of a file sent in chunks (the npm CLI's way for files over 50 MiB): appended to the
   * file's one ingest stream, in order.
   */
  private Answer chunk(Context ctx, Session session, String fileId, Session.Accepted file, ContentRange range)
      throws IOException, InterruptedException {
    if (range.total() != file.size()) {
      return Answer.refused(400, ContentRange.HEADER + " gives the file " + range.total() + " bytes; prepare-upload "
          + "announced " + file.size());
    }
    long length = ctx.req().getContentLengthLong();
    if (length != -1 && length != range.length()) {
      return Answer.refused(400, "The chunk has " + length + " bytes but " + range + " covers " + range.length());
    }
    ChunkedFile chunked = session.chunks(fileId, range.start() == 0,
        () -> new ChunkedFile(file.size(), settings.chunkPatience(), session::cancelled)
            .start(in -> store(in, session, file)));
    Answer answer = chunked == null
        ? Answer.refused(409, "Chunk " + range + " leaves a gap: the first chunk of a file starts at byte 0")
        : chunked.feed(range, ctx.req().getInputStream());
    // the sender is still sending the refused chunk: read it out, so it can read the refusal
    if (!answer.ok()) discard(ctx.req().getInputStream(), range.length());
    return answer;
  }

  private static void discard(InputStream body, long atMost) {
    byte[] buffer = new byte[64 * 1024];
    try {
      for (long left = atMost; left > 0; ) {
        int n = body.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n == -1) return;
        left -= n;
      }
    } catch (IOException e) {
      // the sender is gone: nothing more to read out
    }
  }

  /** The file's bytes into the same ingest as {@code POST /api/upload}; nothing is kept when they fail. */
  private Answer store(InputStream body, Session session, Session.Accepted file) {
    IngestResult result;
    try {
      // arrivals are a shoot named after the sender, like a phone's session
      // a sender is a device, not the owner: its copy of a photo in the trash restores nothing
      result = ports.imports().ingestWithChecksumAfter(body, file.name(), file::sha256, JobPriority.FRESH,
          ImportBatch.shoot(session.senderAlias, ShootSource.LOCALSEND),
          new Caller(0, session.senderAlias, TokenKind.DEVICE));
    } catch (UncheckedIOException e) {
      return Answer.refused(400, "Not stored: " + rootMessage(e));
    } catch (FrameException e) {
      if (!"checksum_mismatch".equals(e.code())) throw e;
      return Answer.refused(400, "Not stored: the bytes do not match the sha256 announced");
    }
    if (result instanceof IngestResult.Rejected rejected) {
      return Answer.refused(RejectionStatus.of(rejected.code()), "Not stored: " + rejected.reason());
    }
    log.info("LocalSend from {}: {} {}", session.senderAlias, file.name(), switch (result) {
      case IngestResult.Duplicate duplicate -> "(already in FRAME)";
      case IngestResult.Restored restored -> "(restored the original of image " + restored.image().id()
          + ", which had no good copy left)";
      case IngestResult.Skipped skipped -> "(skipped: " + skipped.reason() + ")";
      default -> "stored";
    });
    return Answer.OK;
  }

  private void cancel(Context ctx) {
    String sessionId = ctx.queryParam("sessionId");
    Session session = sessionId == null ? null : sessions.remove(sessionId);
    if (session != null) session.cancel();
    ctx.status(200);
  }

  /** A sender's own words, one line in the log whatever it sent. */
  private static String printable(String text) {
    return text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) t = t.getCause();
    return t.getMessage();
  }

  /** A PIN for a headless FRAME whose owner gave none: six random digits. */
  public static String randomPin() {
    return String.format("%06d", RANDOM.nextInt(1_000_000));
  }

  private static String randomHex() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public void close() {
    if (announcer != null) announcer.close();
    app.stop();
  }
}
