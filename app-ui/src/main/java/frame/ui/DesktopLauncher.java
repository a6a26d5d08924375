package frame.ui;

import frame.core.api.config.ConfigLoader;
import frame.core.api.FrameLibrary;
import frame.core.api.config.FrameConfig;
import frame.core.api.FrameException;
import frame.ui.library.LibraryModel;
import frame.ui.server.ServerModel;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import javafx.application.Platform;
import javafx.stage.Stage;

/** Opens the core, the embedded server and the window; closing the window stops all three. */
final class DesktopLauncher {
  private DesktopLauncher() {}

  static int launch() {
    FrameConfig config = ConfigLoader.fromEnvironment().load().withNodeKind("window");
    FrameLibrary frame;
    try {
      frame = FrameLibrary.open(config);
    } catch (FrameException e) {
      System.err.println("frame: " + e.getMessage());
      return 2;
    }
    CountDownLatch closed = new CountDownLatch(1);
    try {
      Platform.startup(() -> {
        FxBackground background = new FxBackground(3);
        ExecutorService ingestQueue = LibraryModel.newIngestQueue();
        ServerModel server = new ServerModel(frame, background, config.port(), config.lan());
        MainWindow window = new MainWindow(frame, background, server, ingestQueue);
        Stage stage = new Stage();
        stage.setOnHidden(e -> {
          try {
            window.close();
          } catch (Exception ignored) {
            // closing anyway
          }
          ingestQueue.shutdownNow();
          background.close();
          closed.countDown();
        });
        window.show(stage);
      });
    } catch (RuntimeException e) {
      frame.close();
      System.err.println("frame: cannot open a window here (" + e.getMessage() + "). "
          + "Use 'frame serve' for the headless server, or 'frame --help'.");
      return 2;
    }
    try {
      closed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    frame.close();
    Platform.exit();
    return 0;
  }
}
