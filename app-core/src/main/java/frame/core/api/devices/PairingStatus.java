package frame.core.api.devices;

/** Where a pairing code shown to the owner stands: the window replaces a closed one and says why. */
public enum PairingStatus { OPEN, USED, EXPIRED, CLOSED_AFTER_WRONG_GUESSES, UNKNOWN }
