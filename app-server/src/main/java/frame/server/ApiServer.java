package frame.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import frame.core.api.FrameLibrary;
import frame.core.api.culling.ImportBatch;
import frame.core.api.jobs.JobPriority;
import frame.server.tls.CertificateNames;
import frame.server.tls.Certificates;
import frame.server.tls.Fingerprint;
import frame.server.tls.PlainHttpRefusal;
import frame.server.tls.ServerCertificate;
import frame.server.tls.TlsConnector;
import frame.server.tus.TusEndpoint;
import frame.server.tus.TusSettings;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST server: a second front end over the same {@link Frame} the desktop uses. Every route
 * is listed in one table, so the auth test and the OpenAPI test can walk them all.
 */
public final class ApiServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ApiServer.class);
  /** Routes anyone may call: health, pairing (a code is the credential) and the page's own files. */
  static final Set<String> PUBLIC_PATHS = publicPaths();
  /** Per connection while a request is read; uploads are what need it large. */
  static final int INPUT_BUFFER_BYTES = 128 * 1024;

  private static Set<String> publicPaths() {
    Set<String> paths = new HashSet<>(Set.of("/api/health", "/api/pair"));
    WebPage.FILES.keySet().forEach(file -> paths.add(WebPage.routeOf(file)));
    return Set.copyOf(paths);
  }

  /** One registered route; {@code path} is in Javalin's and OpenAPI's {@code {param}} form. */
  public record Route(String method, String path) {
    public boolean isPublic() {
      return PUBLIC_PATHS.contains(path);
    }
  }

  private final Javalin app;
  private final EventStream eventStream;
  private final List<Route> routes;
  private final ServerSettings settings;
  private final LanAdvertiser advertiser;
  private final LocalEndpoint local;
  private final ServerCertificate certificate;
  private final TusEndpoint tus;

  private ApiServer(Javalin app, EventStream eventStream, List<Route> routes, ServerSettings settings,
      LocalEndpoint local, ServerCertificate certificate, TusEndpoint tus) {
    this.app = app;
    this.tus = tus;
    this.eventStream = eventStream;
    this.routes = routes;
    this.settings = settings;
    this.certificate = certificate;
    this.advertiser = settings.lan() ? LanAdvertiser.start(app.port(), certificate != null) : null;
    this.local = local;
  }

  /** Starts the server, with HTTPS whenever it is open to the LAN. */
  public static ApiServer start(FrameLibrary frame, ServerSettings settings) {
    return start(frame, settings, settings.lan());
  }

  /** Starts the server; with {@code tls} (or when open to the LAN) it serves HTTPS only. */
  public static ApiServer start(FrameLibrary frame, ServerSettings settings, boolean tls) {
    return start(frame, settings, tls, TusSettings.defaults(frame.config().dataDir(), settings.maxFileBytes()));
  }

  /** The same, with the resumable uploads' own settings (their folder, expiry and clock). */
  public static ApiServer start(FrameLibrary frame, ServerSettings settings, TusSettings tusSettings) {
    return start(frame, settings, settings.lan(), tusSettings);
  }

  private static ApiServer start(FrameLibrary frame, ServerSettings settings, boolean tls, TusSettings tusSettings) {
    try {
      Files.createDirectories(settings.uploadTempDir());
      // parts of uploads a crash interrupted: nothing refers to them any more
      try (var stale = Files.list(settings.uploadTempDir())) {
        for (var file : (Iterable<java.nio.file.Path>) stale::iterator) Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + settings.uploadTempDir(), e);
    }
    ImagesController images = new ImagesController(frame.ports());
    JobsController jobs = new JobsController(frame.ports());
    QueueController queue = new QueueController(frame.ports());
    TrashController trash = new TrashController(frame.ports());
    CatalogueController catalogue = new CatalogueController(frame.ports());
    ArchiveController archive = new ArchiveController(frame.ports());
    CullingController culling = new CullingController(frame.ports());
    UploadController uploads = new UploadController(frame.ports(), settings.maxConcurrentUploads(), settings.maxFileBytes(),
        settings.maxRequestBytes());
    TokensController tokens = new TokensController(frame.ports());
    EventStream eventStream = new EventStream(frame.ports());
    // a finished resumable upload goes through the same ingest as POST /api/upload, as its sender
    TusEndpoint tus = TusEndpoint.open(tusSettings, (file, name, sha256, caller) -> frame.ports().imports()
            .ingestHashedFile(file, name, sha256, JobPriority.FRESH, ImportBatch.LOOSE, caller),
        uploads.slots(), RequestGuards::caller);
    LocalEndpoint local = LocalEndpoint.prepare(frame.config().dataDir());
    EventTickets tickets = new EventTickets(Clock.systemUTC());
    FailedAuthLimiter failures = new FailedAuthLimiter(settings.authFailuresPerMinute(), Clock.systemUTC());
    RequestGuards guards = new RequestGuards(HostAllowlist.forThisMachine(), frame.ports(), tickets, failures, local,
        PUBLIC_PATHS);
    // the server's own URLs are known only once it listens
    AtomicReference<List<String>> ownUrls = new AtomicReference<>(List.of());
    ServerCertificate certificate = tls || settings.lan() ? certificate(frame.config().dataDir(), settings.lan()) : null;
    PairingController pairing = new PairingController(frame.ports(), failures,
        new PairingThrottle(PairingThrottle.ATTEMPTS_PER_MINUTE, Clock.systemUTC()), tickets, ownUrls::get,
        Optional.ofNullable(certificate).map(ServerCertificate::fingerprint));
    byte[] openApi = openApiDocument();
    List<Route> routes = new ArrayList<>();

    Javalin app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.jsonMapper(new JavalinJackson(jsonMapper(), false));
      limits(config, settings);
      ErrorMapping.install(config);
      config.routes.before(guards::headersAndHost);
      if (certificate != null) {
        config.jetty.addConnector((jetty, http) ->
            TlsConnector.create(jetty, http, settings.bindHost(), settings.port(), certificate));
        config.routes.before(PlainHttpRefusal::check);
      }
      config.routes.before(guards::check);
      RouteTable table = new RouteTable(config, routes);
      table.add(HandlerType.GET, "/api/health", ctx -> ctx.json(Map.of("status", "ok")));
      table.add(HandlerType.GET, "/api/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
      table.add(HandlerType.POST, "/api/upload", uploads::upload);
      table.add(HandlerType.OPTIONS, TusEndpoint.PATH, tus::options);
      table.add(HandlerType.POST, TusEndpoint.PATH, tus::create);
      table.add(HandlerType.HEAD, TusEndpoint.PATH + "/{id}", tus::head);
      table.add(HandlerType.PATCH, TusEndpoint.PATH + "/{id}", tus::patch);
      table.add(HandlerType.DELETE, TusEndpoint.PATH + "/{id}", tus::delete);
      table.add(HandlerType.GET, "/api/images", images::list);
      table.add(HandlerType.GET, "/api/images/{id}", images::get);
      table.add(HandlerType.GET, "/api/images/{id}/thumbnail/{size}", images::thumbnail);
      table.add(HandlerType.GET, "/api/images/{id}/preview", images::preview);
      table.add(HandlerType.GET, "/api/images/{id}/original", images::original);
      table.add(HandlerType.HEAD, "/api/images/by-checksum/{sha256}", images::byChecksum);
      table.add(HandlerType.DELETE, "/api/images/{id}", trash::remove);
      table.add(HandlerType.GET, "/api/admin/archive", archive::status);
      table.add(HandlerType.GET, "/api/admin/archive/targets", archive::targets);
      table.add(HandlerType.POST, "/api/admin/archive/targets", archive::add);
      table.add(HandlerType.DELETE, "/api/admin/archive/targets/{name}", archive::remove);
      table.add(HandlerType.POST, "/api/admin/archive/free", archive::free);
      table.add(HandlerType.POST, "/api/admin/archive/safe", archive::safe);
      table.add(HandlerType.POST, "/api/admin/archive/scrub", archive::scrub);
      table.add(HandlerType.GET, "/api/images/{id}/copies", archive::copies);
      table.add(HandlerType.PATCH, "/api/images/{id}", culling::patch);
      table.add(HandlerType.GET, "/api/images/{id}/look-alikes", culling::lookAlikes);
      table.add(HandlerType.POST, "/api/images/{id}/stack-top", culling::chooseTop);
      table.add(HandlerType.GET, "/api/culling/marks", culling::marks);
      table.add(HandlerType.GET, "/api/stacks/{id}", culling::stack);
      table.add(HandlerType.GET, "/api/shoots", culling::shoots);
      table.add(HandlerType.PATCH, "/api/shoots/{id}", culling::renameShoot);
      table.add(HandlerType.GET, "/api/admin/tombstones", culling::tombstones);
      table.add(HandlerType.POST, "/api/admin/culling/delete-rejects", culling::deleteRejects);
      table.add(HandlerType.GET, "/api/admin/culling/analysis", culling::analysis);
      table.add(HandlerType.POST, "/api/admin/culling/analysis", culling::setAnalysis);
      table.add(HandlerType.POST, "/api/admin/culling/export", culling::export);
      table.add(HandlerType.GET, "/api/admin/trash", trash::list);
      table.add(HandlerType.POST, "/api/admin/trash/{id}/restore", trash::restore);
      table.add(HandlerType.DELETE, "/api/admin/trash", trash::empty);
      table.add(HandlerType.GET, "/api/admin/jobs", jobs::list);
      table.add(HandlerType.GET, "/api/admin/jobs/{id}", jobs::get);
      table.add(HandlerType.GET, "/api/admin/tokens", tokens::list);
      table.add(HandlerType.POST, "/api/admin/tokens", tokens::create);
      table.add(HandlerType.DELETE, "/api/admin/tokens", tokens::revoke);
      table.add(HandlerType.POST, "/api/admin/jobs/{id}/retry", jobs::retry);
      table.add(HandlerType.POST, "/api/admin/jobs/retry", jobs::retryMany);
      table.add(HandlerType.POST, "/api/admin/jobs/{id}/cancel", jobs::cancel);
      table.add(HandlerType.POST, "/api/admin/images/{id}/regenerate", jobs::regenerate);
      table.add(HandlerType.POST, "/api/admin/images/regenerate", jobs::regenerateMany);
      table.add(HandlerType.POST, "/api/admin/catalogue/backups", catalogue::backup);
      table.add(HandlerType.POST, "/api/admin/catalogue/adopt", catalogue::adopt);
      table.add(HandlerType.GET, "/api/admin/queue", queue::get);
      table.add(HandlerType.POST, "/api/admin/queue/pause", queue::pause);
      table.add(HandlerType.POST, "/api/admin/queue/resume", queue::resume);
      table.add(HandlerType.GET, "/api/admin/nodes", ctx -> ctx.json(frame.ports().nodes().list()));
      table.add(HandlerType.GET, EventStream.PATH, eventStream.handler());
      table.add(HandlerType.POST, "/api/events/ticket", pairing::ticket);
      table.add(HandlerType.POST, "/api/pair", pairing::pair);
      table.add(HandlerType.GET, "/api/session", pairing::session);
      table.add(HandlerType.POST, "/api/admin/pairing", pairing::create);
      WebPage.FILES.keySet().forEach(file -> table.add(HandlerType.GET, WebPage.routeOf(file), WebPage.handler(file)));
    });
    ListenPort.ensureFree(settings.bindHost(), settings.port());
    try {
      app.start(settings.bindHost(), settings.port());
    } catch (io.javalin.util.JavalinBindException e) { // taken in the moment since the check
      throw ListenPort.taken(settings.bindHost(), settings.port());
    }
    for (Connector connector : app.jettyServer().server().getConnectors()) {
      if (connector instanceof AbstractConnector c) c.setIdleTimeout(settings.idleTimeout().toMillis());
    }
    ApiServer server = new ApiServer(app, eventStream, List.copyOf(routes), settings, local, certificate, tus);
    ownUrls.set(server.urls());
    try {
      local.publish(server.port(), server.fingerprint().orElse(null));
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    log.info("FRAME API listening on {}", server.urls());
    return server;
  }

  private static void limits(JavalinConfig config, ServerSettings settings) {
    // a body arrives in pieces of the connection's input buffer: with Jetty's 8 KiB a 50 MB tus
    // PATCH took some 6 000 reads, each a wake-up of the thread reading it
    config.jetty.modifyHttpConfiguration(http -> http.setInputBufferSize(INPUT_BUFFER_BYTES));
    config.jetty.multipartConfig.cacheDirectory(settings.uploadTempDir().toString());
    config.jetty.multipartConfig.maxFileSize(settings.maxFileBytes(), SizeUnit.BYTES);
    config.jetty.multipartConfig.maxTotalRequestSize(settings.maxRequestBytes(), SizeUnit.BYTES);
    config.jetty.multipartConfig.maxInMemoryFileSize(settings.inMemoryBytes(), SizeUnit.BYTES);
  }

  /** Registers handlers and records them in the route table. */
  private record RouteTable(JavalinConfig config, List<Route> routes) {
    void add(HandlerType method, String path, Handler handler) {
      config.routes.addHttpHandler(method, path, handler);
      routes.add(new Route(method.name(), path));
    }
  }

  static ObjectMapper jsonMapper() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }

  private static byte[] openApiDocument() {
    try (InputStream in = ApiServer.class.getResourceAsStream("/frame/server/openapi.json")) {
      if (in == null) throw new IllegalStateException("openapi.json missing from the build");
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return app.port();
  }

  public List<Route> routes() {
    return routes;
  }

  /** The addresses a person or another device can use. */
  public List<String> urls() {
    return urlsFor(port(), settings.lan(), certificate != null);
  }

  /** The fingerprint of the certificate this server presents, when it serves HTTPS. */
  public Optional<Fingerprint> fingerprint() {
    return Optional.ofNullable(certificate).map(ServerCertificate::fingerprint);
  }

  /** The URLs a server on {@code port} has (loopback, then each LAN address when {@code lan}); HTTPS on the LAN. */
  public static List<String> urlsFor(int port, boolean lan) {
    return urlsFor(port, lan, lan);
  }

  /** The same, with {@code https://} when {@code tls}. */
  public static List<String> urlsFor(int port, boolean lan, boolean tls) {
    String scheme = tls ? "https://" : "http://";
    List<String> urls = new ArrayList<>();
    urls.add(scheme + "127.0.0.1:" + port);
    if (lan) lanHosts().forEach(host -> urls.add(scheme + host + ":" + port));
    return urls;
  }

  /**
   * The certificate a server on {@code dataDir} serves HTTPS with: the stored one, or a new one
   * when there is none or it must be renewed (also for {@code frame pair}, whose link names it).
   */
  public static ServerCertificate certificate(java.nio.file.Path dataDir, boolean lan) {
    return new Certificates(dataDir, Clock.systemUTC())
        .current(CertificateNames.forThisComputer(lan ? lanHosts() : List.of()));
  }

  /** This machine's IPv4 addresses on up, non-loopback interfaces. */
  private static List<String> lanHosts() {
    List<String> hosts = new ArrayList<>();
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nic.isUp() || nic.isLoopback()) continue;
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
          if (address instanceof Inet4Address) hosts.add(address.getHostAddress());
        }
      }
    } catch (SocketException e) {
      log.warn("Cannot list network addresses: {}", e.getMessage());
    }
    return hosts;
  }

  /** The name this server is announced under on the LAN (mDNS), if it is open to the LAN. */
  public Optional<String> advertisedName() {
    return Optional.ofNullable(advertiser).map(LanAdvertiser::name);
  }

  @Override
  public void close() {
    local.close();
    if (advertiser != null) advertiser.close();
    try {
      eventStream.close();
    } catch (Exception e) {
      log.warn("Closing event streams: {}", e.getMessage());
    }
    app.stop();
    tus.close();
  }
}
