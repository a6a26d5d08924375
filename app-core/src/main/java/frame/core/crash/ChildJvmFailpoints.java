package frame.core.crash;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The crash tests' form. At the place named by {@code frame.crashAt} the JVM dies at once, as
 * kill -9 would. {@code frame.holdAt=PREFIX#N} instead stops the thread that reaches the N-th
 * place whose name starts with PREFIX in this life: it prints {@code FRAME holding at NAME} and
 * waits for good, so a test that sees the line kills the process knowing what was in flight (not
 * guessing from timing). Other threads go on working.
 */
public final class ChildJvmFailpoints implements Failpoints {
  public static final String HOLDING = "FRAME holding at ";

  private final String crashAt;
  private final String holdPrefix;
  private final int holdNth;
  private final AtomicInteger held = new AtomicInteger();

  private ChildJvmFailpoints(String crashAt, String holdPrefix, int holdNth) {
    this.crashAt = crashAt;
    this.holdPrefix = holdPrefix;
    this.holdNth = holdNth;
  }

  /** Empty when neither property is set. */
  static Optional<ChildJvmFailpoints> of(String crashAt, String holdSpec) {
    boolean crash = crashAt != null && !crashAt.isBlank();
    boolean hold = holdSpec != null && !holdSpec.isBlank();
    if (!crash && !hold) return Optional.empty();
    String prefix = null;
    int nth = 0;
    if (hold) {
      int hash = holdSpec.lastIndexOf('#');
      prefix = hash < 0 ? holdSpec : holdSpec.substring(0, hash);
      nth = hash < 0 ? 1 : Integer.parseInt(holdSpec.substring(hash + 1));
    }
    return Optional.of(new ChildJvmFailpoints(crash ? crashAt : null, prefix, nth));
  }

  @Override
  public void reach(String name) {
    if (name.equals(crashAt)) Runtime.getRuntime().halt(137);
    if (holdPrefix == null || !name.startsWith(holdPrefix) || held.incrementAndGet() != holdNth) return;
    System.out.println(HOLDING + name);
    System.out.flush();
    while (true) LockSupport.park(this); // until the test kills this process
  }
}
