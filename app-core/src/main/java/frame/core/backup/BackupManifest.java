package frame.core.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What a catalogue backup holds, written last into its folder: every file with its size and
 * SHA-256, so a restore can tell a whole backup from a damaged or foreign one before it touches
 * anything. {@code images} is how many photos the catalogue held when the backup began (the
 * backup itself is as of a moment just after).
 */
record BackupManifest(String format, int version, Instant takenAt, int schemaVersion, long images, List<Entry> files) {
  static final String FILE = "frame-backup.json";
  static final String FORMAT = "frame-catalogue-backup";
  static final int VERSION = 1;

  record Entry(String name, long size, String sha256) {}

  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

  /** Lists {@code names} in {@code folder} with their sizes and hashes. */
  static BackupManifest of(Path folder, List<String> names, Instant takenAt, int schemaVersion, long images)
      throws IOException {
    List<Entry> entries = new ArrayList<>();
    for (String name : names) {
      Path file = folder.resolve(name);
      entries.add(new Entry(name, Files.size(file), sha256(file)));
    }
    return new BackupManifest(FORMAT, VERSION, takenAt, schemaVersion, images, List.copyOf(entries));
  }

  void writeTo(Path folder) throws IOException {
    Path file = folder.resolve(FILE);
    JSON.writeValue(file.toFile(), this);
    Durably.force(file);
  }

  /** Reads and checks the manifest of {@code folder}, and every file it names. */
  static BackupManifest verified(Path folder) {
    BackupManifest manifest = read(folder);
    for (Entry entry : manifest.files()) {
      Path file = folder.resolve(entry.name()).normalize();
      if (!file.getParent().equals(folder.normalize())) throw new BackupRefused("The backup in " + folder + " names a file outside it: " + entry.name());
      try {
        if (Files.size(file) != entry.size() || !sha256(file).equals(entry.sha256())) {
          throw new BackupRefused("The backup in " + folder + " is damaged: " + entry.name()
              + " does not match the checksum it was taken with. Nothing was changed.");
        }
      } catch (NoSuchFileException e) {
        throw new BackupRefused("The backup in " + folder + " is incomplete: " + entry.name() + " is missing. Nothing was changed.");
      } catch (IOException e) {
        throw new BackupRefused("Cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    return manifest;
  }

  static BackupManifest read(Path folder) {
    Path file = folder.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new BackupRefused(folder + " holds no FRAME catalogue backup (no " + FILE + "). Nothing was changed.");
    }
    BackupManifest manifest;
    try {
      manifest = JSON.readValue(file.toFile(), BackupManifest.class);
    } catch (IOException e) {
      throw new BackupRefused("The backup in " + folder + " is damaged: " + FILE + " cannot be read (" + e.getMessage()
          .lines().findFirst().orElse("") + "). Nothing was changed.", e);
    }
    if (!FORMAT.equals(manifest.format()) || manifest.files() == null) {
      throw new BackupRefused(folder + " is not a FRAME catalogue backup. Nothing was changed.");
    }
    if (manifest.version() > VERSION) {
      throw new BackupRefused("The backup in " + folder + " was made by a newer FRAME (format " + manifest.version()
          + "). Upgrade FRAME to restore it.");
    }
    return manifest;
  }

  static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) digest.update(buffer, 0, n);
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
