package frame.ui.jobs;

import frame.core.api.Nodes;
import frame.core.api.FrameLibrary;
import frame.core.api.nodes.NodeInfo;
import frame.core.api.nodes.NodeState;
import frame.ui.common.Background;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;

/**
 * The studio's nodes above the jobs table: every FRAME process running jobs on this database,
 * whether it is alive, lost (silent past a lease; its jobs are taken back) or stopped, and what
 * it runs. Refreshed every few seconds; the node table is small.
 */
public final class NodesView extends TitledPane {
  private static final javafx.util.Duration REFRESH = javafx.util.Duration.seconds(5);

  private final Nodes nodesPort;
  private final Background background;
  private final ObservableList<NodeInfo> nodes = FXCollections.observableArrayList();
  private final Timeline timer = new Timeline(new KeyFrame(REFRESH, e -> refresh()));
  private boolean refreshing;

  public NodesView(FrameLibrary frame, Background background) {
    this.nodesPort = frame.ports().nodes();
    this.background = background;
    TableView<NodeInfo> table = new TableView<>(nodes);
    table.setId("nodes-table");
    table.setPrefHeight(140);
    table.getColumns().add(column("Node", NodeInfo::id, 220));
    table.getColumns().add(column("Kind", NodeInfo::kind, 70));
    table.getColumns().add(column("State", n -> n.state().name(), 80));
    table.getColumns().add(column("Running", n -> Integer.toString(n.runningJobs()), 70));
    table.getColumns().add(column("Completed", n -> Long.toString(n.completedJobs()), 90));
    table.getColumns().add(column("Heartbeat", n -> ago(n.lastHeartbeat()), 90));
    table.getColumns().add(column("Host", NodeInfo::host, 140));
    table.getColumns().add(column("PID", n -> Long.toString(n.pid()), 70));
    table.getColumns().add(column("Version", NodeInfo::version, 110));
    table.getColumns().add(column("Started", n -> n.started().toString(), 200));
    setContent(table);
    setId("nodes-pane");
    setText("Nodes");
    timer.setCycleCount(Timeline.INDEFINITE);
    timer.play();
    refresh();
  }

  /** The jobs pane with this above it. */
  public Node above(Node jobs) {
    BorderPane pane = new BorderPane(jobs);
    pane.setTop(this);
    return pane;
  }

  /** Stops the refreshes: a playing timeline is held by JavaFX's clock, and it would hold the closed window. */
  public void stop() {
    timer.stop();
  }

  public void refresh() {
    if (refreshing) return;
    refreshing = true;
    background.run(nodesPort::list, this::show, failure -> refreshing = false);
  }

  private void show(List<NodeInfo> latest) {
    refreshing = false;
    nodes.setAll(latest);
    long alive = latest.stream().filter(n -> n.state() == NodeState.ALIVE).count();
    long lost = latest.stream().filter(n -> n.state() == NodeState.LOST).count();
    setText("Nodes: " + alive + " alive" + (lost > 0 ? ", " + lost + " lost (their jobs are being taken back)" : ""));
  }

  private static String ago(Instant when) {
    long seconds = Math.max(0, Duration.between(when, Instant.now()).toSeconds());
    return seconds < 120 ? seconds + " s ago" : seconds / 60 + " min ago";
  }

  private static TableColumn<NodeInfo, String> column(String title, Function<NodeInfo, String> value, double width) {
    TableColumn<NodeInfo, String> column = new TableColumn<>(title);
    column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
    column.setPrefWidth(width);
    return column;
  }
}
