package frame.server;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static frame.server.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import frame.core.api.jobs.JobQuery;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiConcurrencyTest {
  @TempDir Path dataDir;

  // 40 slots: one token may hold half of them (UploadSlots), and these twenty share one token
  @Test
  void k4_twenty_concurrent_uploads_of_one_photo_make_one_image_one_file_one_set_of_jobs() throws Exception {
    byte[] photo = jpeg(photo(800, 600, 1));
    try (ServerFixture fixture = new ServerFixture(dataDir, s -> s.withMaxConcurrentUploads(40))) {
      List<HttpResponse<byte[]>> responses = concurrently(20, i -> fixture.client.upload("same.jpg", photo));

      assertThat(responses).allMatch(r -> r.statusCode() == 201 || r.statusCode() == 200);
      assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(1);
      assertThat(responses.stream().map(r -> json(r).get("image").get("id").asLong()).distinct()).hasSize(1);
      assertThat(fixture.frame.ports().library().countIn(null)).isEqualTo(1);
      assertThat(originals()).hasSize(1);
      frame.core.testing.FrameFixture.awaitAllFinal(fixture.frame, java.time.Duration.ofSeconds(60));
      // one set of jobs: each type once (the four steps, and culling's analysis when it has begun)
      assertThat(fixture.frame.ports().jobs().list(new JobQuery(null, null, null, 1000, 0)).stream()
          .map(frame.core.api.jobs.Job::type)).doesNotHaveDuplicates().contains(
              frame.core.api.jobs.JobType.OFFLOAD_ORIGINAL, frame.core.api.jobs.JobType.THUMBNAIL_GENERATION,
              frame.core.api.jobs.JobType.PREVIEW_GENERATION, frame.core.api.jobs.JobType.EXIF_ENRICHMENT);
    }
  }

  @Test
  void k5_twenty_different_photos_all_named_img_0001_are_twenty_images() throws Exception {
    try (ServerFixture fixture = new ServerFixture(dataDir, s -> s.withMaxConcurrentUploads(40))) {
      List<HttpResponse<byte[]>> responses =
          concurrently(20, i -> fixture.client.upload("IMG_0001.JPG", jpeg(photo(300, 200, 100 + i))));

      assertThat(responses).allMatch(r -> r.statusCode() == 201);
      assertThat(fixture.frame.ports().library().countIn(null)).isEqualTo(20);
      assertThat(originals()).hasSize(20);
    }
  }

  interface Upload {
    HttpResponse<byte[]> run(int index) throws Exception;
  }

  private static List<HttpResponse<byte[]>> concurrently(int count, Upload upload) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(count);
    try {
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      List<Future<HttpResponse<byte[]>>> futures = IntStream.range(0, count)
          .mapToObj(i -> pool.submit((Callable<HttpResponse<byte[]>>) () -> {
            start.await();
            return upload.run(i);
          }))
          .toList();
      start.countDown();
      List<HttpResponse<byte[]>> responses = new java.util.ArrayList<>();
      for (Future<HttpResponse<byte[]>> f : futures) responses.add(f.get());
      return responses;
    } finally {
      pool.shutdownNow();
    }
  }

  private List<Path> originals() throws IOException {
    try (Stream<Path> files = Files.walk(dataDir.resolve("storage").resolve("originals"))) {
      return files.filter(Files::isRegularFile).toList();
    }
  }
}
