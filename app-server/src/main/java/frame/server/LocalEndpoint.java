package frame.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import frame.core.Frame;
import frame.core.auth.Caller;
import frame.core.auth.TokenKind;
import frame.core.error.FrameException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a command line on this machine finds the FRAME that runs on a data folder and talks to it:
 * the running server writes {@code frame.endpoint} into the data folder with its pid, loopback
 * port and a credential of this run only, readable by the folder's owner alone (0600), and
 * removes it when it stops. The credential never appears on a command line or in {@code ps}, and
 * is never stored in the database: it dies with the process. A server that serves HTTPS also
 * writes its certificate's fingerprint, which the command line pins.
 */
public final class LocalEndpoint implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LocalEndpoint.class);
  static final String FILE_NAME = "frame.endpoint";
  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  /** Who a request with the credential is: an admin, with no stored token to re-check or revoke. */
  static final Caller CALLER = new Caller(-1, "this computer's command line", TokenKind.ADMIN);

  /**
   * What the file says: who wrote it, where it listens, the credential it accepts, and, when it
   * serves HTTPS, its scheme and certificate fingerprint (both null for plain HTTP, and in a file
   * from an older FRAME).
   */
  public record Published(long pid, int port, String credential, String scheme, String fingerprint) {
    public Published(long pid, int port, String credential) {
      this(pid, port, credential, null, null);
    }

    public boolean https() {
      return "https".equals(scheme);
    }

    /** Where the API answers on loopback, e.g. {@code https://127.0.0.1:8420}. */
    public String baseUrl() {
      return (https() ? "https" : "http") + "://127.0.0.1:" + port;
    }
  }

  // Each made on first use, not with the class: a command on a folder where no FRAME runs finds no
  // file and needs neither (their set-up cost about 0.1 s of a cold 'frame import').
  private static final class Secrets {
    static final SecureRandom RANDOM = new SecureRandom();
  }

  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private final Path file;
  private final String credential;

  private LocalEndpoint(Path file, String credential) {
    this.file = file;
    this.credential = credential;
  }

  /** A new credential for a server about to start on {@code dataDir}; {@link #publish} writes it once the port is known. */
  static LocalEndpoint prepare(Path dataDir) {
    byte[] secret = new byte[32];
    Secrets.RANDOM.nextBytes(secret);
    return new LocalEndpoint(dataDir.resolve(FILE_NAME),
        "frame_local_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
  }

  /** True for this run's credential, compared in constant time. */
  boolean accepts(String presented) {
    return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.US_ASCII),
        credential.getBytes(StandardCharsets.US_ASCII));
  }

  /** Writes the file atomically, owner-only from its first byte; {@code fingerprint} null for plain HTTP. */
  void publish(int port, frame.server.tls.Fingerprint fingerprint) {
    Published published = new Published(ProcessHandle.current().pid(), port, credential,
        fingerprint == null ? null : "https", fingerprint == null ? null : fingerprint.hex());
    try {
      Files.createDirectories(file.getParent());
      Path temp = ownerOnlyTempFile(file.getParent());
      try {
        Files.write(temp, Json.MAPPER.writeValueAsBytes(published));
        try {
          Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }

  private static Path ownerOnlyTempFile(Path folder) throws IOException {
    if (isPosix()) {
      return Files.createTempFile(folder, ".frame-endpoint", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    }
    // no POSIX permissions (Windows): the data folder lives in the user's own profile
    return Files.createTempFile(folder, ".frame-endpoint", ".tmp");
  }

  /** Removes the file on a clean stop, unless a later server on the same folder has replaced it. */
  @Override
  public void close() {
    try {
      Optional<Published> current = read(file);
      if (current.isPresent() && current.get().credential().equals(credential)) Files.deleteIfExists(file);
    } catch (IOException | RuntimeException e) {
      log.warn("Cannot remove {}: {}", file, e.getMessage());
    }
  }

  /**
   * The endpoint of the FRAME running on {@code dataDir} now, if one published it. A file left by a
   * FRAME that was killed is ignored: its pid is gone, or no longer holds the data-folder lock.
   * A file anyone but its owner could read is refused: its credential may be known to others.
   */
  public static Optional<Published> discover(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    Optional<Published> published;
    try {
      published = read(file);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (published.isEmpty()) return published;
    refuseIfOthersCanRead(file);
    long pid = published.get().pid();
    if (pid == ProcessHandle.current().pid()) return published; // a server in this very process
    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      OptionalLong holder = Frame.runningOn(dataDir);
      if (holder.isPresent() && holder.getAsLong() == pid) return published;
    }
    return Optional.empty();
  }

  private static Optional<Published> read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) return Optional.empty();
    try {
      return Optional.of(Json.MAPPER.readValue(Files.readAllBytes(file), Published.class));
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      return Optional.empty(); // half-written by a crash: as good as absent
    }
  }

  private static void refuseIfOthersCanRead(Path file) {
    if (!isPosix()) return;
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      boolean mine = Files.getOwner(file).getName().equals(System.getProperty("user.name"));
      if (!mine || !OWNER_ONLY.containsAll(permissions)) {
        throw new FrameException("local_api_unsafe", file + " is not private to its owner (" + Files.getOwner(file)
            + ", " + PosixFilePermissions.toString(permissions) + "); FRAME will not use it. Stop FRAME and remove it.",
            true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isPosix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }
}
