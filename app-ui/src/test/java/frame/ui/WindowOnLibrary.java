package frame.ui;

import frame.core.Frame;
import frame.core.testing.FrameFixture;
import frame.ui.library.LibraryModel;
import frame.ui.server.ServerModel;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import javafx.stage.Stage;

/** A real library in a folder of its own, shown in the real main window: where each window test starts. */
public final class WindowOnLibrary implements AutoCloseable {
  private final Frame frame;
  private final FxBackground background;
  private final MainWindow window;
  private final ExecutorService ingestQueue;

  private WindowOnLibrary(Frame frame, FxBackground background, MainWindow window, ExecutorService ingestQueue) {
    this.frame = frame;
    this.background = background;
    this.window = window;
    this.ingestQueue = ingestQueue;
  }

  /** Opens (or creates) the library in {@code dataDir} and shows its window on {@code stage}; the server stays off. */
  public static WindowOnLibrary show(Stage stage, Path dataDir) throws Exception {
    Frame frame = FrameFixture.open(dataDir);
    FxBackground background = new FxBackground(2);
    ExecutorService ingestQueue = LibraryModel.newIngestQueue();
    MainWindow window = new MainWindow(frame, background, new ServerModel(frame, background, 0, false), ingestQueue);
    window.show(stage);
    return new WindowOnLibrary(frame, background, window, ingestQueue);
  }

  public Frame frame() { return frame; }

  public FxBackground background() { return background; }

  public MainWindow window() { return window; }

  public ExecutorService ingestQueue() { return ingestQueue; }

  @Override
  public void close() throws Exception {
    window.close();
    ingestQueue.shutdownNow();
    frame.close();
  }
}
