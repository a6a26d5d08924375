package frame.cli;

/** Starts a headless FRAME command from {@code frame-server.jar}, which carries no window. */
public final class ServerMain {
  private ServerMain() {}

  public static void main(String[] args) {
    if (args.length == 0) {
      System.err.println("frame-server.jar runs FRAME's headless commands (serve, import, images, jobs, ...);"
          + " the desktop window is in frame.jar. Try: java -jar frame-server.jar --help");
      System.exit(2);
    }
    System.exit(FrameCommand.run(args));
  }
}
