package frame.core.archive;

import frame.core.api.archive.ArchiveCredentials;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * S3 credentials, one file per target in the data folder, readable by its user only (0600 in a
 * 0700 folder). They are never in the database, a log line or an API answer.
 */
final class CredentialStore {
  private final Path folder;

  CredentialStore(Path dataDir) {
    this.folder = dataDir.resolve("archive-credentials");
  }

  void save(String target, ArchiveCredentials credentials) {
    try {
      Files.createDirectories(folder);
      restrict(folder, "rwx------");
      Properties properties = new Properties();
      properties.setProperty("aws_access_key_id", credentials.accessKeyId());
      properties.setProperty("aws_secret_access_key", credentials.secretAccessKey());
      StringWriter text = new StringWriter();
      properties.store(text, "FRAME archive target " + target);
      Path part = folder.resolve(fileName(target) + ".part");
      Files.deleteIfExists(part);
      Files.createFile(part);
      restrict(part, "rw-------"); // before the secret goes in
      Files.writeString(part, text.toString());
      Files.move(part, file(target), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not keep the credentials in " + folder, e);
    }
  }

  Optional<ArchiveCredentials> load(String target) {
    Path file = file(target);
    if (!Files.isRegularFile(file)) return Optional.empty();
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the credentials in " + file, e);
    }
  }

  void delete(String target) {
    try {
      Files.deleteIfExists(file(target));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Credentials from a file in the AWS shared-credentials style ({@code aws_access_key_id = ...})
   * or as {@code KEY=value} lines with the environment's names.
   */
  static Optional<ArchiveCredentials> parse(String text) {
    Properties properties = new Properties();
    try {
      properties.load(new StringReader(text));
    } catch (IOException e) {
      return Optional.empty();
    }
    String id = first(properties, "aws_access_key_id", "AWS_ACCESS_KEY_ID");
    String secret = first(properties, "aws_secret_access_key", "AWS_SECRET_ACCESS_KEY");
    return id == null || secret == null ? Optional.empty() : Optional.of(new ArchiveCredentials(id, secret));
  }

  /** The standard environment variables, when both are set. */
  static Optional<ArchiveCredentials> fromEnvironment(Map<String, String> env) {
    String id = env.get("AWS_ACCESS_KEY_ID");
    String secret = env.get("AWS_SECRET_ACCESS_KEY");
    return id == null || id.isBlank() || secret == null || secret.isBlank()
        ? Optional.empty() : Optional.of(new ArchiveCredentials(id, secret));
  }

  private static String first(Properties properties, String... names) {
    for (String name : names) {
      String value = properties.getProperty(name);
      if (value != null && !value.isBlank()) return value.strip();
    }
    return null;
  }

  private Path file(String target) {
    return folder.resolve(fileName(target) + ".properties");
  }

  private static String fileName(String target) {
    return target.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private static void restrict(Path path, String permissions) throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    }
  }
}
