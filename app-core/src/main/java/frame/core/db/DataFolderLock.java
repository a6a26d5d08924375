package frame.core.db;

import frame.core.api.FrameException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

/** One FRAME per data folder: an OS file lock that holds the owner's pid for the error message. */
public final class DataFolderLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private DataFolderLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  public static DataFolderLock acquire(Path dataDir) {
    Path file = dataDir.resolve("frame.lock");
    try {
      Files.createDirectories(dataDir);
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        String owner = readOwner(channel);
        channel.close();
        throw new FrameException(
            "data_folder_in_use", "Data folder in use by another FRAME (pid " + owner + "): " + dataDir, true);
      }
      byte[] pid = Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII);
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(pid), 0);
      channel.force(true);
      return new DataFolderLock(channel, lock);
    } catch (IOException e) {
      throw new FrameException("data_folder_unusable", "Cannot use data folder " + dataDir + ": " + e.getMessage(), true, e);
    }
  }

  /**
   * The pid of the FRAME that holds this data folder's lock now, if one does: the lock is
   * probed, not taken for longer than the probe. Empty when the folder is free (a FRAME that was
   * killed leaves its lock file behind, but the OS dropped the lock with the process). Do not
   * call it from a process that holds the lock: closing the probe would release the lock too.
   */
  public static OptionalLong holder(Path dataDir) {
    Path file = dataDir.resolve("frame.lock");
    if (!Files.isRegularFile(file)) return OptionalLong.empty();
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      FileLock probe;
      try {
        probe = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        probe = null;
      }
      if (probe != null) {
        probe.release();
        return OptionalLong.empty();
      }
      try {
        return OptionalLong.of(Long.parseLong(readOwner(channel)));
      } catch (NumberFormatException e) {
        return OptionalLong.of(-1);
      }
    } catch (IOException e) {
      return OptionalLong.empty();
    }
  }

  private static String readOwner(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(32);
    int read = channel.read(buffer, 0);
    return read <= 0 ? "unknown" : new String(buffer.array(), 0, read, StandardCharsets.US_ASCII).trim();
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException ignored) {
      // the OS drops the lock with the process anyway
    }
  }
}
