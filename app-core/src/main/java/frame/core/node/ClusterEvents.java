package frame.core.node;

import frame.core.db.Database;
import frame.core.event.EventBus;
import frame.core.api.events.FrameEvent;
import frame.core.api.jobs.JobState;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries every node's events to the nodes that show them through PostgreSQL's LISTEN/NOTIFY, so
 * a window or an event stream on one node shows the work all of them do, and an enqueue anywhere
 * wakes the idle runners everywhere. Events reach the bus after their commit, so a notification is
 * sent only for committed work. Notifications are a shortcut, not the record: one that is lost
 * (the listener reconnecting, a pooler that drops them) only delays work until the next poll.
 *
 * <p>Two channels, so the work does not grow with the square of the nodes: every node sends its
 * events once on {@link #CHANNEL}, which only nodes that may show them listen to (an API node, a
 * window, a command); a {@code frame worker} shows nothing, so it listens only to {@link #WAKE},
 * a one-line notice sent once per batch of events that holds newly pending jobs. And a node sends
 * its events at all only while another node shows them ({@link EventWatchers}): workers alone
 * send only the wake-ups.
 */
public final class ClusterEvents implements AutoCloseable {
  static final String CHANNEL = "frame_events";
  /** Only "there is new work", for nodes that run jobs and show nothing. */
  public static final String WAKE = "frame_wake";
  /** Sent on both channels by a node that starts showing events, so senders start sending at once. */
  static final String WATCHING = "+watching";
  private static final Logger log = LoggerFactory.getLogger(ClusterEvents.class);
  private static final int MAX_PAYLOAD_BYTES = 7_000; // PostgreSQL's limit is 8 000
  /** How long a node that shows events waits at its start to be listening; beyond it, polling covers. */
  private static final Duration FIRST_LISTEN = Duration.ofSeconds(5);

  private final Database database;
  private final EventBus events;
  private final String nodeId;
  private final Runnable wakeRunner;
  private final boolean showsEvents;
  private final EventWatchers watchers;
  private final BlockingQueue<String> outgoing = new LinkedBlockingQueue<>();
  private final Set<FrameEvent> fromOtherNodes = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
  private final AutoCloseable subscription;
  private final Thread sender;
  private final Thread listener;
  private final CountDownLatch firstListen = new CountDownLatch(1);
  private volatile boolean open = true;
  private volatile Connection listening;

  private ClusterEvents(Database database, EventBus events, String nodeId, Runnable wakeRunner, boolean showsEvents) {
    this.database = database;
    this.events = events;
    this.nodeId = nodeId;
    this.wakeRunner = wakeRunner;
    this.showsEvents = showsEvents;
    this.watchers = new EventWatchers(database.jdbc());
    this.subscription = events.subscribe(this::forward);
    this.sender = daemon(this::sendUntilClosed, "frame-notify-send");
    this.listener = daemon(this::listenUntilClosed, "frame-notify-listen");
  }

  /**
   * Starts sending this node's events and listening: to every other node's events when
   * {@code showsEvents}, else (a worker with nothing to show them on) only to wake-ups.
   */
  public static ClusterEvents start(Database database, EventBus events, String nodeId, Runnable wakeRunner,
      boolean showsEvents) {
    ClusterEvents cluster = new ClusterEvents(database, events, nodeId, wakeRunner, showsEvents);
    cluster.watchers.refresh(); // known before the first event: none sent for nobody, none dropped for a watcher
    cluster.sender.start();
    cluster.listener.start();
    if (showsEvents) cluster.awaitFirstListen(); // the other nodes' events after this start all reach the bus
    return cluster;
  }

  /** Whether this node sends its events: some other node shows them. */
  public boolean othersWatch() {
    return watchers.othersWatch();
  }

  private void awaitFirstListen() {
    try {
      if (!firstListen.await(FIRST_LISTEN.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("Not listening to the other nodes after {} s; their changes show at the next poll", FIRST_LISTEN.toSeconds());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void forward(FrameEvent event) {
    if (fromOtherNodes.remove(event)) return; // came from another node: do not send it back round
    if (!watchers.othersWatch() && !isNewWork(event)) return; // nobody would receive it
    EventCodec.encode(event).ifPresent(outgoing::add);
  }

  private void sendUntilClosed() {
    List<String> lines = new ArrayList<>();
    while (open || !outgoing.isEmpty()) {
      try {
        watchers.refresh();
        String first = outgoing.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) continue;
        lines.add(first);
        outgoing.drainTo(lines, 2_000);
        send(lines);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // the others see these changes at their next poll instead
        log.debug("Could not notify other nodes of {} event(s): {}", lines.size(), e.getMessage());
      } finally {
        lines.clear();
      }
    }
  }

  private void send(List<String> lines) {
    boolean watched = watchers.othersWatch();
    boolean newWork = lines.stream().anyMatch(EventCodec::isNewWork);
    if (!watched && !newWork) return;
    List<String> payloads = new ArrayList<>();
    StringBuilder payload = new StringBuilder(nodeId);
    for (String line : lines) {
      if (payload.length() + line.length() + 1 > MAX_PAYLOAD_BYTES) {
        payloads.add(payload.toString());
        payload = new StringBuilder(nodeId);
      }
      payload.append('\n').append(line);
    }
    payloads.add(payload.toString());
    database.jdbc().inTransaction(tx -> {
      if (watched) for (String text : payloads) tx.query("SELECT pg_notify(?, ?)", r -> 1, CHANNEL, text);
      if (newWork) tx.query("SELECT pg_notify(?, ?)", r -> 1, WAKE, nodeId);
      return null;
    });
  }

  private void listenUntilClosed() {
    Duration pause = Duration.ofMillis(200);
    boolean reported = false;
    while (open) {
      try (Connection connection = database.openDedicatedConnection()) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("LISTEN " + (showsEvents ? CHANNEL : WAKE));
        }
        if (showsEvents) announceWatching(connection);
        listening = connection;
        firstListen.countDown();
        if (reported) log.info("Listening to the other nodes again");
        reported = false;
        pause = Duration.ofMillis(200);
        wakeRunner.run(); // anything enqueued while we were deaf
        PGConnection pg = connection.unwrap(PGConnection.class);
        while (open) {
          PGNotification[] received = pg.getNotifications(500);
          if (received != null) {
            for (PGNotification notification : received) {
              if (notification.getParameter().equals(WATCHING)) watchers.mayHaveChanged();
              else if (notification.getName().equals(WAKE)) wakeFrom(notification.getParameter());
              else deliver(notification.getParameter());
            }
          }
        }
      } catch (SQLException e) {
        if (!open) return;
        if (!reported) log.warn("Lost the notification connection; polling covers for it until it is back: {}",
            e.getMessage());
        reported = true;
        sleep(pause);
        pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : pause.multipliedBy(2);
      } finally {
        listening = null;
      }
    }
  }

  /** Counts this node as showing events, and tells the senders (workers hear only {@link #WAKE}). */
  private void announceWatching(Connection connection) throws SQLException {
    watchers.watchOn(connection);
    try (Statement statement = connection.createStatement()) {
      statement.execute("SELECT pg_notify('%s', '%s'), pg_notify('%s', '%s')".formatted(WAKE, WATCHING, CHANNEL, WATCHING));
    }
  }

  private static boolean isNewWork(FrameEvent event) {
    return event instanceof FrameEvent.JobChanged job && job.state() == JobState.PENDING;
  }

  private void wakeFrom(String sender) {
    if (!sender.equals(nodeId)) wakeRunner.run();
  }

  private void deliver(String payload) {
    String[] lines = payload.split("\n");
    if (lines.length == 0 || lines[0].equals(nodeId)) return; // our own, already on our bus
    boolean wake = false;
    for (int i = 1; i < lines.length; i++) {
      Optional<FrameEvent> event = EventCodec.decode(lines[i]);
      if (event.isEmpty()) continue;
      if (event.get() instanceof FrameEvent.JobChanged job && job.state() == JobState.PENDING) wake = true;
      fromOtherNodes.add(event.get());
      events.publish(event.get());
    }
    if (wake) wakeRunner.run();
  }

  @Override
  public void close() {
    open = false;
    try {
      subscription.close();
    } catch (Exception ignored) {
      // nothing to undo
    }
    try {
      sender.join(2_000);
      listener.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Thread daemon(Runnable body, String name) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    return thread;
  }
}
