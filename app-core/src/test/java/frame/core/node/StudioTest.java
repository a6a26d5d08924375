package frame.core.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import frame.core.Frame;
import frame.core.api.config.FrameConfig;
import frame.core.FrameTestAccess;
import frame.core.api.events.FrameEvent;
import frame.core.api.library.ImageState;
import frame.core.api.imports.IngestResult;
import frame.core.api.jobs.Job;
import frame.core.job.JobRepository;
import frame.core.api.jobs.JobState;
import frame.core.api.jobs.JobQuery;
import frame.core.api.jobs.JobType;
import frame.core.job.NewJob;
import frame.core.job.RunnerSettings;
import frame.core.testing.TestImages;
import frame.core.testing.TestPostgres;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Several FRAMEs in this JVM on one real PostgreSQL and one storage folder, as a studio's nodes
 * (N3, N4, N5, N7). The child-JVM suite in app-server runs the same roles as separate processes.
 */
class StudioTest {
  @TempDir Path dir;
  TestPostgres postgres;
  final List<Frame> nodes = new ArrayList<>();

  @BeforeEach
  void database() {
    postgres = TestPostgres.create();
  }

  @AfterEach
  void close() {
    nodes.forEach(Frame::close);
    if (postgres != null) postgres.close();
  }

  FrameConfig config(String name) {
    return FrameConfig.inDataDir(dir.resolve(name)).withDatabase(postgres.url(), TestPostgres.login())
        .withStorageDir(dir.resolve("shared-storage")).withWorkers(2).withNodeKind("serve");
  }

  Frame node(FrameConfig config, Clock clock, RunnerSettings settings, boolean runJobs) {
    Frame frame = Frame.open(config, clock, settings, runJobs);
    nodes.add(frame);
    return frame;
  }

  Frame node(String name, Duration poll, boolean runJobs) {
    FrameConfig config = config(name).withPollInterval(poll);
    return node(config, Clock.systemUTC(), Frame.settingsFor(config), runJobs);
  }

  @Test
  void n5_a_node_sees_the_photos_another_node_ingests_and_processes_reach_processed() {
    Frame a = node("a", Duration.ofMillis(200), true);
    Frame b = node("b", Duration.ofMillis(200), false); // only watches, like a window on another machine
    Set<Long> processedSeenOnB = ConcurrentHashMap.newKeySet();
    Set<Long> jobsSeenOnB = ConcurrentHashMap.newKeySet();
    await("node A heard that node B shows events").atMost(Duration.ofSeconds(30))
        .until(() -> FrameTestAccess.sendsEvents(a));
    b.ports().events().subscribe(e -> {
      if (e instanceof FrameEvent.ImageChanged c && c.state() == ImageState.PROCESSED) processedSeenOnB.add(c.imageId());
      if (e instanceof FrameEvent.JobChanged j && j.state() == JobState.COMPLETED) jobsSeenOnB.add(j.jobId());
    });

    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) ids.add(stored(a.ports().imports().ingest(photo(i), "IMG_" + i + ".jpg", null)));

    await().atMost(Duration.ofMinutes(2)).until(() -> processedSeenOnB.containsAll(ids));
    // every job of those photos ends (their four steps, then culling's analysis of the preview)
    List<Job> jobs = await().atMost(Duration.ofMinutes(2)).until(
        () -> ids.stream().flatMap(id -> a.ports().jobs().list(JobQuery.forImage(id)).stream()).toList(),
        all -> all.stream().allMatch(job -> job.state() == JobState.COMPLETED));
    assertThat(jobs).hasSizeGreaterThanOrEqualTo(5 * 4);
    Set<Long> completed = jobs.stream().map(Job::id).collect(java.util.stream.Collectors.toSet());
    await("every job's completion reached node B").atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(jobsSeenOnB).containsAll(completed));
  }

  @Test
  void n4_an_enqueue_on_one_node_wakes_an_idle_node_at_once_and_without_notifications_polling_still_finishes() {
    Frame api = node("api", Duration.ofMillis(200), false); // takes uploads, runs no jobs
    Frame worker = node("worker", Duration.ofHours(1), true); // would wait an hour for its next poll
    await().atMost(Duration.ofSeconds(10)).until(() -> worker.ports().nodes().list().stream().anyMatch(n -> n.id().equals(worker.ports().nodes().thisNode())));

    long first = stored(api.ports().imports().ingest(photo(1), "first.jpg", null));
    await("woken by the notification, not by a poll an hour away").atMost(Duration.ofSeconds(30))
        .until(() -> api.ports().library().image(first).state() == ImageState.PROCESSED);

    worker.close();
    nodes.remove(worker);
    FrameConfig deaf = config("deaf").withPollInterval(Duration.ofMillis(300));
    deaf = new FrameConfig(deaf.dataDir(), deaf.storageDir(), deaf.databaseUrl(), deaf.workers(), deaf.batchSize(),
        deaf.pollInterval(), deaf.maxPixels(), deaf.port(), deaf.lan(), deaf.databaseLogin(), deaf.nodeKind(), false);
    node(deaf, Clock.systemUTC(), Frame.settingsFor(deaf), true);
    long second = stored(api.ports().imports().ingest(photo(2), "second.jpg", null));
    await("no notifications: found by polling").atMost(Duration.ofMinutes(1))
        .until(() -> api.ports().library().image(second).state() == ImageState.PROCESSED);
  }

  @Test
  void n3_a_node_five_minutes_ahead_steals_no_live_lease_and_one_behind_keeps_no_dead_one() {
    RunnerSettings shortLeases = RunnerSettings.defaults(1).withPollInterval(Duration.ofMillis(100))
        .withLease(Duration.ofSeconds(3), Duration.ofSeconds(1));
    Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(5));
    Clock behind = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-5));
    Frame aheadNode = node(config("ahead"), ahead, shortLeases, false);
    Frame behindNode = node(config("behind"), behind, shortLeases, false);
    JobRepository jobs = new JobRepository(FrameTestAccess.database(aheadNode).jdbc());

    // a live lease, renewed by its worker: the node ahead must not take it
    long live = enqueueNoop(jobs, Clock.systemUTC());
    Job held = jobs.claimDue("live-worker", Clock.systemUTC().instant(), Duration.ofSeconds(30), 1).get(0);
    assertThat(held.id()).isEqualTo(live);
    assertThat(FrameTestAccess.runner(aheadNode).reapExpiredNow()).isZero();
    assertThat(jobs.heartbeat(live, held.leaseToken(), ahead.instant(), Duration.ofSeconds(30))).isTrue();
    assertThat(FrameTestAccess.runner(aheadNode).reapExpiredNow()).isZero();
    assertThat(jobs.find(live).orElseThrow().state()).isEqualTo(JobState.RUNNING);

    // a lease taken by the node behind, which then dies: it ends by the database's clock
    long dead = enqueueNoop(jobs, behind);
    Job lost = jobs.claimDue("behind-node", behind.instant(), Duration.ofSeconds(3), 5).stream()
        .filter(j -> j.id() == dead).findFirst().orElseThrow();
    assertThat(lost.leaseUntil()).as("lease end in the database's time, not 5 minutes back")
        .isBetween(Clock.systemUTC().instant().minusSeconds(60), Clock.systemUTC().instant().plusSeconds(60));
    assertThat(FrameTestAccess.runner(behindNode).reapExpiredNow()).as("not yet expired").isZero();
    await().atMost(Duration.ofSeconds(30)).until(() -> FrameTestAccess.runner(behindNode).reapExpiredNow() == 1);
    assertThat(jobs.find(dead).orElseThrow().state()).isEqualTo(JobState.PENDING);
    assertThat(jobs.find(live).orElseThrow().state()).as("the live one still untouched").isEqualTo(JobState.RUNNING);
  }

  @Test
  void n7_a_node_starting_never_deletes_another_nodes_upload_in_flight_but_clears_a_stopped_nodes_leftovers()
      throws Exception {
    Frame receiving = node("receiving", Duration.ofMillis(200), true);
    Path tmpRoot = dir.resolve("shared-storage").resolve("tmp");
    // leftovers of a node that stopped long ago
    Frame gone = node("gone", Duration.ofMillis(200), true);
    Path goneFolder = tmpRoot.resolve(NodeIdentity.folderNameOf(gone.ports().nodes().thisNode()));
    Files.writeString(goneFolder.resolve("left-behind.part"), "half an upload");
    gone.close();
    nodes.remove(gone);

    CountDownLatch halfway = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    byte[] bytes = TestImages.jpeg(TestImages.photo(1600, 1200, 7));
    ExecutorService upload = Executors.newSingleThreadExecutor();
    try {
      Future<IngestResult> inFlight = upload.submit(() -> receiving.ports().imports().ingest(
          new PausingStream(new ByteArrayInputStream(bytes), bytes.length / 2, halfway, finish), "big.jpg", null));
      assertThat(halfway.await(30, TimeUnit.SECONDS)).isTrue();
      Path receivingFolder = tmpRoot.resolve(NodeIdentity.folderNameOf(receiving.ports().nodes().thisNode()));
      assertThat(partFiles(receivingFolder)).hasSize(1);

      node("starting", Duration.ofMillis(200), true);

      assertThat(partFiles(receivingFolder)).as("the upload in flight is untouched").hasSize(1);
      assertThat(goneFolder).as("the stopped node's folder is cleared").doesNotExist();
      finish.countDown();
      long id = stored(inFlight.get(60, TimeUnit.SECONDS));
      await().atMost(Duration.ofMinutes(2)).until(() -> receiving.ports().library().image(id).state() == ImageState.PROCESSED);
    } finally {
      finish.countDown();
      upload.shutdownNow();
    }
  }

  @Test
  void n8_workers_alone_send_only_wake_ups_and_a_node_that_starts_showing_events_receives_every_one_after()
      throws Exception {
    Frame worker = node(config("worker").withNodeKind("worker"), Clock.systemUTC(),
        Frame.settingsFor(config("worker")), true);
    JobRepository jobs = new JobRepository(FrameTestAccess.database(worker).jdbc());
    try (Connection eavesdropper = DriverManager.getConnection(postgres.url(), loginProperties());
        Statement statement = eavesdropper.createStatement()) {
      statement.execute("LISTEN " + ClusterEvents.CHANNEL); // hears the channel, shows nothing: not a watcher
      List<String> heard = new ArrayList<>();
      long unwatched = enqueueNoop(jobs, Clock.systemUTC());
      await("run by the worker").atMost(Duration.ofSeconds(30))
          .until(() -> jobs.find(unwatched).orElseThrow().state() == JobState.COMPLETED);

      Frame window = node("window", Duration.ofMillis(200), false); // shows events, like a window elsewhere
      await("the window announced itself").atMost(Duration.ofSeconds(30))
          .until(() -> hear(eavesdropper, heard).contains(ClusterEvents.WATCHING));
      Set<Long> completedOnWindow = ConcurrentHashMap.newKeySet();
      window.ports().events().subscribe(e -> {
        if (e instanceof FrameEvent.JobChanged j && j.state() == JobState.COMPLETED) completedOnWindow.add(j.jobId());
      });
      long watched = enqueueNoop(jobs, Clock.systemUTC());
      await("the watched job's events reach the window").atMost(Duration.ofSeconds(30))
          .until(() -> completedOnWindow.contains(watched));
      await().atMost(Duration.ofSeconds(30)).until(() -> String.join("\n", hear(eavesdropper, heard))
          .contains("J," + watched + ",-,NOOP,COMPLETED"));
      // one sender thread, in order: the unwatched job's events would have come before these
      assertThat(String.join("\n", heard)).as("nobody showed events: the worker sent none of that job's")
          .doesNotContain("J," + unwatched + ",");
    }
  }

  /** What the listening connection has heard so far, added to {@code heard}. */
  private static List<String> hear(Connection listening, List<String> heard) throws SQLException {
    PGNotification[] received = listening.unwrap(PGConnection.class).getNotifications(200);
    if (received != null) for (PGNotification n : received) heard.add(n.getParameter());
    return heard;
  }

  private static java.util.Properties loginProperties() {
    java.util.Properties properties = new java.util.Properties();
    if (TestPostgres.login().user() != null) properties.setProperty("user", TestPostgres.login().user());
    if (TestPostgres.login().password() != null) properties.setProperty("password", TestPostgres.login().password());
    return properties;
  }

  private static List<Path> partFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".part")).toList();
    }
  }

  private static long enqueueNoop(JobRepository jobs, Clock clock) {
    return jobs.jdbc().inTransaction(tx -> jobs.enqueue(tx, new NewJob(JobType.NOOP, null, "{}", 3), clock.instant()));
  }

  private static InputStream photo(int seed) {
    return new ByteArrayInputStream(TestImages.jpeg(TestImages.photo(320, 240, seed)));
  }

  private static long stored(IngestResult result) {
    assertThat(result).isInstanceOf(IngestResult.Stored.class);
    return ((IngestResult.Stored) result).image().id();
  }

  /** Hands over {@code before} bytes, then waits, as a slow client's upload does. */
  private static final class PausingStream extends FilterInputStream {
    private final CountDownLatch halfway;
    private final CountDownLatch resume;
    private long left;

    PausingStream(InputStream in, long before, CountDownLatch halfway, CountDownLatch resume) {
      super(in);
      this.left = before;
      this.halfway = halfway;
      this.resume = resume;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        halfway.countDown();
        try {
          resume.await();
        } catch (InterruptedException e) {
          throw new IOException(e);
        }
      }
      int n = super.read(b, off, left > 0 ? (int) Math.min(len, left) : len);
      if (n > 0) left -= n;
      return n;
    }
  }
}
