package frame.ui;

import frame.cli.FrameCommand;

/** Starts FRAME from {@code frame.jar}: the desktop window without arguments, a headless command with them. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    StartupCacheStamp.keepUsable(System.err);
    if (args.length == 0) {
      System.exit(DesktopLauncher.launch());
    }
    System.exit(FrameCommand.run(args));
  }
}
