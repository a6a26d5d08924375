package frame.server;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** For API tests: a real FRAME and its REST server on a new data folder for each test, closed after it. */
abstract class ServerPerTest {
  @TempDir Path dataDir;
  ServerFixture fixture;
  ApiClient api;

  @BeforeEach
  void startServer() {
    fixture = new ServerFixture(dataDir);
    api = fixture.client;
  }

  @AfterEach
  void stopServer() {
    fixture.close();
  }
}
