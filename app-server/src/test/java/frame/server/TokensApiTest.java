package frame.server;

import static frame.server.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An admin manages API tokens over the API: create (shown once), list by name, revoke at once. */
class TokensApiTest {
  @TempDir Path dataDir;

  @Test
  void a_token_made_over_the_api_works_until_it_is_revoked() {
    try (ServerFixture fixture = new ServerFixture(dataDir)) {
      ApiClient api = fixture.client;

      HttpResponse<byte[]> created = create(api, "{\"name\": \"phone\"}");
      assertThat(created.statusCode()).isEqualTo(201);
      String token = json(created).get("token").asText();
      assertThat(token).startsWith("frame_");
      assertThat(json(created).get("name").asText()).isEqualTo("phone");
      ApiClient phone = api.withToken(token);
      assertThat(phone.get("/api/images").statusCode()).isEqualTo(200);

      JsonNode list = json(api.get("/api/admin/tokens"));
      assertThat(list.findValuesAsText("name")).hasSize(2).contains("phone");
      assertThat(list.findValuesAsText("kind")).containsOnly("ADMIN");
      assertThat(list.toString()).doesNotContain(token);

      assertThat(create(api, "{\"name\": \"phone\"}").statusCode()).as("names are unique").isEqualTo(409);
      assertThat(json(create(api, "{\"name\": \"my phone!\"}")).get("error").get("code").asText())
          .isEqualTo("invalid_token_name");
      assertThat(create(api, "not json").statusCode()).isEqualTo(400);

      assertThat(api.method("DELETE", "/api/admin/tokens?name=phone").statusCode()).isEqualTo(204);
      assertThat(phone.get("/api/images").statusCode()).as("revoked at once").isEqualTo(401);
      HttpResponse<byte[]> again = api.method("DELETE", "/api/admin/tokens?name=phone");
      assertThat(again.statusCode()).isEqualTo(404);
      assertThat(json(again).get("error").get("code").asText()).isEqualTo("token_not_found");
    }
  }

  private static HttpResponse<byte[]> create(ApiClient api, String body) {
    return api.send(api.request("/api/admin/tokens").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }
}
