package frame.ui;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static frame.core.testing.TestImages.write;
import static org.assertj.core.api.Assertions.assertThat;

import frame.core.Frame;
import frame.core.image.ImageQuery;
import frame.core.job.Job;
import frame.core.job.JobState;
import frame.core.node.NodeInfo;
import frame.core.node.NodeState;
import frame.core.testing.FrameFixture;
import frame.ui.jobs.JobsModel;
import frame.ui.library.LibraryModel;
import frame.ui.library.LibraryView;
import frame.ui.library.TileStep;
import frame.ui.server.ServerModel;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.TableCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import javafx.stage.Window;
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

  Frame frame;
  MainWindow window;
  ExecutorService ingestQueue;

  @Start
  void start(Stage stage) throws Exception {
    frame = FrameFixture.open(Files.createTempDirectory(DATA, "run"));
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

    waitUntil(() -> window.library().allTiles().size() == 2
        && window.library().allTiles().stream().allMatch(t -> t.step().get() == TileStep.PROCESSED
            && t.thumbnail().get() != null));
    waitUntil(() -> robot.lookup(".tile").queryAll().size() == 2
        && robot.lookup(".tile-picture .image-view").queryAllAs(ImageView.class).stream()
            .allMatch(v -> v.getImage() != null && v.getImage().getProgress() == 1.0));
    waitUntil(() -> robot.lookup("#library-counts").queryLabeled().getText().contains("2 processed"));
    snapshot(robot, "library");
  }

  @Test
  void double_clicking_a_tile_opens_the_viewer_with_preview_exif_and_pipeline(FxRobot robot) throws Exception {
    Path folder = Files.createTempDirectory(PHOTOS, "view");
    write(folder, "camera.jpg", new frame.core.testing.ExifBuilder().camera("FRAME", "Viewer Cam")
        .exposure(40, 200, 50).into(jpeg(photo(1600, 1200, 6))));
    drop(robot, folder.toFile());
    waitUntil(() -> window.library().allTiles().size() == 1
        && window.library().allTiles().get(0).step().get() == TileStep.PROCESSED);

    waitUntil(() -> robot.lookup("#library-counts").queryLabeled().getText().contains("1 processed"));
    waitUntil(() -> robot.lookup(".tile").match(n -> n.getScene() != null && n.isVisible()).tryQuery().isPresent());
    javafx.scene.Node tile = robot.lookup(".tile").match(n -> n.getScene() != null && n.isVisible()).query();
    robot.doubleClickOn(tile, javafx.scene.input.MouseButton.PRIMARY);

    waitUntil(() -> robot.lookup("#viewer-exif").tryQuery().isPresent());
    waitUntil(() -> robot.lookup("#viewer-preview").queryAs(ImageView.class).getImage() != null);
    String exif = robot.lookup("#viewer-exif .label").queryAllAs(javafx.scene.control.Label.class).stream()
        .map(javafx.scene.control.Label::getText).reduce("", (a, b) -> a + " " + b);
    assertThat(exif).contains("FRAME Viewer Cam").contains("f/4.0").contains("200").contains("50.0 mm");
    waitUntil(() -> timeline(robot).contains("Making thumbnails — COMPLETED") && timeline(robot).contains("#1 COMPLETED"));
  }

  private static String timeline(FxRobot robot) {
    var found = robot.lookup("#viewer-timeline").tryQuery();
    if (found.isEmpty()) return "";
    return ((javafx.scene.layout.VBox) found.get()).getChildrenUnmodifiable().stream()
        .flatMap(entry -> ((javafx.scene.layout.VBox) entry).getChildren().stream())
        .map(node -> ((javafx.scene.control.Label) node).getText()).reduce("", (a, b) -> a + " " + b);
  }

  @Test
  void a_damaged_photo_shows_its_reason_on_its_tile(FxRobot robot) throws Exception {
    Path folder = Files.createTempDirectory(PHOTOS, "bad");
    byte[] whole = jpeg(photo(1200, 800, 3));
    write(folder, "half.jpg", Arrays.copyOf(whole, whole.length / 2));
    write(folder, "notes.txt", "not a photo".getBytes());

    drop(robot, folder.toFile());

    waitUntil(() -> window.library().allTiles().size() == 2
        && window.library().allTiles().stream().allMatch(t -> t.step().get().isFinal()));
    waitUntil(() -> robot.lookup(".tile-message").queryAllAs(javafx.scene.control.Label.class).stream()
        .anyMatch(l -> l.getText().contains("damaged or truncated")));
    assertThat(robot.lookup(".tile-message").queryAllAs(javafx.scene.control.Label.class).stream()
        .anyMatch(l -> l.getText().contains("Unsupported file type"))).isTrue();
  }

  @Test
  void jobs_table_filters_by_status_and_shows_a_jobs_detail(FxRobot robot) throws Exception {
    Path folder = Files.createTempDirectory(PHOTOS, "jobs");
    write(folder, "good.jpg", jpeg(photo(600, 400, 4)));
    byte[] whole = jpeg(photo(1200, 800, 5));
    write(folder, "half.jpg", Arrays.copyOf(whole, whole.length / 2));
    drop(robot, folder.toFile());
    waitUntil(() -> window.library().allTiles().stream().filter(t -> t.step().get().isFinal()).count() == 2);

    robot.interact(() -> robot.lookup("#main-tabs").queryAs(TabPane.class).getSelectionModel().select(1));
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
    waitUntil(() -> Window.getWindows().stream()
        .anyMatch(w -> w instanceof Stage s && "half.jpg — FRAME".equals(s.getTitle())));

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
    waitUntil(() -> frame.queue().state().wholeQueuePaused() && pause.getText().equals("Resume"));
    waitUntil(() -> robot.lookup("#status-bar").queryLabeled().getText().startsWith("Queue paused"));

    Path folder = Files.createTempDirectory(PHOTOS, "paused");
    write(folder, "one.jpg", jpeg(photo(600, 400, 6)));
    write(folder, "two.jpg", jpeg(photo(600, 400, 7)));
    drop(robot, folder.toFile());
    waitUntil(() -> window.library().allTiles().size() == 2
        && window.library().allTiles().stream().allMatch(t -> t.step().get() == TileStep.INGESTED));

    robot.interact(() -> robot.lookup("#main-tabs").queryAs(TabPane.class).getSelectionModel().select(1));
    @SuppressWarnings("unchecked")
    ComboBox<JobState> status = robot.lookup("#jobs-status").queryAs(ComboBox.class);
    robot.interact(() -> status.setValue(JobState.PENDING));
    @SuppressWarnings("unchecked")
    TableView<Job> table = robot.lookup("#jobs-table").queryAs(TableView.class);
    waitUntil(() -> table.getItems().size() == 2);
    robot.interact(() -> table.getSelectionModel().selectAll());
    robot.clickOn("#jobs-cancel");
    waitUntil(() -> robot.lookup("#jobs-message").queryLabeled().getText().equals("Cancelled 2 job(s)."));
    waitUntil(() -> window.library().allTiles().stream().allMatch(t -> t.step().get() == TileStep.FAILED));
    assertThat(frame.images(ImageQuery.all()))
        .allMatch(i -> i.failureReason().equals("Storing the original failed: cancelled by an admin"));

    robot.interact(() -> status.setValue(JobState.CANCELLED));
    waitUntil(() -> table.getItems().size() == 2);
    robot.interact(() -> table.getSelectionModel().selectAll());
    robot.clickOn("#jobs-retry");
    waitUntil(() -> robot.lookup("#jobs-message").queryLabeled().getText().equals("Retried 2 job(s)."));
    robot.clickOn(pause);
    waitUntil(() -> !frame.queue().state().anythingPaused() && pause.getText().equals("Pause"));
    waitUntil(() -> window.library().allTiles().stream().allMatch(t -> t.step().get() == TileStep.PROCESSED));
    snapshot(robot, "jobs-control");
  }

  @Test
  void jobs_pane_lists_the_nodes_on_the_database_with_this_one_alive(FxRobot robot) throws Exception {
    robot.interact(() -> robot.lookup("#main-tabs").queryAs(TabPane.class).getSelectionModel().select(1));
    @SuppressWarnings("unchecked")
    TableView<NodeInfo> nodes = robot.lookup("#nodes-table").queryAs(TableView.class);
    waitUntil(() -> nodes.getItems().stream()
        .anyMatch(n -> n.id().equals(frame.nodeId()) && n.state() == NodeState.ALIVE));
    assertThat(robot.lookup("#nodes-pane").queryAs(javafx.scene.control.TitledPane.class).getText())
        .startsWith("Nodes: 1 alive");
  }

  @Test
  void server_pane_shows_a_pairing_qr_code_lists_the_paired_device_and_unpairs_it(FxRobot robot) throws Exception {
    robot.interact(() -> robot.lookup("#main-tabs").queryAs(TabPane.class).getSelectionModel().select(2));
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
    ListView<frame.core.auth.ApiTokens.TokenInfo> devices = robot.lookup("#server-devices").queryAs(ListView.class);
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

  private void drop(FxRobot robot, File... files) {
    LibraryView view = robot.lookup(".library").queryAs(LibraryView.class);
    robot.interact(() -> view.acceptDrop(List.of(files)));
  }

  private static void waitUntil(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition);
  }

  /** Leaves a picture of the window in target/ for a person to look at. */
  private void snapshot(FxRobot robot, String name) {
    robot.interact(() -> {
      try {
        var image = window.root().getScene().snapshot(null);
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
