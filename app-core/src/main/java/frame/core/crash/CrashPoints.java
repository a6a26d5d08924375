package frame.core.crash;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Named places where a test can make this JVM die at once, as kill -9 would: start FRAME with
 * {@code -Dframe.crashAt=NAME}. Used by the crash tests to hit the windows between writing a
 * blob, committing its row and answering the client. Without the property it does nothing.
 *
 * <p>{@code -Dframe.holdAt=PREFIX#N} instead stops the thread that reaches the N-th point whose
 * name starts with PREFIX in this life: it prints {@code FRAME holding at NAME} and waits for
 * good, so a test that sees the line kills the process knowing what was in flight (not guessing
 * from timing). Other threads go on working.
 */
public final class CrashPoints {
  public static final String PROPERTY = "frame.crashAt";
  public static final String HOLD_PROPERTY = "frame.holdAt";
  public static final String HOLDING = "FRAME holding at ";
  private static final String TARGET = System.getProperty(PROPERTY);
  private static final Hold HOLD = Hold.parse(System.getProperty(HOLD_PROPERTY));

  private CrashPoints() {}

  public static void reach(String name) {
    if (TARGET != null && TARGET.equals(name)) Runtime.getRuntime().halt(137);
    if (HOLD != null) HOLD.reach(name);
  }

  private record Hold(String prefix, int nth, AtomicInteger reached) {
    static Hold parse(String spec) {
      if (spec == null || spec.isBlank()) return null;
      int hash = spec.lastIndexOf('#');
      return hash < 0 ? new Hold(spec, 1, new AtomicInteger())
          : new Hold(spec.substring(0, hash), Integer.parseInt(spec.substring(hash + 1)), new AtomicInteger());
    }

    void reach(String name) {
      if (!name.startsWith(prefix) || reached.incrementAndGet() != nth) return;
      System.out.println(HOLDING + name);
      System.out.flush();
      while (true) LockSupport.park(this); // until the test kills this process
    }
  }
}
