package frame.core;

import frame.core.api.Devices;
import frame.core.api.devices.PairingCode;
import frame.core.api.devices.Paired;
import frame.core.api.devices.TokenInfo;
import frame.core.api.devices.Verification;
import frame.core.auth.ApiTokens;
import frame.core.auth.Pairings;
import java.util.List;

/** {@link Devices} over the token and pairing tables. */
final class DevicesPort implements Devices {
  private final ApiTokens tokens;
  private final Pairings pairings;

  DevicesPort(ApiTokens tokens, Pairings pairings) {
    this.tokens = tokens;
    this.pairings = pairings;
  }

  @Override
  public String createToken(String name) {
    return tokens.create(name);
  }

  @Override
  public List<TokenInfo> tokens() {
    return tokens.list();
  }

  @Override
  public boolean revoke(String name) {
    return tokens.revoke(name);
  }

  @Override
  public boolean revoke(long id) {
    return tokens.revoke(id);
  }

  @Override
  public boolean anyActiveToken() {
    return tokens.anyActive();
  }

  @Override
  public boolean isActive(long tokenId) {
    return tokens.isActive(tokenId);
  }

  @Override
  public Verification verify(String presented) {
    return tokens.verify(presented);
  }

  @Override
  public PairingCode createPairing() {
    return pairings.create();
  }

  @Override
  public Paired redeemPairing(String code, String deviceName) {
    return pairings.redeem(code, deviceName);
  }
}
