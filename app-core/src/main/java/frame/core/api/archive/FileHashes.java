package frame.core.api.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Hashes a card or a folder for {@link frame.core.api.Archive#safe}: every file under it by its
 * SHA-256, named relative to it. Files whose name starts with a dot (the camera's and the system's
 * own) are left out, as {@code frame safe} leaves them out.
 */
public final class FileHashes {
  private FileHashes() {}

  /** Every file under {@code dir}, in name order. */
  public static List<FileHash> under(Path dir) throws IOException {
    List<FileHash> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        if (file.getFileName().toString().startsWith(".")) continue;
        files.add(new FileHash(dir.relativize(file).toString(), sha256(file), Files.size(file)));
      }
    }
    return files;
  }

  /** A file's SHA-256 in lower-case hex, read in 64 KB steps. */
  public static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) digest.update(buffer, 0, n);
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
