package frame.ui;

/** Opens the desktop window. */
final class DesktopLauncher {
  private DesktopLauncher() {}

  static int launch() {
    System.err.println("""
        The FRAME desktop window is not built yet (it is the next milestone).
        Use the command line meanwhile:
          frame import PATH...     import photos and folders, wait until processed
          frame images             list images
          frame jobs               list jobs;  frame jobs show ID  for one job
          frame --help             everything else""");
    return 2;
  }
}
