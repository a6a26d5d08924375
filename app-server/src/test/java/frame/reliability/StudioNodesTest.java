package frame.reliability;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import frame.core.testing.TestPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A studio as users run it: {@code frame worker} and {@code frame serve} processes on one real
 * PostgreSQL and one storage folder (N1, N2, N6). Skipped, saying why, without a PostgreSQL.
 */
class StudioNodesTest {
  private static final Pattern WORKER_ID = Pattern.compile("FRAME worker (\\S+) running");
  private static final Pattern IMAGE_ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

  @TempDir Path dir;
  TestPostgres postgres;
  Map<String, String> studio;
  final List<ChildFrame> children = new ArrayList<>();

  @BeforeEach
  void studio() {
    postgres = TestPostgres.create();
    studio = new HashMap<>(Map.of(
        "DATABASE_URL", postgres.url(),
        "STORAGE_DIR", dir.resolve("storage").toString(),
        "FRAME_POLL_SECONDS", "1"));
    if (TestPostgres.login().user() != null) studio.put("DATABASE_USER", TestPostgres.login().user());
    if (TestPostgres.login().password() != null) studio.put("DATABASE_PASSWORD", TestPostgres.login().password());
  }

  @AfterEach
  void stop() throws Exception {
    for (ChildFrame child : children) child.close();
    if (postgres != null) postgres.close();
  }

  ChildFrame worker(String name, int threads) throws Exception {
    ChildFrame child = new ChildFrame(dir.resolve(name)).withEnvironment(studio).startWorker("--workers", "" + threads);
    children.add(child);
    return child;
  }

  ChildFrame serve(String name) throws Exception {
    ChildFrame child = new ChildFrame(dir.resolve(name)).withEnvironment(studio).withServeArgs("--workers", "1").start();
    children.add(child);
    return child;
  }

  @Test
  void n1_n2_three_workers_and_a_server_process_every_photo_once_and_a_killed_worker_costs_only_a_lease()
      throws Exception {
    ChildFrame api = serve("api");
    List<ChildFrame> workers = List.of(worker("w1", 2), worker("w2", 2), worker("w3", 2));
    String victim = nodeId(workers.get(0));

    int photos = 300;
    ExecutorService uploader = Executors.newSingleThreadExecutor();
    Future<?> uploads = uploader.submit(() -> {
      for (int i = 0; i < photos; i++) {
        HttpResponse<String> response = api.upload("IMG_" + i + ".jpg", jpeg(photo(96, 64, i)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
      }
      return null;
    });
    // kill -9 a worker while it holds jobs, with uploads still arriving: frozen first, so that
    // the jobs it is seen to hold are the ones it holds when it dies (they take milliseconds)
    List<Long> held = await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(10))
        .until(() -> heldWhileFrozen(workers.get(0), victim), ids -> !ids.isEmpty());
    workers.get(0).kill();
    uploads.get(10, TimeUnit.MINUTES);
    uploader.shutdown();

    await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500))
        .until(() -> count("SELECT COUNT(*) FROM image WHERE state NOT IN ('PROCESSED', 'FAILED')") == 0);

    assertThat(count("SELECT COUNT(*) FROM image WHERE state = 'PROCESSED'")).isEqualTo(photos);
    assertThat(count("""
        SELECT COUNT(*) FROM (SELECT job_id FROM job_attempt WHERE outcome = 'COMPLETED'
                              GROUP BY job_id HAVING COUNT(*) > 1) twice
        """)).as("no job with two completed attempts").isZero();
    // culling's analysis of the previews runs on after the photos are PROCESSED: every job ends
    await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
        .until(() -> count("SELECT COUNT(*) FROM job WHERE state <> 'COMPLETED'") == 0);
    List<String> completers = strings("SELECT DISTINCT worker_id FROM job_attempt WHERE outcome = 'COMPLETED'");
    for (ChildFrame node : List.of(api, workers.get(1), workers.get(2))) {
      String id = node == api ? apiNodeId(api) : nodeId(node);
      assertThat(completers).as("node %s completed some", id).contains(id);
    }
    for (long job : held) {
      assertThat(strings("SELECT outcome FROM job_attempt WHERE job_id = ? ORDER BY attempt", job))
          .as("job %d: the interrupted run is in its history, then it completed once", job)
          .containsExactly("INTERRUPTED", "COMPLETED");
    }
    assertThat(api.get("/api/admin/nodes").body()).contains("\"state\":\"LOST\"").contains(victim);
  }

  /** The jobs a worker holds, frozen with them; a worker seen holding none is thawed again. */
  private List<Long> heldWhileFrozen(ChildFrame worker, String workerId) throws Exception {
    String running = "SELECT id FROM job WHERE state = 'RUNNING' AND worker_id = ?";
    if (ids(running, workerId).isEmpty()) return List.of();
    worker.freeze(true);
    List<Long> held = ids(running, workerId);
    if (held.isEmpty()) worker.freeze(false);
    return held;
  }

  @Test
  void n6_postgresql_restarted_mid_run_nodes_carry_on_and_no_acknowledged_upload_is_lost() throws Exception {
    String cluster = System.getenv("FRAME_TEST_POSTGRES_CLUSTER");
    assumeTrue(cluster != null && cluster.contains("/"), "N6 skipped: FRAME_TEST_POSTGRES_CLUSTER (e.g. 15/main) names"
        + " the cluster this test may restart; .ci/run sets it");
    assumeTrue("root".equals(System.getProperty("user.name")), "N6 skipped: restarting PostgreSQL needs root");
    ChildFrame api = serve("api");
    worker("w1", 2);
    Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
    for (int i = 0; i < 30; i++) acknowledged.add(uploaded(api.upload("before_" + i + ".jpg", jpeg(photo(96, 64, i)))));

    // to a file: the restarted server inherits the output, and a pipe to it would never close
    Path restartLog = dir.resolve("pg_ctlcluster.log");
    Process restart = new ProcessBuilder("pg_ctlcluster", cluster.split("/")[0], cluster.split("/")[1], "restart")
        .redirectErrorStream(true).redirectOutput(restartLog.toFile()).start();
    restart.getOutputStream().close();
    // uploads go on while the server restarts; those refused were never acknowledged
    for (int i = 0; i < 30; i++) {
      HttpResponse<String> response = api.upload("during_" + i + ".jpg", jpeg(photo(96, 64, 1000 + i)));
      if (response.statusCode() == 201) acknowledged.add(uploaded(response));
    }
    int restarted = restart.waitFor();
    assertThat(restarted).as(java.nio.file.Files.readString(restartLog)).isZero();
    for (int i = 0; i < 10; i++) {
      final int n = i;
      await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).until(() -> {
        HttpResponse<String> response = api.upload("after_" + n + ".jpg", jpeg(photo(96, 64, 2000 + n)));
        if (response.statusCode() != 201) return false;
        acknowledged.add(uploaded(response));
        return true;
      });
    }

    // an upload refused during the restart may still have been stored: only the acknowledged ones are
    // counted on, so wait for each of them (a count can be reached early by one of the others)
    await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
        .until(() -> ids("SELECT id FROM image WHERE state = 'PROCESSED'").containsAll(acknowledged));
    await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
        .until(() -> count("SELECT COUNT(*) FROM job WHERE state <> 'COMPLETED'") == 0);
  }

  @Test
  void a_worker_on_the_embedded_database_refuses_to_start() throws Exception {
    ChildFrame.Finished refused = new ChildFrame(dir.resolve("alone")).runAnother("worker");
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.output()).contains("a worker needs PostgreSQL: the embedded database belongs to one process");
  }

  private static long uploaded(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    Matcher id = IMAGE_ID.matcher(response.body());
    assertThat(id.find()).as(response.body()).isTrue();
    return Long.parseLong(id.group(1));
  }

  private static String nodeId(ChildFrame worker) throws Exception {
    Matcher id = WORKER_ID.matcher(worker.log());
    assertThat(id.find()).as(worker.log()).isTrue();
    return id.group(1);
  }

  private String apiNodeId(ChildFrame api) throws SQLException {
    return strings("SELECT id FROM frame_node WHERE kind = 'serve' AND pid = ?", api.pid()).get(0);
  }

  private long count(String sql, Object... params) throws SQLException {
    return ids(sql, params).get(0);
  }

  private List<Long> ids(String sql, Object... params) throws SQLException {
    List<Long> values = new ArrayList<>();
    for (String s : strings(sql, params)) values.add(Long.parseLong(s));
    return values;
  }

  private List<String> strings(String sql, Object... params) throws SQLException {
    Properties login = new Properties();
    if (TestPostgres.login().user() != null) login.setProperty("user", TestPostgres.login().user());
    if (TestPostgres.login().password() != null) login.setProperty("password", TestPostgres.login().password());
    try (Connection connection = DriverManager.getConnection(postgres.url(), login);
        var statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) statement.setObject(i + 1, params[i]);
      try (ResultSet rows = statement.executeQuery()) {
        List<String> values = new ArrayList<>();
        while (rows.next()) values.add(rows.getString(1));
        return values;
      }
    }
  }
}
