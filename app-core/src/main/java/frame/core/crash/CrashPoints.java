package frame.core.crash;

/**
 * Named places where a test can make this JVM die at once, as kill -9 would: start FRAME with
 * {@code -Dframe.crashAt=NAME}. Used by the crash tests to hit the windows between writing a
 * blob, committing its row and answering the client. Without the property it does nothing.
 */
public final class CrashPoints {
  public static final String PROPERTY = "frame.crashAt";
  private static final String TARGET = System.getProperty(PROPERTY);

  private CrashPoints() {}

  public static void reach(String name) {
    if (TARGET != null && TARGET.equals(name)) Runtime.getRuntime().halt(137);
  }
}
