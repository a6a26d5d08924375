package frame.core.api.devices;

/**
 * The outcome of checking a presented token. A revoked one is told apart from a wrong one so a
 * revoked device's page can say it is no longer paired (only its holder can learn that).
 */
public sealed interface Verification {
  record Valid(Caller caller) implements Verification {}

  record Revoked(String name, TokenKind kind) implements Verification {}

  record Unknown() implements Verification {}
}
