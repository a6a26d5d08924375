package frame.core.archive;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops a file from the operating system's page cache, so that reading it again reads the disk,
 * not the memory that just wrote it: a hash taken right after writing proves nothing about the
 * disk (Hedge and ShotPut warn of exactly this). Linux: {@code posix_fadvise(POSIX_FADV_DONTNEED)}
 * through the foreign-function API, after the caller's fsync (dirty pages are never dropped).
 */
final class PageCache {
  private static final Logger log = LoggerFactory.getLogger(PageCache.class);
  private static final int O_RDONLY = 0;
  private static final int POSIX_FADV_DONTNEED = 4;

  private static final class Holder {
    static final Optional<MethodHandle> OPEN = lookUp("open",
        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
    static final Optional<MethodHandle> FADVISE = lookUp("posix_fadvise", FunctionDescriptor.of(ValueLayout.JAVA_INT,
        ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
    static final Optional<MethodHandle> CLOSE = lookUp("close",
        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
  }

  private PageCache() {}

  /** True when the system dropped the file's cached pages; false where it cannot (not Linux). */
  static boolean drop(Path file) {
    if (Holder.OPEN.isEmpty() || Holder.FADVISE.isEmpty() || Holder.CLOSE.isEmpty()) return false;
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment path = arena.allocateFrom(file.toAbsolutePath().toString());
      int fd = (int) Holder.OPEN.get().invokeExact(path, O_RDONLY);
      if (fd < 0) return false;
      try {
        return (int) Holder.FADVISE.get().invokeExact(fd, 0L, 0L, POSIX_FADV_DONTNEED) == 0;
      } finally {
        int ignored = (int) Holder.CLOSE.get().invokeExact(fd);
      }
    } catch (Throwable e) {
      log.debug("posix_fadvise failed for {}; the read-back may come from memory", file, e);
      return false;
    }
  }

  private static Optional<MethodHandle> lookUp(String name, FunctionDescriptor signature) {
    if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) return Optional.empty();
    try {
      Linker linker = Linker.nativeLinker();
      return linker.defaultLookup().find(name).map(symbol -> linker.downcallHandle(symbol, signature));
    } catch (RuntimeException | LinkageError e) {
      log.debug("{} is not available", name, e);
      return Optional.empty();
    }
  }
}
