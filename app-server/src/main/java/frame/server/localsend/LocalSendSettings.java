package frame.server.localsend;

import java.time.Duration;

/**
 * The LocalSend receiver's settings: its port (53317, LocalSend's default), the PIN a sender must
 * give (null: the photographer accepts each session in the window instead), the name FRAME shows
 * in senders' device lists, how long a sender waits for an answer before it is refused, and how long
 * FRAME waits for the next chunk of a file sent in chunks before it drops the file.
 */
public record LocalSendSettings(int port, String pin, String alias, Duration answerTimeout, boolean multicast,
    Duration chunkPatience) {
  public static final int DEFAULT_PORT = 53317;

  public LocalSendSettings {
    if (pin != null && pin.isBlank()) throw new IllegalArgumentException("A LocalSend PIN cannot be blank");
  }

  public static LocalSendSettings of(int port, String pin) {
    return new LocalSendSettings(port, pin, "FRAME", Duration.ofSeconds(60), true, Duration.ofSeconds(60));
  }

  public LocalSendSettings withAnswerTimeout(Duration timeout) {
    return new LocalSendSettings(port, pin, alias, timeout, multicast, chunkPatience);
  }

  public LocalSendSettings withoutMulticast() {
    return withMulticast(false);
  }

  public LocalSendSettings withMulticast(boolean on) {
    return new LocalSendSettings(port, pin, alias, answerTimeout, on, chunkPatience);
  }

  public LocalSendSettings withChunkPatience(Duration patience) {
    return new LocalSendSettings(port, pin, alias, answerTimeout, multicast, patience);
  }
}
