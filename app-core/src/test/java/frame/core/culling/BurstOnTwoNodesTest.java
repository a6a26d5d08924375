package frame.core.culling;

import static org.assertj.core.api.Assertions.assertThat;

import frame.core.api.culling.ImageMarks;
import frame.core.api.library.ImageFormat;
import frame.core.db.Database;
import frame.core.db.Jdbc;
import frame.core.event.EventBus;
import frame.core.image.ImageRepository;
import frame.core.testing.TestPostgres;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A studio: two nodes, each with its own stacker and connections to one PostgreSQL, measure the
 * two frames of a burst at the same moment (as their workers would: one frame each). Whichever
 * commits second must see the first and stack the two, sharper frame on top; without one lock
 * across the nodes each could look before the other wrote, and the burst stayed apart.
 */
class BurstOnTwoNodesTest {
  private static final int BURSTS = 12;

  @Test
  void two_nodes_measuring_the_frames_of_a_burst_at_once_stack_them() throws Exception {
    TestPostgres.assumeConfigured();
    try (TestPostgres postgres = TestPostgres.create();
         Database nodeA = Database.open(postgres.url(), TestPostgres.login(), 4);
         Database nodeB = Database.open(postgres.url(), TestPostgres.login(), 4);
         EventBus eventsA = new EventBus();
         EventBus eventsB = new EventBus()) {
      ImageRepository images = new ImageRepository(nodeA.jdbc());
      LocalDateTime start = LocalDateTime.of(2024, 7, 14, 18, 30);
      List<List<Long>> bursts = new ArrayList<>(); // two frames a second apart; the bursts minutes apart
      for (int b = 0; b < BURSTS; b++) {
        LocalDateTime taken = start.plusMinutes(b);
        bursts.add(List.of(photo(nodeA.jdbc(), images, "B%02d-1.jpg".formatted(b), taken),
            photo(nodeA.jdbc(), images, "B%02d-2.jpg".formatted(b), taken.plusSeconds(1))));
      }

      List<Stacker> stackers = List.of(new Stacker(nodeA.jdbc(), eventsA), new Stacker(nodeB.jdbc(), eventsB));
      CyclicBarrier together = new CyclicBarrier(2);
      ExecutorService nodes = Executors.newFixedThreadPool(2);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int node = 0; node < 2; node++) {
          int frame = node;
          Stacker stacker = stackers.get(node);
          done.add(nodes.submit(() -> {
            for (int b = 0; b < BURSTS; b++) {
              together.await(); // both nodes measure their frame of the burst at the same moment
              long hash = 0x9E3779B97F4A7C15L * (b + 1) ^ frame; // a bit apart within a burst
              stacker.measured(bursts.get(b).get(frame), hash, frame == 1 ? 900.0 : 100.0);
            }
            return null;
          }));
        }
        for (Future<?> node : done) node.get(); // a placing that failed (a deadlock, say) throws here
      } finally {
        nodes.shutdownNow();
      }

      Map<Long, ImageMarks> marks = new MarksRepository(nodeA.jdbc()).find(bursts.stream().flatMap(List::stream).toList());
      assertThat(bursts).as("each burst's two frames in one stack, the sharper on top").allSatisfy(burst -> {
        ImageMarks first = marks.get(burst.get(0));
        assertThat(first.stack()).isNotNull();
        assertThat(marks.get(burst.get(1)).stack()).isEqualTo(first.stack());
        assertThat(first.stackTop()).isEqualTo(burst.get(1));
      });
      assertThat(nodeA.jdbc().queryOne("SELECT COUNT(*) FROM stack", r -> r.getLong(1)).orElseThrow())
          .as("one stack a burst").isEqualTo((long) BURSTS);
    }
  }

  private static long photo(Jdbc jdbc, ImageRepository images, String name, LocalDateTime taken) {
    String sha256 = "%064x".formatted(new java.math.BigInteger(1, name.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    return jdbc.inTransaction(tx -> images.insert(tx, new ImageRepository.NewImage(sha256, ImageFormat.JPEG, 10, 10, 1,
        name, taken.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")), "Make", "Model"), Instant.EPOCH));
  }
}
