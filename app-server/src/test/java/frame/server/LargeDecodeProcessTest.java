package frame.server;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 27, finding 4, in a FRAME of its own at -Xmx512m: a 12 000 x 12 000 16-bit RGBA PNG
 * (about 1 MB on disk, 1.7 GB to decode) is refused for memory, in words that say so, and the
 * server keeps serving and processing the other photos.
 */
class LargeDecodeProcessTest {
  @TempDir Path dataDir;
  @TempDir Path work;

  @Test
  void a_png_too_big_for_the_heap_fails_for_memory_not_damage_and_frame_carries_on() throws Exception {
    byte[] big = Files.readAllBytes(writeZeroPng(work.resolve("huge.png"), 12_000, 12_000));
    assertThat(big.length).isLessThan(3 << 20);

    Process frame = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), "frame.cli.ServerMain",
        "--data-dir", dataDir.toString(), "serve", "--port", "0"))
        .redirectErrorStream(true).redirectOutput(work.resolve("frame.log").toFile()).start();
    try {
      LocalEndpoint.Published endpoint = Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
          .until(() -> LocalEndpoint.discover(dataDir).orElse(null), e -> e != null);
      ApiClient api = new ApiClient(endpoint.port(), endpoint.credential());

      long hugeId = ApiClient.json(api.upload("huge.png", big)).get("image").get("id").asLong();
      long smallId = ApiClient.json(api.upload("small.jpg", jpeg(photo(800, 600, 1)))).get("image").get("id").asLong();

      JsonNode huge = Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
          .until(() -> ApiClient.json(api.get("/api/images/" + hugeId)).get("image"),
              i -> i.get("status").asText().equalsIgnoreCase("FAILED"));
      String reason = huge.get("failureReason").asText();
      assertThat(reason).containsPattern("needs 1\\.6 GB of memory to decode; FRAME has \\d+ MB").doesNotContain("damaged");
      Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
          .until(() -> ApiClient.json(api.get("/api/images/" + smallId)).get("image").get("isProcessed").asBoolean());
      assertThat(api.get("/api/health").statusCode()).isEqualTo(200);
      assertThat(frame.isAlive()).isTrue();
      assertThat(Files.readString(work.resolve("frame.log"))).doesNotContain("OutOfMemoryError");
    } finally {
      frame.destroy();
      frame.waitFor();
    }
  }

  /** A real PNG, 16 bits a channel, RGBA, all rows zero: tiny once deflated. */
  static Path writeZeroPng(Path file, int width, int height) throws IOException {
    try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
      out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
      java.io.ByteArrayOutputStream ihdr = new java.io.ByteArrayOutputStream();
      DataOutputStream header = new DataOutputStream(ihdr);
      header.writeInt(width);
      header.writeInt(height);
      header.write(new byte[] {16, 6, 0, 0, 0}); // 16-bit, RGBA, deflate, no filter method, no interlace
      chunk(out, "IHDR", ihdr.toByteArray());
      java.io.ByteArrayOutputStream idat = new java.io.ByteArrayOutputStream();
      try (OutputStream deflate = new DeflaterOutputStream(idat, new Deflater(Deflater.BEST_COMPRESSION))) {
        byte[] row = new byte[1 + width * 8]; // filter byte 0, then the samples
        for (int y = 0; y < height; y++) deflate.write(row);
      }
      chunk(out, "IDAT", idat.toByteArray());
      chunk(out, "IEND", new byte[0]);
    }
    return file;
  }

  private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    out.writeInt(data.length);
    out.write(name);
    out.write(data);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    out.writeInt((int) crc.getValue());
  }
}
