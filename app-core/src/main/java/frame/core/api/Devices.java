package frame.core.api;

import frame.core.api.devices.PairingCode;
import frame.core.api.devices.Paired;
import frame.core.api.devices.TokenInfo;
import frame.core.api.devices.Verification;
import java.time.Duration;
import java.util.List;

/** Who may use the API: admin tokens, paired devices and the pairing codes that make them. */
public interface Devices {
  /** How long a pairing code can be redeemed. */
  Duration PAIRING_LIFETIME = Duration.ofMinutes(10);

  /** A new admin token, shown only this once (only its hash is kept). */
  String createToken(String name);

  /** Active admin tokens and paired devices, never the tokens themselves. */
  List<TokenInfo> tokens();

  /** Revokes the active admin token or device of this name; false when there is none. */
  boolean revoke(String name);

  /** Revokes the token or device with this id; false when there is none active. */
  boolean revoke(long id);

  boolean anyActiveToken();

  boolean isActive(long tokenId);

  /** Who presents this token: an admin, a device, a revoked device, or nobody. */
  Verification verify(String presented);

  /** A single-use pairing code (a link and six digits) that expires after {@link #PAIRING_LIFETIME}. */
  PairingCode createPairing();

  /** Trades a pairing code for a device token named for the device; refused when used or expired. */
  Paired redeemPairing(String code, String deviceName);
}
