package frame.core.scheduling;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processing yields the processors to everything else FRAME does: the job workers, and the
 * decodes they hand to other threads, run at a lower scheduling priority (nice 10) than the
 * threads that receive uploads, answer the API and draw the window. When nothing else wants a
 * processor the workers still take all of them; when an upload streams in or the window
 * scrolls, the scheduler gives those threads about nine parts in ten. Java's thread priorities
 * do nothing on Linux, but Linux keeps a nice value per thread, so a thread lowers its own with
 * {@code setpriority(PRIO_PROCESS, 0, 10)} from libc. Elsewhere, or if the call fails, it simply
 * runs at normal priority.
 */
public final class BackgroundPriority {
  private static final Logger log = LoggerFactory.getLogger(BackgroundPriority.class);
  public static final int NICE = 10;
  private static final int PRIO_PROCESS = 0;
  /** Threads that asked to be lowered, whether or not the system took it: their work is background work. */
  private static final ThreadLocal<Boolean> LOWERED = ThreadLocal.withInitial(() -> false);

  private static final class Holder {
    static final Optional<MethodHandle> GETPRIORITY =
        lookUp("getpriority", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    static final Optional<MethodHandle> SETPRIORITY = lookUp("setpriority",
        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
  }

  private BackgroundPriority() {}

  /**
   * Lowers the calling thread's priority to nice 10, or leaves it if FRAME was started lower
   * still ({@code nice -n 15 frame}); true if the system took it.
   */
  public static boolean lowerCurrentThread() {
    LOWERED.set(true);
    if (Holder.GETPRIORITY.isEmpty() || Holder.SETPRIORITY.isEmpty()) return false;
    try {
      // on Linux "who = 0" is the calling thread alone, not the whole process
      int current = (int) Holder.GETPRIORITY.get().invokeExact(PRIO_PROCESS, 0);
      int result = (int) Holder.SETPRIORITY.get().invokeExact(PRIO_PROCESS, 0, Math.max(current, NICE));
      return result == 0;
    } catch (Throwable e) {
      log.debug("setpriority failed; the thread runs at normal priority", e);
      return false;
    }
  }

  /** Whether the calling thread does background work (it called {@link #lowerCurrentThread}). */
  public static boolean isCurrentThreadLowered() {
    return LOWERED.get();
  }

  private static Optional<MethodHandle> lookUp(String name, FunctionDescriptor signature) {
    if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) return Optional.empty();
    try {
      Linker linker = Linker.nativeLinker();
      return linker.defaultLookup().find(name).map(symbol -> linker.downcallHandle(symbol, signature));
    } catch (RuntimeException | LinkageError e) {
      log.debug("{} is not available; threads run at normal priority", name, e);
      return Optional.empty();
    }
  }
}
