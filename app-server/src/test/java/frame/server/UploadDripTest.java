package frame.server;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static org.assertj.core.api.Assertions.assertThat;

import frame.core.FrameTestAccess;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 27, finding 5, with real sockets: one token's four uploads, each dripping a byte every two
 * seconds, hold only their share of the slots, another device still uploads, and the drips are cut.
 */
class UploadDripTest {
  @TempDir Path dataDir;

  @Test
  void four_dripping_uploads_from_one_token_do_not_block_another_device_and_are_cut_off() throws Exception {
    ScheduledExecutorService drip = Executors.newScheduledThreadPool(1);
    List<Socket> sockets = new ArrayList<>();
    try (ServerFixture fixture = new ServerFixture(dataDir)) {
      List<CompletableFuture<String>> answers = new ArrayList<>();
      for (int i = 0; i < fixture.settings.maxConcurrentUploads(); i++) {
        Socket socket = new Socket("127.0.0.1", fixture.server.port());
        socket.setSoTimeout(60_000);
        sockets.add(socket);
        socket.getOutputStream().write(("POST /api/upload HTTP/1.1\r\nHost: 127.0.0.1:" + fixture.server.port() + "\r\n"
            + "Authorization: Bearer " + fixture.token + "\r\n"
            + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 100000\r\n\r\n"
            + "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"slow.jpg\"\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        answers.add(CompletableFuture.supplyAsync(() -> statusLine(socket)));
      }
      drip.scheduleAtFixedRate(() -> sockets.forEach(UploadDripTest::sendOneByte), 2, 2, TimeUnit.SECONDS);

      // the token's share is half the slots: the other two are turned away at once
      Awaitility.await().atMost(Duration.ofSeconds(20))
          .until(() -> answers.stream().filter(a -> a.isDone() && a.join().contains(" 503 ")).count() == 2);
      String phone = FrameTestAccess.pairings(fixture.frame).redeem(
          FrameTestAccess.pairings(fixture.frame).create().digits(), "Phone").token();
      assertThat(fixture.client.withToken(phone).upload("beach.jpg", jpeg(photo(320, 240, 1))).statusCode())
          .isEqualTo(201);

      CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(40, TimeUnit.SECONDS);
      assertThat(answers.stream().map(CompletableFuture::join).filter(a -> a.contains(" 408 ")))
          .as("the drips holding slots are cut off by the minimum pace").hasSize(2);
    } finally {
      drip.shutdownNow();
      for (Socket socket : sockets) socket.close();
    }
  }

  private static void sendOneByte(Socket socket) {
    try {
      socket.getOutputStream().write('x');
      socket.getOutputStream().flush();
    } catch (IOException answeredAndClosed) {
      // the server has answered this one and closed it: nothing more to drip
    }
  }

  private static String statusLine(Socket socket) {
    try {
      InputStream in = socket.getInputStream();
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) line.append((char) c);
      return line.toString();
    } catch (IOException e) {
      return "failed: " + e;
    }
  }
}
