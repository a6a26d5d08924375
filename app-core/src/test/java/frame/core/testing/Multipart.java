package frame.core.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A multipart/form-data body as a browser or curl sends it: file parts and plain fields. For a
 * body streamed by the test itself, {@link #head(String)} and {@link #tail()} frame one file.
 */
public final class Multipart {
  private final String boundary = "frame-" + UUID.randomUUID();
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  public Multipart file(String filename, byte[] bytes) {
    body.writeBytes(head(filename));
    body.writeBytes(bytes);
    body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    return this;
  }

  public Multipart field(String name, String value) {
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
        + "\r\n").getBytes(StandardCharsets.UTF_8));
    return this;
  }

  public String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  public byte[] bytes() {
    ByteArrayOutputStream done = new ByteArrayOutputStream();
    done.writeBytes(body.toByteArray());
    done.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return done.toByteArray();
  }

  /** What comes before one file's bytes. */
  public byte[] head(String filename) {
    return ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
  }

  /** What comes after the last file's bytes when the body holds one file framed by {@link #head(String)}. */
  public byte[] tail() {
    return ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] ofOneFile(String filename, byte[] bytes) {
    return new Multipart().file(filename, bytes).bytes();
  }
}
