package frame.core.crash;

/**
 * Named places (between writing a blob, committing its row and answering) where the crash tests
 * stop a child FRAME. The assembly picks the form once: {@link #NONE} in production, or the one
 * the tests ask for with {@code -Dframe.crashAt=NAME} or {@code -Dframe.holdAt=PREFIX#N} (see
 * {@link ChildJvmFailpoints}).
 */
@FunctionalInterface
public interface Failpoints {
  String CRASH_PROPERTY = "frame.crashAt";
  String HOLD_PROPERTY = "frame.holdAt";

  /** Production: every place passes. */
  Failpoints NONE = name -> {};

  void reach(String name);

  /** The one place the test properties are read: NONE unless a crash test started this JVM. */
  static Failpoints forThisJvm() {
    return ChildJvmFailpoints.of(System.getProperty(CRASH_PROPERTY), System.getProperty(HOLD_PROPERTY))
        .map(Failpoints.class::cast).orElse(NONE);
  }
}
