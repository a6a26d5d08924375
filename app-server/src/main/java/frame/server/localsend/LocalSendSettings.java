package frame.server.localsend;

import frame.server.ServerSettings;
import java.time.Duration;

/**
 * The LocalSend receiver's settings: its port (53317, LocalSend's default), the PIN a sender must
 * give (null: the photographer accepts each session in the window instead), the name FRAME shows
 * in senders' device lists, how long a sender waits for an answer before it is refused, how long
 * FRAME waits for the next chunk of a file sent in chunks before it drops the file, the largest
 * file it takes (the REST uploads' limit), and how long a session nobody sends to keeps its tokens.
 */
public record LocalSendSettings(int port, String pin, String alias, Duration answerTimeout, boolean multicast,
    Duration chunkPatience, long maxFileBytes, Duration sessionLife) {
  public static final int DEFAULT_PORT = 53317;

  public LocalSendSettings {
    if (pin != null && pin.isBlank()) throw new IllegalArgumentException("A LocalSend PIN cannot be blank");
  }

  public static LocalSendSettings of(int port, String pin) {
    return new LocalSendSettings(port, pin, "FRAME", Duration.ofSeconds(60), true, Duration.ofSeconds(60),
        ServerSettings.DEFAULT_MAX_FILE_BYTES, Duration.ofHours(1));
  }

  public LocalSendSettings withAnswerTimeout(Duration timeout) {
    return new LocalSendSettings(port, pin, alias, timeout, multicast, chunkPatience, maxFileBytes, sessionLife);
  }

  public LocalSendSettings withoutMulticast() {
    return withMulticast(false);
  }

  public LocalSendSettings withMulticast(boolean on) {
    return new LocalSendSettings(port, pin, alias, answerTimeout, on, chunkPatience, maxFileBytes, sessionLife);
  }

  public LocalSendSettings withMaxFileBytes(long bytes) {
    return new LocalSendSettings(port, pin, alias, answerTimeout, multicast, chunkPatience, bytes, sessionLife);
  }

  public LocalSendSettings withSessionLife(Duration life) {
    return new LocalSendSettings(port, pin, alias, answerTimeout, multicast, chunkPatience, maxFileBytes, life);
  }

  public LocalSendSettings withChunkPatience(Duration patience) {
    return new LocalSendSettings(port, pin, alias, answerTimeout, multicast, patience, maxFileBytes, sessionLife);
  }
}
