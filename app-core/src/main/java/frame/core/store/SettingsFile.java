package frame.core.store;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;

/**
 * A settings file of the data folder ({@code archive.properties}, {@code culling.properties}): a
 * Java properties file a person may edit by hand. Read whole each time; no file means every
 * default. Written whole aside, owner-only like the rest of the data folder, forced to disk and
 * moved over the old one, so a reader or a crash sees the old file or the new, never half.
 */
public final class SettingsFile {
  private final Path file;

  private SettingsFile(Path file) {
    this.file = file;
  }

  /** The file called {@code name} in {@code dataDir}; nothing is read until asked. */
  public static SettingsFile in(Path dataDir, String name) {
    return new SettingsFile(dataDir.resolve(name));
  }

  public Path path() {
    return file;
  }

  /** What the file says now; empty settings when there is no file. */
  public Settings read() {
    Properties values = new Properties();
    if (Files.isRegularFile(file)) {
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        values.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("Could not read " + file, e);
      } catch (IllegalArgumentException e) { // a broken \\u escape
        throw new IllegalArgumentException(file + " cannot be read as settings: " + e.getMessage(), e);
      }
    }
    return new Settings(file, values);
  }

  /** When the file last changed; null when there is none. Cheap enough to ask before each use. */
  public FileTime modified() {
    try {
      return Files.isRegularFile(file) ? Files.getLastModifiedTime(file) : null;
    } catch (IOException e) {
      return null; // removed between the two calls: as if there were none
    }
  }

  /** Sets these keys, keeping every other line's key and value, and replaces the file whole. */
  public void write(Map<String, String> changes, String comment) {
    Properties values = read().copy();
    values.putAll(changes);
    StringWriter text = new StringWriter();
    try {
      values.store(text, comment);
      Path aside = file.resolveSibling(file.getFileName() + ".new");
      Files.deleteIfExists(aside);
      try (FileChannel out = FileChannel.open(aside, java.util.Set.of(StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE), ownerOnly())) {
        out.write(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
        out.force(true);
      }
      Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + file, e);
    }
  }

  private static FileAttribute<?>[] ownerOnly() {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) return new FileAttribute<?>[0];
    return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PrivateFolder.FILE)};
  }
}
