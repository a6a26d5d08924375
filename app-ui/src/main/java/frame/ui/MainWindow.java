package frame.ui;

import frame.ui.common.Background;

import frame.core.api.FrameLibrary;
import frame.ui.jobs.JobsModel;
import frame.ui.jobs.JobsView;
import frame.ui.jobs.NodesView;
import frame.ui.library.AnalysisMenuItem;
import frame.ui.library.LibraryModel;
import frame.ui.library.LibraryView;
import frame.ui.server.ServerModel;
import frame.ui.server.ServerView;
import frame.ui.archive.ArchiveModel;
import frame.ui.archive.ArchiveView;
import frame.ui.archive.SafeToFormat;
import frame.ui.archive.SafeToFormatBar;
import frame.ui.archive.TargetOffer;
import frame.ui.archive.TargetOfferBar;
import frame.ui.catalogue.BackupDialog;
import frame.ui.catalogue.BackupModel;
import frame.ui.catalogue.RecoverDialog;
import frame.ui.catalogue.RecoverModel;
import frame.ui.trash.TrashModel;
import frame.ui.trash.TrashView;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Duration;

/** The FRAME window: library, trash, jobs, server and archive panes over one core, a menu, a status bar. */
public final class MainWindow implements AutoCloseable {
  private final LibraryModel library;
  private final JobsModel jobs;
  private final ServerModel server;
  private final StatusModel status;
  private final TrashModel trash;
  private final ArchiveModel archive;
  private final SafeToFormat safeToFormat;
  private final TargetOffer targetOffer;
  private final BackupModel backup;
  private final RecoverModel recover;
  private final ArchiveView archiveView;
  private final Timeline ticker;
  private final NodesView nodesView;
  private final AutoCloseable subscription;
  private final StackPane root;
  private final TabPane tabs;
  private final LibraryView libraryView;
  private final HelpOverlay help;
  private final WindowPrefs prefs;
  private final AnalysisMenuItem analysis;
  private Theme theme;
  private Stage stage;

  /** The end-of-import check: tests tell it how to read removable volumes. */
  SafeToFormat safeToFormat() {
    return safeToFormat;
  }

  /** Set in the window's settings once the first start offered an archive target: it is offered once. */
  static final String TARGET_OFFERED = "archiveTargetOffered";

  public MainWindow(FrameLibrary frame, Background background, ServerModel server, ExecutorService ingestQueue) {
    this.prefs = new WindowPrefs(frame.config().dataDir());
    this.theme = Theme.named(prefs.get("theme", "DARK"));
    this.library = new LibraryModel(frame, background, Clock.systemUTC(), ingestQueue);
    this.jobs = new JobsModel(frame, background);
    this.server = server;
    this.status = new StatusModel(frame, background, Clock.systemUTC());
    this.trash = new TrashModel(frame, background, library::refresh);
    this.archive = new ArchiveModel(frame, background);
    this.safeToFormat = new SafeToFormat(frame, background);
    this.targetOffer = new TargetOffer(frame, background, () -> {
      prefs.put(TARGET_OFFERED, true);
      prefs.save();
    });
    this.backup = new BackupModel(frame, background);
    this.recover = new RecoverModel(frame, background, () -> {
      library.refresh();
      archive.refresh();
    });
    this.subscription = frame.ports().events().subscribe(event -> {
      library.onEvent(event);
      jobs.onEvent(event);
      status.onEvent(event);
      archive.onEvent(event);
      safeToFormat.onEvent(event);
    });
    library.onFoldersImported(safeToFormat::check);

    libraryView = new LibraryView(library, frame, background);
    analysis = new AnalysisMenuItem(frame.ports().culling(), background, library.notice());
    libraryView.tileSize().set(Math.max(LibraryView.MIN_TILE, Math.min(LibraryView.MAX_TILE,
        prefs.number("tileSize", libraryView.tileSize().get()))));
    tabs = new TabPane(
        tab("Library", libraryView),
        tab("Trash", new TrashView(trash)),
        tab("Jobs", (nodesView = new NodesView(frame, background)).above(new JobsView(jobs, this::openPhoto))),
        tab("Server", new ServerView(server)),
        tab("Archive", archiveView = new ArchiveView(archive)));
    tabs.setId("main-tabs");
    tabs.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
      if (b.intValue() == 1) trash.refresh();
      jobs.showing(b.intValue() == 2);
      archive.showing(b.intValue() == 4);
    });
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
    HBox statusBar = new HBox(8, statusText, gap, new frame.ui.common.NoticeLabel(status.notice(), "status-notice"), pause);
    statusBar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    BorderPane.setMargin(statusBar, new Insets(4, 8, 4, 8));
    BorderPane main = new BorderPane(tabs);
    main.setTop(new javafx.scene.layout.VBox(menus(), new TargetOfferBar(targetOffer, this::addArchiveTarget),
        new SafeToFormatBar(safeToFormat, this::addArchiveTarget)));
    main.setBottom(statusBar);
    // Ctrl+R: the selection goes back through its steps; its tiles show them live as for an import
    libraryView.onRegenerate(ids -> background.run(() -> frame.ports().jobs().regenerate(ids), count -> {
      status.notice().clear();
      status.refresh();
    }, status.notice().onFailure("regenerate " + ids.size() + " photo(s)")));
    help = new HelpOverlay(true);
    root = new StackPane(main, help);
    root.setId("frame-root");
    root.getStyleClass().add("frame-root");
    root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
      if (help.isVisible() && (e.getCode() == KeyCode.ESCAPE)) {
        help.setVisible(false);
        e.consume();
      }
    });
    root.addEventHandler(KeyEvent.KEY_TYPED, e -> {
      if ("?".equals(e.getCharacter()) && !(e.getTarget() instanceof TextInputControl)) {
        help.setVisible(!help.isVisible());
        e.consume();
      }
    });

    ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> {
      status.refresh();
      library.activity().tick();
    }));
    jobs.onQueueChanged(status::refresh);
    ticker.setCycleCount(Timeline.INDEFINITE);
    // the status bar's one-place count reads every photo: it waits for the library's first page and count
    status.holdOnePlaceCount(true);
    library.counting().addListener((o, was, now) -> {
      if (!now) status.holdOnePlaceCount(false);
    });
    library.loadExisting();
    jobs.showing(false); // the jobs pane reads its jobs when it is first shown, not beside the library's first page
    status.refresh();
    server.start();
    ticker.play();
    targetOffer.offerIfFirst(Boolean.parseBoolean(prefs.get(TARGET_OFFERED, "false")));
  }

  private MenuBar menus() {
    MenuItem importPhotos = item("Import photos…", "Shortcut+I", this::importPhotos);
    MenuItem close = item("Close window", null, () -> { if (stage != null) stage.close(); });
    MenuItem backUp = item("Back up catalogue…", null, () -> BackupDialog.show(root, backup));
    backUp.setId("menu-backup");
    MenuItem recoverItem = item("Recover from archive…", null, () -> RecoverDialog.show(root, recover));
    recoverItem.setId("menu-recover");
    Menu file = new Menu("File", null, importPhotos, new SeparatorMenuItem(), backUp, recoverItem,
        new SeparatorMenuItem(), close);
    file.setId("menu-file");
    MenuItem find = item("Search file names", "Shortcut+F", () -> {
      showLibrary();
      libraryView.focusSearch();
    });
    MenuItem selectAll = item("Select all   (Ctrl+A)", null, library::selectAll);
    MenuItem remove = item("Move selection to the trash…   (Delete)", null, () -> {
      showLibrary();
      libraryView.requestRemove();
    });
    remove.disableProperty().bind(library.selectedCount().isEqualTo(0));
    Menu edit = new Menu("Edit", null, find, selectAll, remove);
    MenuItem larger = item("Larger tiles   (+)", null, () -> libraryView.zoom(1));
    MenuItem smaller = item("Smaller tiles   (−)", null, () -> libraryView.zoom(-1));
    CheckMenuItem foldStacks = new CheckMenuItem("Fold stacks");
    foldStacks.setId("menu-fold-stacks");
    foldStacks.selectedProperty().bindBidirectional(library.stacks().folded());
    MenuItem openStack = item("Open or close the stack   (S)", null,
        () -> library.stacks().toggle(library.tileAt(library.cursor().get())));
    Menu view = new Menu("View", null, larger, smaller, new SeparatorMenuItem(), foldStacks, openStack);
    ToggleGroup themes = new ToggleGroup();
    Menu themeMenu = new Menu("Theme");
    for (Theme each : Theme.values()) {
      RadioMenuItem choice = new RadioMenuItem(each.toString());
      choice.setId("theme-" + each.name().toLowerCase(java.util.Locale.ROOT));
      choice.setToggleGroup(themes);
      choice.setSelected(each == theme);
      choice.setOnAction(e -> useTheme(each));
      themeMenu.getItems().add(choice);
    }
    Menu settings = new Menu("Settings", null, themeMenu, analysis);
    MenuItem shortcuts = item("Keyboard shortcuts   (?)", null, () -> help.setVisible(true));
    Menu helpMenu = new Menu("Help", null, shortcuts);
    MenuBar bar = new MenuBar(file, edit, view, settings, helpMenu);
    bar.setId("main-menu");
    return bar;
  }

  private static MenuItem item(String text, String accelerator, Runnable action) {
    MenuItem item = new MenuItem(text);
    if (accelerator != null) item.setAccelerator(KeyCombination.keyCombination(accelerator));
    item.setOnAction(e -> action.run());
    return item;
  }

  private void importPhotos() {
    showLibrary();
    libraryView.chooseFiles();
  }

  /** A photo named elsewhere (the jobs table): the library's viewer on it. */
  private void openPhoto(long imageId) {
    showLibrary();
    libraryView.openImage(imageId);
  }

  /** The Archive pane's add flow for an external disk or a NAS folder. */
  private void addArchiveTarget() {
    tabs.getSelectionModel().select(4);
    archiveView.openAddFolder();
  }

  private void showLibrary() {
    tabs.getSelectionModel().select(0);
  }

  private static Tab tab(String title, javafx.scene.Node content) {
    Tab tab = new Tab(title, content);
    tab.setClosable(false);
    return tab;
  }

  public void useTheme(Theme chosen) {
    theme = chosen;
    prefs.put("theme", chosen.name());
    if (root.getScene() != null) chosen.applyTo(root.getScene());
  }

  public StackPane root() {
    return root;
  }

  public LibraryModel library() {
    return library;
  }

  public ServerModel server() {
    return server;
  }

  public LibraryView libraryView() {
    return libraryView;
  }

  /** The first start's offer of an archive target. */
  public TargetOffer targetOffer() {
    return targetOffer;
  }

  public JobsModel jobs() {
    return jobs;
  }

  public void show(Stage stage) {
    this.stage = stage;
    stage.setTitle("FRAME");
    Scene scene = new Scene(root, 1280, 820);
    theme.applyTo(scene);
    stage.setScene(scene);
    prefs.placeStage(stage);
    int pane = (int) prefs.number("pane", 0);
    if (pane >= 0 && pane < tabs.getTabs().size()) tabs.getSelectionModel().select(pane);
    stage.setOnHiding(e -> remember());
    stage.show();
    libraryView.grid().requestFocus();
  }

  private void remember() {
    if (stage != null) prefs.rememberStage(stage);
    prefs.put("pane", tabs.getSelectionModel().getSelectedIndex());
    prefs.put("tileSize", libraryView.tileSize().get());
    prefs.save();
  }

  @Override
  public void close() throws Exception {
    // a Timeline stopped off the JavaFX thread races its next pulse (a NullPointerException there)
    FxThread.runAndWait(() -> {
      remember();
      ticker.stop();
      nodesView.stop();
    });
    subscription.close();
    server.close();
  }
}
