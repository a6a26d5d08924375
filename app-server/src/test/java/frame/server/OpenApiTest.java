package frame.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenApiTest {
  @TempDir Path dataDir;

  @Test
  void openapi_document_lists_exactly_the_registered_routes() {
    try (ServerFixture fixture = new ServerFixture(dataDir)) {
      JsonNode doc = ApiClient.json(fixture.client.get("/api/openapi.json"));
      assertThat(doc.get("openapi").asText()).startsWith("3.");

      Set<String> documented = new HashSet<>();
      doc.get("paths").fields().forEachRemaining(path ->
          path.getValue().fieldNames().forEachRemaining(method ->
              documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
      Set<String> registered = new HashSet<>();
      // the phone page's own files (/, /web/...) are not API
      fixture.server.routes().stream().filter(r -> r.path().startsWith("/api/"))
          .forEach(r -> registered.add(r.method() + " " + r.path()));

      assertThat(documented).isEqualTo(registered);
    }
  }
}
