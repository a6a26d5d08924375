package frame.ui;

import frame.core.Frame;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Where a window test starts: before each test a new library in a temporary folder of its own,
 * shown in the real main window on TestFX's stage; closed after it. Registered beside TestFX's
 * extension, which brings the stage and the robot:
 *
 * <pre>{@code
 * @ExtendWith(ApplicationExtension.class)
 * class SomeWindowTest {
 *   @RegisterExtension final LibraryWindow shown = new LibraryWindow("frame-some-ui");
 * }</pre>
 */
public final class LibraryWindow implements BeforeEachCallback, AfterEachCallback {
  private final String folderPrefix;
  private Path dataDir;
  private WindowOnLibrary shown;

  /** {@code folderPrefix} names the temporary data folder, so a left-over one says which test made it. */
  public LibraryWindow(String folderPrefix) {
    this.folderPrefix = folderPrefix;
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    dataDir = Files.createTempDirectory(folderPrefix);
    Stage stage = FxToolkit.registerPrimaryStage();
    try {
      shown = WaitForAsyncUtils.asyncFx(() -> WindowOnLibrary.show(stage, dataDir)).get(120, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    if (shown != null) shown.close();
  }

  public Path dataDir() { return dataDir; }

  public Frame frame() { return shown.frame(); }

  public MainWindow window() { return shown.window(); }

  public FxBackground background() { return shown.background(); }

  public ExecutorService ingestQueue() { return shown.ingestQueue(); }
}
