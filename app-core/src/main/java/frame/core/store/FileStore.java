package frame.core.store;

import frame.core.api.library.Image;
import frame.core.api.library.ImageFiles;
import frame.core.api.library.ImageFormat;
import frame.core.api.library.RenditionSizes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Files on disk at paths derived only from a content hash, never from a client's file name.
 *
 * <pre>
 *   originals/ab/cd/abcd...ef.jpg        the photo as it was handed to us
 *   derived/ab/abcd...ef/thumb-256.jpg   thumbnails and preview made from it
 *   tmp/NODE/*.part                      bytes still arriving, in the folder of the node receiving them
 * </pre>
 *
 * Every write goes to a temp file on the same volume, is forced to disk, then atomically moved.
 * Several nodes may share one storage folder: each writes its temp files only into a folder of
 * its own, so no node's start-up sweep can touch another's upload in flight.
 */
public final class FileStore {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  /** The temp folder of a process alone on its storage (the embedded database's one FRAME). */
  public static final String LOCAL_NODE = "local";

  private final Path root;
  private final Path tmpRoot;
  private final Path tmp;

  public FileStore(Path root) {
    this(root, LOCAL_NODE);
  }

  /** A store whose temp files go into {@code tmp/<nodeFolder>}. */
  public FileStore(Path root, String nodeFolder) {
    this.root = root.toAbsolutePath().normalize();
    this.tmpRoot = this.root.resolve("tmp");
    this.tmp = tmpRoot.resolve(nodeFolder);
    try {
      Files.createDirectories(tmp);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot create the storage folder " + this.root + ": " + e.getMessage(), e);
    }
  }

  public Path root() {
    return root;
  }

  public Path original(String sha256, ImageFormat format) {
    String hash = checked(sha256);
    return root.resolve("originals").resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4))
        .resolve(hash + "." + format.extension());
  }

  public Path derivedDir(String sha256) {
    String hash = checked(sha256);
    return root.resolve("derived").resolve(hash.substring(0, 2)).resolve(hash);
  }

  public Path thumbnail(String sha256, int size) {
    return derivedDir(sha256).resolve("thumb-" + size + ".jpg");
  }

  public Path preview(String sha256) {
    return derivedDir(sha256).resolve("preview.jpg");
  }

  /** Whether a file can be renamed into this store rather than copied: it lies on the store's volume. */
  public boolean canRenameIn(Path file) {
    try {
      return Files.getFileStore(file).equals(Files.getFileStore(root));
    } catch (IOException e) {
      return false;
    }
  }

  /** A fresh temp file for an upload in progress. */
  public Path newPartFile() {
    return tmp.resolve(UUID.randomUUID() + ".part");
  }

  /**
   * Moves a finished, synced temp file to its content-addressed place. Returns false when the
   * content is already stored there (the temp file is then removed).
   */
  public boolean moveIntoPlace(Path part, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    if (Files.exists(target)) {
      Files.deleteIfExists(part);
      return false;
    }
    try {
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      Files.deleteIfExists(part);
      return false;
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("Storage must be one volume for atomic moves: " + root, e);
    }
    syncDirectory(target.getParent());
    return true;
  }

  /**
   * Puts a finished, synced temp file whose bytes were checked against {@code target}'s content
   * address in its place, over whatever is there (a damaged or cut-short original): a reader sees
   * the old file or the whole new one.
   */
  public void replaceWithVerified(Path part, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    try {
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("Storage must be one volume for atomic moves: " + root, e);
    }
    syncDirectory(target.getParent());
  }

  /** Writes a derived file atomically: a reader sees the old file or the whole new one. */
  public void writeAtomically(Path target, FileWriter writer) throws IOException {
    Files.createDirectories(target.getParent());
    Path part = tmp.resolve(UUID.randomUUID() + ".part");
    try {
      try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
          OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
        writer.write(out);
        out.flush();
        channel.force(true);
      }
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(part);
    }
  }

  @FunctionalInterface
  public interface FileWriter {
    void write(OutputStream out) throws IOException;
  }

  /** Removes this node's own temp files, left by its crash; returns how many. */
  public int sweepPartFiles() throws IOException {
    return deletePartFiles(tmp);
  }

  /**
   * Removes the temp folders of other nodes that are provably gone ({@code abandoned} says which,
   * by folder name), and the loose temp files of an older FRAME's single shared temp folder when
   * {@code includeLooseFiles} (only a process alone on the storage may say so). Returns how many
   * files went.
   */
  public int sweepAbandonedTempFolders(java.util.function.Predicate<Path> abandoned, boolean includeLooseFiles)
      throws IOException {
    int removed = includeLooseFiles ? deletePartFiles(tmpRoot) : 0;
    try (DirectoryStream<Path> folders = Files.newDirectoryStream(tmpRoot, Files::isDirectory)) {
      for (Path folder : folders) {
        if (folder.equals(tmp) || !abandoned.test(folder)) continue;
        removed += deletePartFiles(folder);
        try {
          Files.deleteIfExists(folder);
        } catch (java.nio.file.DirectoryNotEmptyException e) {
          // its node came back and is writing again: leave it
        }
      }
    }
    return removed;
  }

  private static int deletePartFiles(Path folder) throws IOException {
    int removed = 0;
    try (DirectoryStream<Path> parts = Files.newDirectoryStream(folder, "*.part")) {
      for (Path part : parts) {
        if (Files.deleteIfExists(part)) removed++;
      }
    }
    return removed;
  }

  private static String checked(String sha256) {
    if (sha256 == null || !SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("Not a SHA-256 hex digest: " + sha256);
    }
    return sha256;
  }

  private static void syncDirectory(Path dir) {
    // Makes the rename itself durable; not supported on every OS, where it is harmless to skip.
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException ignored) {
      // Windows cannot open a directory as a channel
    }
  }

  /** Where an image's original and derived files are (a derived file exists only once made). */
  public ImageFiles filesOf(Image image) {
    Map<Integer, Path> thumbnails = new LinkedHashMap<>();
    int[] sizes = RenditionSizes.thumbnails();
    for (int i = sizes.length - 1; i >= 0; i--) thumbnails.put(sizes[i], thumbnail(image.sha256(), sizes[i]));
    return new ImageFiles(original(image.sha256(), image.format()), Map.copyOf(thumbnails), preview(image.sha256()));
  }
}
