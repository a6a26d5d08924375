package frame.ui;

import frame.core.Frame;
import frame.ui.jobs.JobsModel;
import frame.ui.jobs.JobsView;
import frame.ui.library.LibraryModel;
import frame.ui.library.LibraryView;
import frame.ui.library.ViewerWindow;
import frame.ui.server.ServerModel;
import frame.ui.server.ServerView;
import java.time.Clock;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.util.Duration;

/** The FRAME window: library, jobs and server tabs over one core, with a status bar. */
public final class MainWindow implements AutoCloseable {
  private final LibraryModel library;
  private final JobsModel jobs;
  private final ServerModel server;
  private final StatusModel status;
  private final Timeline ticker;
  private final AutoCloseable subscription;
  private final BorderPane root;

  public MainWindow(Frame frame, Background background, ServerModel server, java.util.concurrent.ExecutorService ingestQueue) {
    this.library = new LibraryModel(frame, background, Clock.systemUTC(), ingestQueue);
    this.jobs = new JobsModel(frame, background);
    this.server = server;
    this.status = new StatusModel(frame, background, Clock.systemUTC());
    this.subscription = frame.subscribe(event -> {
      library.onEvent(event);
      jobs.onEvent(event);
      status.onEvent(event);
    });

    TabPane tabs = new TabPane(
        tab("Library", new LibraryView(library, id -> ViewerWindow.open(frame, background, id))),
        tab("Jobs", new frame.ui.jobs.NodesView(frame, background).above(new JobsView(jobs, id -> ViewerWindow.open(frame, background, id)))),
        tab("Server", new ServerView(server)));
    tabs.setId("main-tabs");
    Label statusText = new Label();
    statusText.setId("status-bar");
    statusText.textProperty().bind(status.text());
    Button pause = new Button();
    pause.setId("queue-pause");
    pause.textProperty().bind(javafx.beans.binding.Bindings.when(status.paused()).then("Resume").otherwise("Pause"));
    pause.setTooltip(new javafx.scene.control.Tooltip("Pause: running jobs finish, nothing new starts, until Resume"));
    pause.setOnAction(e -> status.togglePause());
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox statusBar = new HBox(8, statusText, gap, pause);
    statusBar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    BorderPane.setMargin(statusBar, new Insets(4, 8, 4, 8));
    root = new BorderPane(tabs);
    root.setBottom(statusBar);

    ticker = new Timeline(new KeyFrame(Duration.seconds(2), e -> status.refresh()));
    jobs.onQueueChanged(status::refresh);
    ticker.setCycleCount(Timeline.INDEFINITE);
    library.loadExisting();
    jobs.refresh();
    status.refresh();
    server.start();
    ticker.play();
  }

  private static Tab tab(String title, javafx.scene.Node content) {
    Tab tab = new Tab(title, content);
    tab.setClosable(false);
    return tab;
  }

  public BorderPane root() {
    return root;
  }

  public LibraryModel library() {
    return library;
  }

  public ServerModel server() {
    return server;
  }

  public JobsModel jobs() {
    return jobs;
  }

  public void show(Stage stage) {
    stage.setTitle("FRAME");
    stage.setScene(new Scene(root, 1280, 820));
    stage.show();
  }

  @Override
  public void close() throws Exception {
    ticker.stop();
    subscription.close();
    server.close();
  }
}
