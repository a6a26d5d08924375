package frame.core.archive;

import frame.core.api.library.Image;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A folder target (external disk, mounted NAS share), laid out for people:
 * {@code YYYY/YYYY-MM-DD/<the camera's file name>}, a clash getting {@code -1}, {@code -2}..., and
 * {@code <name>.frame.json} beside each original. The sidecar is created first and exclusively: it
 * reserves the name, so two workers never take the same one and a rerun finds its own.
 */
final class FolderTarget implements Target {
  static final String SIDECAR_SUFFIX = ".frame.json";
  /** The manifest of a catalogue backup: a folder holding it is a whole backup. */
  static final String MANIFEST = "frame-backup.json";
  /** {@code YYYY/YYYY-MM-DD/<name>}, the name not hidden: where FRAME puts originals, and nothing else. */
  private static final Pattern LAID_OUT = Pattern.compile("\\d{4}/\\d{4}-\\d{2}-\\d{2}/[^/.][^/]*");
  private final Path root;

  FolderTarget(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public String put(Image image, Path original, byte[] sidecar) throws IOException {
    check();
    LocalDate day = dayOf(image);
    Path folder = root.resolve(String.format("%04d", day.getYear())).resolve(day.toString());
    String relative = root.relativize(folder).toString().replace('\\', '/');
    guard(() -> Files.createDirectories(folder));
    String name = safeName(image);
    for (int n = 0; ; n++) {
      String candidate = n == 0 ? name : withSuffix(name, n);
      Path file = folder.resolve(candidate);
      Path side = folder.resolve(candidate + SIDECAR_SUFFIX);
      boolean ours;
      try {
        guard(() -> Files.write(side, sidecar, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
        ours = true;
      } catch (TargetFault fault) {
        if (!(fault.getCause() instanceof FileAlreadyExistsException)) throw fault;
        // taken: by this photo in an earlier run (reuse it), or by another photo (next suffix)
        ours = image.sha256().equals(Sidecar.sha256In(Files.readAllBytes(side)));
        if (!ours) continue;
      }
      writeDurably(original, file);
      return relative + "/" + candidate;
    }
  }

  @Override
  public InputStream read(String key) throws IOException {
    Path file = fileOf(key);
    PageCache.drop(file);
    try {
      return Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw e; // the copy is gone, not the target: the caller's business
    } catch (IOException e) {
      throw fault(e);
    }
  }

  @Override
  public List<String> originalKeys() throws IOException {
    check();
    try (Stream<Path> files = Files.walk(root, 3)) {
      return files.filter(Files::isRegularFile).map(f -> root.relativize(f).toString().replace('\\', '/'))
          .filter(key -> LAID_OUT.matcher(key).matches() && !key.endsWith(SIDECAR_SUFFIX))
          .sorted().toList();
    } catch (java.io.UncheckedIOException e) {
      throw fault(e.getCause());
    }
  }

  @Override
  public Optional<byte[]> sidecar(String key) throws IOException {
    Path side = fileOf(key + SIDECAR_SUFFIX);
    try {
      return Optional.of(Files.readAllBytes(side));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  @Override
  public void writeSidecar(String key, byte[] sidecar) {
    Path side = fileOf(key + SIDECAR_SUFFIX);
    Path part = side.resolveSibling(".frame-part-" + UUID.randomUUID());
    guard(() -> {
      try {
        Files.write(part, sidecar, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        Files.move(part, side, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(part);
      }
      return null;
    });
  }

  @Override
  public void overwrite(String key, Path original) throws IOException {
    check();
    writeDurably(original, fileOf(key));
  }

  @Override
  public String putCatalogueFile(String backup, String file, Path source) {
    check();
    Path folder = fileOf(CATALOGUE + backup);
    guard(() -> Files.createDirectories(folder));
    writeDurably(source, fileOf(CATALOGUE + backup + "/" + file));
    return CATALOGUE + backup + "/" + file;
  }

  @Override
  public List<StoredBackup> catalogueBackups() {
    Path catalogue = root.resolve(CATALOGUE);
    if (!Files.isDirectory(catalogue)) return List.of();
    return guard(() -> {
      try (Stream<Path> folders = Files.list(catalogue)) {
        return folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted()
            .map(name -> new StoredBackup(name, Files.isRegularFile(catalogue.resolve(name).resolve(MANIFEST))))
            .toList();
      }
    });
  }

  @Override
  public void deleteCatalogueBackup(String backup) {
    Path folder = fileOf(CATALOGUE + backup);
    guard(() -> {
      if (!Files.isDirectory(folder)) return null;
      try (Stream<Path> walk = Files.walk(folder)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
      }
      return null;
    });
  }

  @Override
  public String verifiedHow() {
    return "fsync, page cache dropped (posix_fadvise), read back from disk, SHA-256 matched";
  }

  @Override
  public void check() {
    if (!Files.isDirectory(root)) {
      throw new TargetFault("The folder " + root + " is not there (disk unplugged or share not mounted?)", null);
    }
    if (!Files.isWritable(root)) throw new TargetFault("FRAME may not write to the folder " + root, null);
  }

  Path fileOf(String key) {
    Path file = root.resolve(key).normalize();
    if (!file.startsWith(root)) throw new IllegalArgumentException("An archive key outside its folder: " + key);
    return file;
  }

  /** Copies through a temporary name in the same folder, fsyncs, then renames into place. */
  private void writeDurably(Path original, Path file) {
    Path part = file.resolveSibling(".frame-part-" + UUID.randomUUID());
    guard(() -> {
      try {
        Files.copy(original, part, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
          channel.force(true);
        }
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(part);
      }
      return null;
    });
  }

  static LocalDate dayOf(Image image) {
    String taken = image.takenAt();
    if (taken != null && taken.length() >= 10) {
      try {
        return LocalDate.parse(taken.substring(0, 10));
      } catch (RuntimeException notIso) {
        // fall back to the import day
      }
    }
    return image.createdAt().atZone(ZoneOffset.UTC).toLocalDate();
  }

  /** The camera's file name, without folders or characters a file system refuses. */
  static String safeName(Image image) {
    String raw = image.originalName() == null ? "" : image.originalName();
    raw = raw.substring(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1);
    String cleaned = raw.replaceAll("[\\x00-\\x1f<>:\"|?*]", "_").strip();
    if (cleaned.isEmpty() || cleaned.startsWith(".")) {
      cleaned = image.sha256().substring(0, 12) + "." + image.format().extension();
    }
    return cleaned.length() > 180 ? cleaned.substring(cleaned.length() - 180) : cleaned;
  }

  static String withSuffix(String name, int n) {
    int dot = name.lastIndexOf('.');
    return dot <= 0 ? name + "-" + n : name.substring(0, dot) + "-" + n + name.substring(dot);
  }

  private interface Io<T> {
    T run() throws IOException;
  }

  private static <T> T guard(Io<T> io) {
    try {
      return io.run();
    } catch (IOException e) {
      throw fault(e);
    }
  }

  /** A file-system error as the target's reason: full, read-only, refused. */
  private static TargetFault fault(IOException e) {
    String message = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
    String text = message == null ? e.getClass().getSimpleName() : message;
    if (text.contains("No space left")) return new TargetFault("The archive disk is full (" + text + ")", e);
    return new TargetFault("Cannot write to the archive folder: " + text, e);
  }

  @Override
  public void close() {}

  @Override
  public String toString() {
    return "folder " + root;
  }
}
