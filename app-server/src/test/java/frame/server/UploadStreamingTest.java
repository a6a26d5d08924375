package frame.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import frame.core.api.library.Image;
import frame.core.testing.Multipart;
import frame.core.testing.TestImages;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploads are parsed as they stream in, each file straight into the store's hashed temp file:
 * the stored original is byte-exact even when its bytes look like a boundary, several files
 * and fields in any order work, and nothing is spooled in the upload folder.
 */
class UploadStreamingTest {
  @TempDir Path dataDir;
  ServerFixture fixture;

  @AfterEach
  void stop() {
    if (fixture != null) fixture.close();
  }

  @Test
  void a_photo_whose_bytes_look_like_a_boundary_is_stored_byte_exact() throws Exception {
    fixture = new ServerFixture(dataDir);
    Multipart multipart = new Multipart();
    byte[] jpeg = TestImages.jpeg(TestImages.photo(400, 300, 1));
    // after the end marker, almost-delimiters: CRLF, dashes and most of the boundary
    String boundary = multipart.contentType().substring(multipart.contentType().indexOf("boundary=") + 9);
    String near = "\r\n--" + boundary.substring(0, boundary.length() - 1) + "\r\n-\r\n--\r";
    byte[] tricky = concat(jpeg, near.getBytes(StandardCharsets.ISO_8859_1));

    HttpResponse<byte[]> response = fixture.client.upload(multipart.file("tricky.jpg", tricky));

    assertThat(response.statusCode()).isEqualTo(201);
    Image image = fixture.frame.ports().library().bySha256(sha256(tricky)).orElseThrow();
    assertThat(Files.readAllBytes(fixture.frame.ports().library().files(image).original())).isEqualTo(tricky);
    assertThat(countFiles(fixture.settings.uploadTempDir())).as("no spool copy").isZero();
  }

  @Test
  void several_files_and_a_checksum_field_before_the_file_all_work() throws Exception {
    fixture = new ServerFixture(dataDir);
    byte[] a = TestImages.jpeg(TestImages.photo(300, 200, 2));
    byte[] b = TestImages.jpeg(TestImages.photo(300, 200, 3));
    JsonNode two = ApiClient.json(fixture.client.upload(new Multipart().field("note", "holiday")
        .file("a.jpg", a).field("other", "x").file("b.jpg", b)));
    assertThat(two.get("results")).hasSize(2);
    assertThat(fixture.frame.ports().library().bySha256(sha256(a))).isPresent();
    assertThat(fixture.frame.ports().library().bySha256(sha256(b))).isPresent();

    byte[] c = TestImages.jpeg(TestImages.photo(300, 200, 4));
    HttpResponse<byte[]> first = fixture.client.upload(new Multipart().field("sha256", sha256(c)).file("c.jpg", c));
    assertThat(first.statusCode()).isEqualTo(201);
    HttpResponse<byte[]> wrong = fixture.client.upload(new Multipart().field("sha256", "0".repeat(64))
        .file("d.jpg", TestImages.jpeg(TestImages.photo(300, 200, 5))));
    assertThat(wrong.statusCode()).isEqualTo(422);
  }

  @Test
  void a_declared_checksum_with_two_files_is_refused_and_the_second_file_not_stored() throws Exception {
    fixture = new ServerFixture(dataDir);
    byte[] a = TestImages.jpeg(TestImages.photo(300, 200, 6));
    byte[] b = TestImages.jpeg(TestImages.photo(300, 200, 7));
    HttpResponse<byte[]> before = fixture.client.upload(new Multipart().field("sha256", sha256(a))
        .file("a.jpg", a).file("b.jpg", b));
    assertThat(before.statusCode()).isEqualTo(400);
    assertThat(fixture.frame.ports().library().countIn(null)).as("refused before anything was stored").isZero();

    HttpResponse<byte[]> after = fixture.client.upload(new Multipart().file("a.jpg", a).file("b.jpg", b)
        .field("sha256", "0".repeat(64)));
    assertThat(after.statusCode()).isEqualTo(400);
    assertThat(fixture.frame.ports().library().bySha256(sha256(b))).as("the file the checksum came after").isEmpty();
  }

  private static long countFiles(Path dir) throws Exception {
    if (!Files.isDirectory(dir)) return 0;
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).count();
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] r = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
