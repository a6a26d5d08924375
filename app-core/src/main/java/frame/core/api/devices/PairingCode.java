package frame.core.api.devices;

import java.time.Instant;

/** A code to show: {@code link} goes into the QR code's URL, {@code digits} is typed by hand. */
public record PairingCode(String link, String digits, Instant expiresAt) {}
