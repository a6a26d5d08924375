package frame.cli.remote;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import frame.core.api.Devices;
import frame.core.api.devices.PairingCode;
import frame.core.api.devices.Paired;
import frame.core.api.devices.TokenInfo;
import frame.core.api.devices.Verification;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@link Devices} over {@code /api/admin/tokens} and {@code /api/admin/pairing}. */
final class HttpDevices implements Devices {
  private final LoopbackClient api;
  private volatile List<String> pairingUrls = List.of();

  HttpDevices(LoopbackClient api) {
    this.api = api;
  }

  @Override
  public String createToken(String name) {
    HttpResponse<byte[]> response = api.send(api.request("/api/admin/tokens").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(LoopbackClient.JSON.createObjectNode().put("name", name).toString()))
        .build());
    return LoopbackClient.checked(response).get("token").asText();
  }

  @Override
  public List<TokenInfo> tokens() {
    return api.get("/api/admin/tokens", new TypeReference<>() {});
  }

  @Override
  public boolean revoke(String name) {
    HttpResponse<byte[]> response = api.send(api.request("/api/admin/tokens" + LoopbackClient.params("name", name))
        .DELETE().build());
    if (response.statusCode() == 404
        && "token_not_found".equals(LoopbackClient.tree(response).path("error").path("code").asText())) {
      return false;
    }
    LoopbackClient.checked(response);
    return true;
  }

  @Override
  public PairingCode createPairing() {
    JsonNode made = LoopbackClient.checked(api.send(api.request("/api/admin/pairing")
        .POST(HttpRequest.BodyPublishers.noBody()).build()));
    String link = made.get("link").asText();
    List<String> urls = new ArrayList<>();
    made.get("links").forEach(l -> urls.add(l.asText().substring(0, l.asText().indexOf("/#pair="))));
    pairingUrls = List.copyOf(urls);
    return new PairingCode(link.substring(link.indexOf("#pair=") + 6), made.get("digits").asText(),
        Instant.parse(made.get("expiresAt").asText()));
  }

  /** The addresses the running server put in the last pairing code's links. */
  List<String> pairingUrls() {
    return pairingUrls;
  }

  @Override
  public boolean revoke(long id) {
    throw LoopbackClient.notOverTheApi("Revoking a device by id");
  }

  @Override
  public boolean anyActiveToken() {
    throw LoopbackClient.notOverTheApi("Whether any token is active");
  }

  @Override
  public boolean isActive(long tokenId) {
    throw LoopbackClient.notOverTheApi("Whether a token is active");
  }

  @Override
  public Verification verify(String presented) {
    throw LoopbackClient.notOverTheApi("Verifying a token");
  }

  @Override
  public Paired redeemPairing(String code, String deviceName) {
    throw LoopbackClient.notOverTheApi("Redeeming a pairing code (a phone does that at /api/pair)");
  }
}
