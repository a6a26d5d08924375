package frame.core.store;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

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

  /**
   * Sets these keys and replaces the file whole. Every other line stays as the person wrote it,
   * comments and blank lines included; a changed key keeps its place, a new one goes at the end.
   * A new file starts with {@code comment}, when there is one.
   */
  public void write(Map<String, String> changes, String comment) {
    Map<String, String> left = new LinkedHashMap<>(new TreeMap<>(changes));
    StringBuilder text = new StringBuilder();
    if (Files.isRegularFile(file)) {
      for (String line : logicalLines()) {
        String key = keyOf(line);
        if (key != null && changes.containsKey(key)) {
          if (left.remove(key) != null) text.append(entry(key, changes.get(key)));
        } else {
          text.append(line).append('\n');
        }
      }
    } else if (comment != null) {
      text.append("# ").append(comment).append('\n');
    }
    left.forEach((key, value) -> text.append(entry(key, value)));
    replaceWith(text.toString());
  }

  /** The file's lines, a value continued with a trailing backslash kept with its first line. */
  private List<String> logicalLines() {
    List<String> lines = new ArrayList<>();
    StringBuilder pending = null;
    for (String line : readLines()) {
      if (pending == null) {
        if (isComment(line) || !continues(line)) {
          lines.add(line);
          continue;
        }
        pending = new StringBuilder(line);
      } else {
        pending.append('\n').append(line);
        if (!continues(line)) {
          lines.add(pending.toString());
          pending = null;
        }
      }
    }
    if (pending != null) lines.add(pending.toString());
    return lines;
  }

  private List<String> readLines() {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + file, e);
    }
  }

  private static boolean isComment(String line) {
    String start = line.stripLeading();
    return start.isEmpty() || start.startsWith("#") || start.startsWith("!");
  }

  /** An odd number of backslashes at the end continues the value on the next line. */
  private static boolean continues(String line) {
    int slashes = 0;
    for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) slashes++;
    return slashes % 2 == 1;
  }

  /** The key a line sets, read the way {@link Properties} reads it; null for a comment. */
  private static String keyOf(String logicalLine) {
    if (isComment(logicalLine.lines().findFirst().orElse(""))) return null;
    Properties one = new Properties();
    try {
      one.load(new StringReader(logicalLine));
    } catch (IOException | IllegalArgumentException e) {
      return null; // a line Properties cannot read is kept as it is
    }
    return one.stringPropertyNames().stream().findFirst().orElse(null);
  }

  /** One {@code key=value} line, escaped the way {@link Properties#store} escapes it. */
  private static String entry(String key, String value) {
    Properties one = new Properties();
    one.setProperty(key, value);
    StringWriter text = new StringWriter();
    try {
      one.store(text, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return text.toString().lines().filter(line -> !line.startsWith("#")).findFirst().orElseThrow() + "\n";
  }

  private void replaceWith(String text) {
    try {
      Path aside = file.resolveSibling(file.getFileName() + ".new");
      Files.deleteIfExists(aside);
      try (FileChannel out = FileChannel.open(aside, java.util.Set.of(StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE), ownerOnly())) {
        out.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
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
