package frame.server;

import frame.core.FrameTestAccess;
import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static frame.server.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ApiSecurityTest extends ServerPerTest {
  @Test
  void s1_every_route_but_health_needs_a_token() {
    ApiClient anonymous = api.withToken(null);
    assertThat(fixture.server.routes()).hasSizeGreaterThan(10);
    for (ApiServer.Route route : fixture.server.routes()) {
      String path = route.path().replace("{id}", "1").replace("{size}", "256").replace("{sha256}", "a".repeat(64))
          .replace("{name}", "nas");
      HttpResponse<byte[]> response = anonymous.method(route.method(), path);
      if (route.path().equals("/api/pair")) {
        // public, and a missing code is a bad request, not a missing token
        assertThat(response.statusCode()).as(route.toString()).isEqualTo(400);
      } else if (route.isPublic()) {
        assertThat(response.statusCode()).as(route.toString()).isEqualTo(200);
      } else {
        assertThat(response.statusCode()).as(route.toString()).isEqualTo(401);
      }
    }
  }

  @Test
  void s2_wrong_revoked_and_almost_right_tokens_are_refused() {
    String token = fixture.token;
    char last = token.charAt(token.length() - 1);
    String offByOne = token.substring(0, token.length() - 1) + (char) (last == 'A' ? 'B' : 'A');
    assertThat(api.withToken("frame_wrong").get("/api/images").statusCode()).isEqualTo(401);
    assertThat(api.withToken(offByOne).get("/api/images").statusCode()).isEqualTo(401);
    assertThat(api.withToken(token + "x").get("/api/images").statusCode()).isEqualTo(401);
    assertThat(json(api.withToken("nope").get("/api/images")).get("error").get("code").asText()).isEqualTo("unauthorized");

    String phone = FrameTestAccess.tokens(fixture.frame).create("phone");
    assertThat(api.withToken(phone).get("/api/images").statusCode()).isEqualTo(200);
    FrameTestAccess.tokens(fixture.frame).revoke("phone");
    assertThat(api.withToken(phone).get("/api/images").statusCode()).isEqualTo(401);
  }

  @Test
  void s2_only_token_hashes_are_stored() throws Exception {
    assertThat(databaseText(dataDir)).doesNotContain(fixture.token.substring(6));
  }

  @Test
  void s3_foreign_host_header_is_rejected_even_with_a_valid_token() {
    Map<String, String> auth = Map.of("Authorization", "Bearer " + fixture.token);
    int port = fixture.server.port();
    assertThat(api.raw("GET", "/api/images", with(auth, "Host", "evil.example:" + port)).status()).isEqualTo(403);
    assertThat(api.raw("GET", "/api/images", with(auth, "Host", "127.0.0.1:" + (port + 1))).status()).isEqualTo(403);
    assertThat(api.raw("GET", "/api/images", with(auth, "Host", "localhost:" + port)).status()).isEqualTo(200);
    assertThat(api.raw("GET", "/api/images", with(auth, "Host", "127.0.0.1:" + port)).status()).isEqualTo(200);
  }

  @Test
  void s4_cross_origin_preflight_gets_no_cors_allowance() {
    ApiClient.RawResponse preflight = api.raw("OPTIONS", "/api/images", Map.of(
        "Origin", "http://evil.example", "Access-Control-Request-Method", "GET",
        "Access-Control-Request-Headers", "authorization"));
    assertThat(preflight.hasHeader("Access-Control-Allow-Origin")).isFalse();
    ApiClient.RawResponse get = api.raw("GET", "/api/images", Map.of(
        "Origin", "http://evil.example", "Authorization", "Bearer " + fixture.token));
    assertThat(get.hasHeader("Access-Control-Allow-Origin")).isFalse();
  }

  @Test
  void s6_ids_in_paths_are_validated() {
    assertThat(api.get("/api/images/abc").statusCode()).isEqualTo(400);
    assertThat(api.get("/api/images/-1").statusCode()).isEqualTo(400);
    assertThat(api.get("/api/images/..%2F..%2Fetc%2Fpasswd").statusCode()).isEqualTo(400);
    assertThat(api.get("/api/images/1/thumbnail/300").statusCode()).isEqualTo(400);
    assertThat(api.get("/api/admin/jobs/0").statusCode()).isEqualTo(400);
  }

  @Test
  void s8_failed_authentication_is_rate_limited_per_client_address_not_forwarded_for() {
    ApiClient wrong = api.withToken("frame_wrong");
    for (int i = 0; i < fixture.settings.authFailuresPerMinute(); i++) {
      assertThat(wrong.get("/api/images").statusCode()).isEqualTo(401);
    }
    HttpResponse<byte[]> limited = wrong.send(wrong.request("/api/images")
        .header("X-Forwarded-For", "10.9.8.7").GET().build());
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  void s9_responses_say_nosniff_and_originals_carry_their_sniffed_type() {
    long id = json(api.upload("page.html.jpg", jpeg(photo(300, 200, 1)))).get("image").get("id").asLong();

    HttpResponse<byte[]> original = api.get("/api/images/" + id + "/original");

    assertThat(original.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    assertThat(original.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(api.get("/api/images").headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  @Test
  void s7_server_binds_to_loopback_unless_lan_is_asked_for() {
    assertThat(ServerSettings.defaults(0, false, dataDir).bindHost()).isEqualTo("127.0.0.1");
    assertThat(ServerSettings.defaults(0, true, dataDir).bindHost()).isEqualTo("0.0.0.0");
    assertThat(fixture.server.urls()).containsExactly("http://127.0.0.1:" + fixture.server.port());
  }

  private static Map<String, String> with(Map<String, String> base, String key, String value) {
    Map<String, String> all = new java.util.LinkedHashMap<>(base);
    all.put(key, value);
    return all;
  }

  /** Every database file's bytes as text, to look for secrets that must not be stored. */
  static String databaseText(Path dataDir) throws java.io.IOException {
    try (Stream<Path> files = Files.list(dataDir.resolve("db"))) {
      return files.filter(Files::isRegularFile).map(ApiSecurityTest::read).reduce("", String::concat);
    }
  }

  private static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
