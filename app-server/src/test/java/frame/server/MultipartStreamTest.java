package frame.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming multipart reader finds every delimiter and nothing else: files full of the
 * delimiter's own prefixes (CR LF, "--", most of the boundary), read from a socket that hands
 * over a few bytes at a time, come out byte for byte.
 */
class MultipartStreamTest {
  static final String BOUNDARY = "frame-test-boundary-4b1c";

  @ParameterizedTest(name = "at most {0} bytes a read")
  @ValueSource(ints = {1, 7, 64, 100_000})
  void every_part_comes_out_byte_for_byte_however_the_bytes_arrive(int chunk) throws IOException {
    Random random = new Random(chunk);
    List<byte[]> files = new ArrayList<>();
    for (int i = 0; i < 6; i++) files.add(trickyBytes(random, 1 + random.nextInt(50_000)));
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int i = 0; i < files.size(); i++) {
      body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p" + i
          + ".jpg\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      body.writeBytes(files.get(i));
      body.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }
    body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));

    MultipartStream stream = MultipartStream.of("multipart/form-data; boundary=" + BOUNDARY,
        new Trickle(new java.io.ByteArrayInputStream(body.toByteArray()), chunk), 1 << 20, 1 << 24);
    List<byte[]> read = new ArrayList<>();
    for (MultipartStream.Part part = stream.next(); part != null; part = stream.next()) {
      try (InputStream content = part.content()) {
        read.add(content.readAllBytes());
      }
    }
    assertThat(read).hasSize(files.size());
    for (int i = 0; i < files.size(); i++) assertThat(read.get(i)).as("file %d", i).isEqualTo(files.get(i));
  }

  /** Random bytes salted with the delimiter's prefixes and near-misses. */
  private static byte[] trickyBytes(Random random, int length) {
    byte[] delimiter = ("\r\n--" + BOUNDARY).getBytes(StandardCharsets.ISO_8859_1);
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    for (int at = random.nextInt(64); at < length; at += 1 + random.nextInt(300)) {
      int take = Math.min(length - at, 1 + random.nextInt(delimiter.length - 1)); // never the whole delimiter
      System.arraycopy(delimiter, 0, bytes, at, take);
      if (take == delimiter.length - 1 && at + take < length) bytes[at + take] = 'x';
    }
    return bytes;
  }

  /** A socket that hands over at most {@code chunk} bytes a read. */
  private static final class Trickle extends FilterInputStream {
    private final int chunk;

    Trickle(InputStream in, int chunk) {
      super(in);
      this.chunk = chunk;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return super.read(b, off, Math.min(len, chunk));
    }
  }
}
