package frame.ui;


import frame.core.api.devices.TokenInfo;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static frame.core.testing.TestImages.write;
import static org.assertj.core.api.Assertions.assertThat;

import frame.core.Frame;
import frame.core.api.library.ImageQuery;
import frame.core.api.library.ImageState;
import frame.core.api.jobs.Job;
import frame.core.api.jobs.JobState;
import frame.core.api.nodes.NodeInfo;
import frame.core.api.nodes.NodeState;
import frame.ui.jobs.JobsModel;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.TableCell;
import frame.core.api.jobs.JobState;
import frame.core.testing.ExifBuilder;
import frame.core.testing.FrameFixture;
import frame.ui.library.LibraryModel;
import frame.ui.library.LibraryView;
import frame.ui.library.TileModel;
import frame.ui.library.TileStep;
import frame.ui.server.ServerModel;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window on a real core, headless under Monocle. */
@ExtendWith(ApplicationExtension.class)
class DesktopWindowTest {
  static final Path DATA;
  static final Path PHOTOS;

  static {
    try {
      DATA = Files.createTempDirectory("frame-ui-data");
      PHOTOS = Files.createTempDirectory("frame-ui-photos");
    } catch (java.io.IOException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  Path dataDir;
  Frame frame;
  MainWindow window;
  ExecutorService ingestQueue;
  Stage stage;

  @Start
  void start(Stage stage) throws Exception {
    this.stage = stage;
    dataDir = Files.createTempDirectory(DATA, "run");
    frame = FrameFixture.open(dataDir);
    FxBackground background = new FxBackground(2);
    ingestQueue = LibraryModel.newIngestQueue();
    window = new MainWindow(frame, background, new ServerModel(frame, background, 0, false), ingestQueue);
    window.show(stage);
  }

  @AfterEach
  void stop() throws Exception {
    window.close();
    ingestQueue.shutdownNow();
    frame.close();
  }

  @Test
  void dropped_photos_become_tiles_that_reach_processed_with_thumbnails(FxRobot robot) throws Exception {
    Path folder = Files.createTempDirectory(PHOTOS, "drop");
    write(folder, "one.jpg", jpeg(photo(1200, 800, 1)));
    write(folder, "two.jpg", jpeg(photo(800, 1200, 2)));

    drop(robot, folder.toFile());

    waitUntil(() -> tiles().size() == 2 && tiles().stream().allMatch(t -> t != null
        && t.step().get() == TileStep.PROCESSED && !t.renditions().get().isEmpty()));
    waitUntil(() -> robot.lookup(".tile").queryAll().size() == 2
        && robot.lookup(".tile-picture .image-view").queryAllAs(ImageView.class).stream()
            .allMatch(v -> v.getImage() != null && v.getImage().getProgress() == 1.0));
    waitUntil(() -> robot.lookup("#library-counts").queryLabeled().getText().contains("2 processed"));
    assertThat(robot.lookup(".tile-badge").queryAllAs(Label.class)).extracting(Label::getText).containsOnly("✓ Ready");
    snapshot(robot, "library");
  }

  @Test
  void the_window_is_dark_neutral_grey_and_the_light_theme_is_a_setting(FxRobot robot) throws Exception {
    Region grid = robot.lookup("#library-grid").queryAs(Region.class);
    Color background = fill(grid.getBackground());
    assertThat(background.getBrightness()).as("the library background is dark").isLessThan(0.2);
    assertThat(background.getSaturation()).as("and neutral, not tinted").isLessThan(0.05);
    Color menu = fill(robot.lookup("#main-menu").queryAs(Region.class).getBackground());
    assertThat(menu.getBrightness()).isLessThan(0.25);

    robot.interact(() -> window.useTheme(Theme.LIGHT));
    assertThat(fill(grid.getBackground()).getBrightness()).isGreaterThan(0.8);
    robot.interact(() -> window.useTheme(Theme.DARK));
  }

  @Test
  void the_slider_and_plus_minus_change_the_tile_size(FxRobot robot) throws Exception {
    importAndWait(robot, 3);
    Slider slider = robot.lookup("#library-tile-size").queryAs(Slider.class);
    waitUntil(() -> robot.lookup(".tile").queryAll().size() == 3);
    double before = robot.lookup(".tile").queryAs(Region.class).getWidth();

    robot.interact(() -> slider.setValue(LibraryView.MAX_TILE));
    waitUntil(() -> robot.lookup(".tile").queryAs(Region.class).getWidth() > before + 200);
    snapshot(robot, "library-512");
    robot.interact(() -> slider.setValue(LibraryView.MIN_TILE));
    waitUntil(() -> robot.lookup(".tile").queryAs(Region.class).getWidth() < before - 60);
    snapshot(robot, "library-128");

    focusGrid(robot);
    robot.type(KeyCode.EQUALS);
    assertThat(slider.getValue()).isEqualTo(192);
    robot.type(KeyCode.MINUS);
    assertThat(slider.getValue()).isEqualTo(128);
  }

  @Test
  void the_keyboard_opens_the_viewer_steps_through_photos_and_returns(FxRobot robot) throws Exception {
    importAndWait(robot, 3);
    focusGrid(robot);

    robot.type(KeyCode.RIGHT); // the first press lands on the first photo
    assertThat(window.library().cursor().get()).isZero();
    robot.type(KeyCode.RIGHT);
    assertThat(window.library().cursor().get()).isEqualTo(1);
    assertThat(window.library().selectedCount().get()).isEqualTo(1);
    robot.type(KeyCode.ENTER);
    waitUntil(() -> window.libraryView().viewerOpen().get());
    long first = window.libraryView().viewer().imageId().get();
    waitUntil(() -> robot.lookup("#viewer-preview").queryAs(ImageView.class).getImage() != null);
    assertThat(first).isEqualTo(onFx(() -> window.library().idAt(1)));

    robot.type(KeyCode.RIGHT);
    waitUntil(() -> window.libraryView().viewer().imageId().get() == onFx(() -> window.library().idAt(2)));
    robot.type(KeyCode.LEFT);
    robot.type(KeyCode.LEFT);
    waitUntil(() -> window.libraryView().viewer().imageId().get() == onFx(() -> window.library().idAt(0)));
    waitUntil(() -> robot.lookup("#viewer-title").queryLabeled().getText().contains("×"));
    snapshot(robot, "viewer");

    robot.type(KeyCode.ESCAPE);
    waitUntil(() -> !window.libraryView().viewerOpen().get());
    assertThat(window.libraryView().grid().isFocused()).isTrue();
    robot.type(KeyCode.SPACE);
    waitUntil(() -> window.libraryView().viewerOpen().get());
  }

  @Test
  void the_viewer_shows_a_histogram_exif_the_pipeline_and_the_original_at_100_percent(FxRobot robot) throws Exception {
    Path folder = Files.createTempDirectory(PHOTOS, "view");
    write(folder, "camera.jpg", new ExifBuilder().camera("FRAME", "Viewer Cam")
        .exposure(40, 200, 50).into(jpeg(photo(2600, 1800, 6))));
    drop(robot, folder.toFile());
    waitUntil(() -> tiles().size() == 1 && tiles().get(0) != null && tiles().get(0).step().get() == TileStep.PROCESSED);
    waitUntil(() -> robot.lookup(".tile").match(n -> n.getScene() != null && n.isVisible()).tryQuery().isPresent());
    Node tile = robot.lookup(".tile").match(n -> n.getScene() != null && n.isVisible()).query();
    robot.doubleClickOn(tile, javafx.scene.input.MouseButton.PRIMARY);

    waitUntil(() -> robot.lookup("#viewer-exif").tryQuery().isPresent());
    waitUntil(() -> robot.lookup("#viewer-preview").queryAs(ImageView.class).getImage() != null);
    String exif = robot.lookup("#viewer-exif .label").queryAllAs(Label.class).stream()
        .map(Label::getText).reduce("", (a, b) -> a + " " + b);
    assertThat(exif).contains("FRAME Viewer Cam").contains("f/4.0").contains("200").contains("50.0 mm");
    waitUntil(() -> timeline(robot).contains("Making thumbnails — COMPLETED") && timeline(robot).contains("#1 COMPLETED"));
    waitUntil(() -> window.libraryView().viewer().histogramView().histogram() != null);
    var histogram = window.libraryView().viewer().histogramView().histogram();
    assertThat(histogram.pixels()).isEqualTo(2000L * 1385);
    assertThat(Arrays.stream(histogram.luminance()).sum()).isEqualTo((int) histogram.pixels());
    assertThat(robot.lookup("#viewer-histogram").query().isVisible()).isTrue();

    robot.clickOn("#viewer-100");
    waitUntil(() -> robot.lookup("#viewer-status").queryLabeled().getText().contains("original 2600 × 1800"));
    waitUntil(() -> robot.lookup("#viewer-preview").queryAs(ImageView.class).getImage().getWidth() == 2600); // next layout pass
    double x = robot.lookup("#viewer-preview").query().getLayoutX();
    robot.drag("#viewer-preview").moveBy(-150, 0).release(javafx.scene.input.MouseButton.PRIMARY);
    waitUntil(() -> robot.lookup("#viewer-preview").query().getLayoutX() < x - 100);
    snapshot(robot, "viewer-100");
  }

  @Test
  void delete_asks_then_moves_to_the_trash_and_the_trash_pane_restores(FxRobot robot) throws Exception {
    importAndWait(robot, 3);
    focusGrid(robot);
    robot.type(KeyCode.RIGHT);
    robot.type(KeyCode.RIGHT);
    robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT).release(KeyCode.SHIFT);
    waitUntil(() -> window.library().selectedCount().get() == 2);
    List<Long> chosen = List.copyOf(window.library().selected());

    robot.type(KeyCode.DELETE);
    waitUntil(() -> robot.lookup("#confirm-dialog").tryQuery().isPresent());
    String question = robot.lookup("#confirm-dialog .header-panel .label").queryLabeled().getText();
    assertThat(question).isEqualTo("Move 2 photos to the trash?");
    assertThat(robot.lookup("#confirm-dialog .content").queryLabeled().getText()).startsWith("2 photos, ").contains(" KB on disk");
    snapshotWindow(robot, robot.lookup("#confirm-dialog").query(), "confirm-remove");
    robot.clickOn("Move to trash");

    waitUntil(() -> window.library().size().get() == 1);
    assertThat(frame.ports().trash().list()).extracting(t -> t.image().id()).containsExactlyInAnyOrderElementsOf(chosen);

    robot.interact(() -> robot.lookup("#main-tabs").queryAs(TabPane.class).getSelectionModel().select(1));
    @SuppressWarnings("unchecked")
    ListView<frame.core.api.trash.TrashedPhoto> trash = robot.lookup("#trash-list").queryAs(ListView.class);
    waitUntil(() -> trash.getItems().size() == 2);
    snapshot(robot, "trash");
    robot.interact(() -> trash.getSelectionModel().selectAll());
    robot.clickOn("#trash-restore");
    waitUntil(() -> trash.getItems().isEmpty());
    waitUntil(() -> window.library().size().get() == 3);
  }

  @Test
  void the_activity_bar_counts_an_import_to_its_end(FxRobot robot) throws Exception {
    Path folder = Files.createTempDirectory(PHOTOS, "card");
    for (int i = 0; i < 5; i++) write(folder, "card-" + i + ".jpg", jpeg(photo(900, 600, 40 + i)));
    write(folder, "readme.txt", "not a photo".getBytes());

    drop(robot, folder.toFile());

    try {
      // five small photos can be in and processed before the first look: "Importing" may never be seen
      waitUntil(() -> robot.lookup("#activity-text").queryLabeled().getText().startsWith("Importing: ")
          || robot.lookup("#activity-text").queryLabeled().getText().startsWith("Imported "));
      waitUntil(() -> robot.lookup("#activity-text").queryLabeled().getText().startsWith("Imported 5 photos in"));
    } catch (java.util.concurrent.TimeoutException e) {
      // say where it stood: the bar's counts and the photos' states in the database
      var activity = window.library().activity();
      throw new AssertionError("the import did not end: bar \"" + robot.lookup("#activity-text").queryLabeled().getText()
          + "\" (" + robot.lookup("#activity-text").queryAll().size() + " bars, active " + activity.active().get()
          + "), total " + activity.total().get() + ", ingested " + activity.ingested().get() + ", stored "
          + activity.stored().get() + ", processed " + activity.processed().get() + "; in the database "
          + java.util.Arrays.stream(ImageState.values()).map(state -> state + " " + frame.ports().library().countIn(state)).toList(), e);
    }
    assertThat(window.library().activity().total().get()).isEqualTo(6);
    assertThat(window.library().activity().ingested().get()).isEqualTo(6);
    assertThat(window.library().activity().processed().get()).isEqualTo(5);
    assertThat(robot.lookup("#activity-text").queryLabeled().getText()).contains("1 failed");
    robot.clickOn("#activity-failures");
    waitUntil(() -> tiles().size() == 1 && tiles().get(0).name().get().equals("readme.txt"));
    snapshot(robot, "activity");
  }

  @Test
  void cancelling_an_import_stops_taking_files_in_and_keeps_what_is_in(FxRobot robot) throws Exception {
    Path folder = Files.createTempDirectory(PHOTOS, "big");
    for (int i = 0; i < 40; i++) write(folder, "big-" + i + ".jpg", jpeg(photo(1600, 1200, 60 + i)));
    // the import thread is held until the cancel is in, so the test knows some files are still to go
    java.util.concurrent.CountDownLatch cancelled = new java.util.concurrent.CountDownLatch(1);
    ingestQueue.execute(() -> {
      try {
        cancelled.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });

    drop(robot, folder.toFile());
    waitUntil(() -> window.library().activity().total().get() == 40);
    robot.clickOn("#activity-cancel");
    cancelled.countDown();

    waitUntil(() -> !window.library().activity().active().get());
    assertThat(window.library().activity().skipped().get()).isEqualTo(40);
    assertThat(robot.lookup("#activity-text").queryLabeled().getText()).contains("40 not imported (cancelled)");
    assertThat(frame.ports().library().countIn(null)).isZero();
  }

  @Test
  void a_damaged_photo_shows_its_reason_on_its_tile(FxRobot robot) throws Exception {
    Path folder = Files.createTempDirectory(PHOTOS, "bad");
    byte[] whole = jpeg(photo(1200, 800, 3));
    write(folder, "half.jpg", Arrays.copyOf(whole, whole.length / 2));
    write(folder, "notes.txt", "not a photo".getBytes());

    drop(robot, folder.toFile());

    waitUntil(() -> tiles().size() == 2 && tiles().stream().allMatch(t -> t != null && t.step().get().isFinal()));
    waitUntil(() -> robot.lookup(".tile-message").queryAllAs(Label.class).stream()
        .anyMatch(l -> l.getText().contains("damaged or truncated")));
    assertThat(robot.lookup(".tile-message").queryAllAs(Label.class).stream()
        .anyMatch(l -> l.getText().contains("Unsupported file type"))).isTrue();
    assertThat(robot.lookup(".tile-badge").queryAllAs(Label.class)).extracting(Label::getText)
        .containsExactlyInAnyOrder("✕ Failed", "⊘ Rejected");
    snapshot(robot, "library-problems");
  }

  @Test
  void question_mark_shows_the_shortcuts_and_esc_hides_them(FxRobot robot) throws Exception {
    focusGrid(robot);
    robot.write("?");
    waitUntil(() -> robot.lookup("#help-overlay").query().isVisible());
    snapshot(robot, "help");
    robot.type(KeyCode.ESCAPE);
    waitUntil(() -> !robot.lookup("#help-overlay").query().isVisible());
  }

  @Test
  void the_window_remembers_its_size_and_last_pane(FxRobot robot) throws Exception {
    robot.interact(() -> {
      robot.lookup("#main-tabs").queryAs(TabPane.class).getSelectionModel().select(2);
      stage.setWidth(1100);
      stage.setHeight(700);
    });

    window.close();
    var remembered = new WindowPrefs(dataDir);
    assertThat(remembered.number("pane", -1)).isEqualTo(2);
    assertThat(remembered.number("width", 0)).isEqualTo(1100);
    assertThat(remembered.number("height", 0)).isEqualTo(700);
    window = new MainWindow(frame, new FxBackground(1), new ServerModel(frame, new FxBackground(1), 0, false), ingestQueue);
    robot.interact(() -> window.show(new Stage()));
    assertThat(robot.lookup("#main-tabs").queryAs(TabPane.class).getSelectionModel().getSelectedIndex()).isEqualTo(2);
  }

  @Test
  void jobs_table_filters_by_status_and_shows_a_jobs_detail(FxRobot robot) throws Exception {
    Path folder = Files.createTempDirectory(PHOTOS, "jobs");
    write(folder, "good.jpg", jpeg(photo(600, 400, 4)));
    byte[] whole = jpeg(photo(1200, 800, 5));
    write(folder, "half.jpg", Arrays.copyOf(whole, whole.length / 2));
    drop(robot, folder.toFile());
    waitUntil(() -> tiles().stream().filter(t -> t != null && t.step().get().isFinal()).count() == 2);

    robot.interact(() -> robot.lookup("#main-tabs").queryAs(TabPane.class).getSelectionModel().select(2));
    @SuppressWarnings("unchecked")
    ComboBox<JobState> status = robot.lookup("#jobs-status").queryAs(ComboBox.class);
    robot.interact(() -> status.setValue(JobState.FAILED));
    @SuppressWarnings("unchecked")
    TableView<JobsModel.Row> table = robot.lookup("#jobs-table").queryAs(TableView.class);
    waitUntil(() -> !table.getItems().isEmpty()
        && table.getItems().stream().allMatch(j -> j.job().state() == JobState.FAILED));
    assertThat(table.getItems()).allSatisfy(row -> assertThat(row.image().originalName()).isEqualTo("half.jpg"));
    waitUntil(() -> robot.lookup(".job-photo").queryAllAs(TableCell.class).stream()
        .anyMatch(cell -> "half.jpg".equals(cell.getText())));

    robot.interact(() -> table.getSelectionModel().select(0));
    TextArea detail = robot.lookup("#jobs-detail").queryAs(TextArea.class);
    waitUntil(() -> detail.getText().contains("History") && detail.getText().contains("damaged or truncated"));
    assertThat(detail.getText()).contains("Attempts   1 of 3").contains("Locked by").contains("half.jpg  FAILED");

    Hyperlink openPhoto = robot.lookup("#jobs-open-photo").queryAs(Hyperlink.class);
    waitUntil(() -> openPhoto.isVisible() && openPhoto.getText().contains("half.jpg"));
    robot.interact(openPhoto::fire);
    waitUntil(() -> window.libraryView().viewerOpen().get()
        && robot.lookup("#viewer-title").queryLabeled().getText().startsWith("half.jpg"));
    robot.interact(() -> robot.lookup("#main-tabs").queryAs(TabPane.class).getSelectionModel().select(2));

    robot.interact(() -> status.setValue(JobState.COMPLETED));
    waitUntil(() -> table.getItems().stream().anyMatch(j -> j.job().state() == JobState.COMPLETED
        && "good.jpg".equals(j.image().originalName()) && j.thumbnail() != null));
    waitUntil(() -> robot.lookup(".job-photo").queryAllAs(TableCell.class).stream()
        .anyMatch(cell -> "good.jpg".equals(cell.getText()) && cell.getGraphic() instanceof ImageView picture
            && picture.getImage() != null && !picture.getImage().isError()));
    snapshot(robot, "jobs");
  }

  @Test
  void status_bar_pauses_the_queue_and_the_jobs_pane_cancels_and_retries_a_selection(FxRobot robot) throws Exception {
    javafx.scene.control.Button pause = robot.lookup("#queue-pause").queryButton();
    waitUntil(() -> pause.getText().equals("Pause"));
    robot.clickOn(pause);
    waitUntil(() -> frame.ports().queue().overview().state().wholeQueuePaused() && pause.getText().equals("Resume"));
    waitUntil(() -> robot.lookup("#status-bar").queryLabeled().getText().startsWith("Queue paused"));

    Path folder = Files.createTempDirectory(PHOTOS, "paused");
    write(folder, "one.jpg", jpeg(photo(600, 400, 6)));
    write(folder, "two.jpg", jpeg(photo(600, 400, 7)));
    drop(robot, folder.toFile());
    waitUntil(() -> frame.ports().library().list(ImageQuery.all()).size() == 2
        && frame.ports().library().list(ImageQuery.all()).stream().allMatch(i -> i.state() == ImageState.INGESTED));

    robot.interact(() -> robot.lookup("#main-tabs").queryAs(TabPane.class).getSelectionModel().select(2)); // Library, Trash, Jobs, Server
    @SuppressWarnings("unchecked")
    ComboBox<JobState> status = robot.lookup("#jobs-status").queryAs(ComboBox.class);
    robot.interact(() -> status.setValue(JobState.PENDING));
    @SuppressWarnings("unchecked")
    TableView<Job> table = robot.lookup("#jobs-table").queryAs(TableView.class);
    waitUntil(() -> table.getItems().size() == 2);
    robot.interact(() -> table.getSelectionModel().selectAll());
    robot.clickOn("#jobs-cancel");
    waitUntil(() -> robot.lookup("#jobs-message").queryLabeled().getText().equals("Cancelled 2 job(s)."));
    waitUntil(() -> frame.ports().library().list(ImageQuery.all()).stream().allMatch(i -> i.state() == ImageState.FAILED));
    assertThat(frame.ports().library().list(ImageQuery.all()))
        .allMatch(i -> i.failureReason().equals("Storing the original failed: cancelled by an admin"));

    robot.interact(() -> status.setValue(JobState.CANCELLED));
    waitUntil(() -> table.getItems().size() == 2);
    robot.interact(() -> table.getSelectionModel().selectAll());
    robot.clickOn("#jobs-retry");
    waitUntil(() -> robot.lookup("#jobs-message").queryLabeled().getText().equals("Retried 2 job(s)."));
    robot.clickOn(pause);
    waitUntil(() -> !frame.ports().queue().overview().state().anythingPaused() && pause.getText().equals("Pause"));
    waitUntil(() -> frame.ports().library().list(ImageQuery.all()).stream().allMatch(i -> i.state() == ImageState.PROCESSED));
    snapshot(robot, "jobs-control");
  }

  @Test
  void jobs_pane_lists_the_nodes_on_the_database_with_this_one_alive(FxRobot robot) throws Exception {
    robot.interact(() -> robot.lookup("#main-tabs").queryAs(TabPane.class).getSelectionModel().select(2));
    @SuppressWarnings("unchecked")
    TableView<NodeInfo> nodes = robot.lookup("#nodes-table").queryAs(TableView.class);
    waitUntil(() -> nodes.getItems().stream()
        .anyMatch(n -> n.id().equals(frame.ports().nodes().thisNode()) && n.state() == NodeState.ALIVE));
    assertThat(robot.lookup("#nodes-pane").queryAs(javafx.scene.control.TitledPane.class).getText())
        .startsWith("Nodes: 1 alive");
  }

  @Test
  void server_pane_shows_a_pairing_qr_code_lists_the_paired_device_and_unpairs_it(FxRobot robot) throws Exception {
    robot.interact(() -> robot.lookup("#main-tabs").queryAs(TabPane.class).getSelectionModel().select(3));
    @SuppressWarnings("unchecked")
    ListView<String> urls = robot.lookup("#server-urls").queryAs(ListView.class);
    waitUntil(() -> !urls.getItems().isEmpty());
    String base = urls.getItems().get(0);
    assertThat(base).startsWith("http://127.0.0.1:");
    assertThat(robot.lookup("#server-status").queryLabeled().getText()).contains("Running");
    waitUntil(() -> robot.lookup("#server-qr").queryAs(ImageView.class).getImage() != null
        && robot.lookup("#server-pairing-digits").queryLabeled().getText().matches("\\d{3} \\d{3}"));
    assertThat(window.server().pairingLink().get()).startsWith(base + "/#pair=");

    // a laptop types the six digits: it is paired, and listed by the name it chose
    String digits = robot.lookup("#server-pairing-digits").queryLabeled().getText().replace(" ", "");
    var http = java.net.http.HttpClient.newHttpClient();
    var paired = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/pair"))
        .header("Content-Type", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
            "{\"code\":\"" + digits + "\",\"name\":\"<b>Studio laptop</b>\"}")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(paired.statusCode()).isEqualTo(201);
    String token = paired.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    robot.interact(() -> window.server().refreshTokens());
    @SuppressWarnings("unchecked")
    ListView<TokenInfo> devices = robot.lookup("#server-devices").queryAs(ListView.class);
    waitUntil(() -> devices.getItems().size() == 1);
    assertThat(devices.getItems().get(0).name()).isEqualTo("<b>Studio laptop</b>");
    waitUntil(() -> !robot.lookup("#server-pairing-digits").queryLabeled().getText().replace(" ", "").equals(digits));
    assertThat(frame.config().dataDir().resolve("frame.endpoint")).as("the command line can find this window's FRAME")
        .exists();
    snapshot(robot, "server");

    robot.interact(() -> devices.getSelectionModel().select(0));
    robot.clickOn("#server-device-unpair");
    waitUntil(() -> devices.getItems().isEmpty());
    var refused = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/images"))
        .header("Authorization", "Bearer " + token).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body()).contains("device_revoked");
  }

  private void importAndWait(FxRobot robot, int count) throws Exception {
    Path folder = Files.createTempDirectory(PHOTOS, "set");
    for (int i = 0; i < count; i++) write(folder, "set-" + i + ".jpg", jpeg(photo(1200, 800, 20 + i)));
    drop(robot, folder.toFile());
    waitUntil(() -> tiles().size() == count && tiles().stream().allMatch(t -> t != null && t.step().get() == TileStep.PROCESSED));
  }

  private void focusGrid(FxRobot robot) {
    robot.interact(() -> window.libraryView().grid().requestFocus());
  }

  private List<TileModel> tiles() throws Exception {
    return onFx(() -> IntStream.range(0, window.library().size().get()).mapToObj(window.library()::tileAt).toList());
  }

  private static <T> T onFx(Callable<T> work) throws Exception {
    return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
  }

  private static Color fill(Background background) {
    return (Color) Objects.requireNonNull(background).getFills().get(0).getFill();
  }

  private static String timeline(FxRobot robot) {
    var found = robot.lookup("#viewer-timeline").tryQuery();
    if (found.isEmpty()) return "";
    return ((javafx.scene.layout.VBox) found.get()).getChildrenUnmodifiable().stream()
        .flatMap(entry -> ((javafx.scene.layout.VBox) entry).getChildren().stream())
        .map(node -> ((Label) node).getText()).reduce("", (a, b) -> a + " " + b);
  }

  private void drop(FxRobot robot, File... files) {
    LibraryView view = robot.lookup(".library").queryAs(LibraryView.class);
    robot.interact(() -> view.acceptDrop(List.of(files)));
  }

  private static void waitUntil(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition);
  }

  private void snapshot(FxRobot robot, String name) {
    snapshotWindow(robot, window.root(), name);
  }

  /** Leaves a picture of a window in target/screenshots for a person to look at. */
  static void snapshotWindow(FxRobot robot, Node node, String name) {
    robot.interact(() -> {
      try {
        var image = node.getScene().snapshot(null);
        Path out = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(out.getParent());
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        var picture = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
          for (int x = 0; x < w; x++) picture.setRGB(x, y, image.getPixelReader().getArgb(x, y));
        }
        javax.imageio.ImageIO.write(picture, "png", out.toFile());
      } catch (Exception e) {
        System.err.println("no screenshot " + name + ": " + e); // a missing picture never fails the test
      }
    });
  }
}
