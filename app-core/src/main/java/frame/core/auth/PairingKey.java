package frame.core.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret the six pairing digits are hashed under (HMAC-SHA256). It lives in a file of the
 * data folder (0600), never in the database: a six-digit SHA-256 is reversed by trying all 10^6,
 * but a stolen database without this key gives nothing back. Made once, at first use.
 */
public final class PairingKey {
  static final String FILE = "pairing.key";

  private final byte[] key;

  private PairingKey(byte[] key) {
    this.key = key;
  }

  public static PairingKey inFolder(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    try {
      if (!Files.exists(file)) create(file);
      byte[] key = Files.readAllBytes(file);
      if (key.length < 32) throw new IOException(file + " is too short to be FRAME's pairing key");
      return new PairingKey(key);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or make the pairing key " + file, e);
    }
  }

  private static void create(Path file) throws IOException {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Files.createDirectories(file.getParent());
    Path temp = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
        ? Files.createTempFile(file.getParent(), ".pairing", ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
        : Files.createTempFile(file.getParent(), ".pairing", ".tmp");
    Files.write(temp, key, StandardOpenOption.SYNC);
    try {
      // two FRAMEs starting at once: the first key stays, the second process reads it
      Files.createLink(file, temp);
    } catch (FileAlreadyExistsException raced) {
      // the other one's key is the key
    } catch (UnsupportedOperationException | IOException noLinks) {
      if (!Files.exists(file)) Files.move(temp, file);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** The stored form of a code: hex HMAC-SHA256 under this key. */
  String hash(String code) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(code.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
