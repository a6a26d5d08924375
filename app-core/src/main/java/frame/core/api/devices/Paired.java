package frame.core.api.devices;

/** A redeemed code: the new device's token (shown to that device only) and its name. */
public record Paired(String token, String deviceName, long tokenId) {}
