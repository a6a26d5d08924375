package frame.server.localsend;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One accepted LocalSend session: the files FRAME gave a token for, which of them arrived, and
 * whether the sender cancelled (an upload still streaming then fails and stores nothing), and the
 * files arriving in chunks.
 */
final class Session {
  record Accepted(String token, String name, long size, String sha256) {}

  final String id;
  final String senderAlias;
  final Map<String, Accepted> files;
  private final Set<String> arrived = ConcurrentHashMap.newKeySet();
  private final Set<String> receiving = ConcurrentHashMap.newKeySet();
  private final Map<String, ChunkedFile> chunked = new ConcurrentHashMap<>();
  private volatile boolean cancelled;
  private volatile long touchedAt = System.nanoTime();

  Session(String id, String senderAlias, Map<String, Accepted> files) {
    this.id = id;
    this.senderAlias = senderAlias;
    this.files = Map.copyOf(files);
  }

  /** A request for this session came: it is in use. */
  void touch() {
    touchedAt = System.nanoTime();
  }

  /** No request for this long: a sender that went away, whose tokens should not stay good. */
  boolean idleLongerThan(java.time.Duration life) {
    return System.nanoTime() - touchedAt > life.toNanos();
  }

  void cancel() {
    cancelled = true;
    chunked.values().forEach(file -> file.stop("The sender cancelled the session"));
  }

  /**
   * The chunked arrival of {@code fileId} under way; when there is none (or it failed), a new one
   * from {@code start} if this chunk begins the file, else null. It leaves the session once it ends.
   */
  ChunkedFile chunks(String fileId, boolean beginsTheFile, Supplier<ChunkedFile> start) {
    ChunkedFile file = chunked.compute(fileId, (id, going) -> going != null && !going.failed() ? going
        : beginsTheFile ? start.get() : null);
    if (file != null) file.whenDone(() -> chunked.remove(fileId, file));
    return file;
  }

  boolean arrivingInChunks(String fileId) {
    return chunked.containsKey(fileId);
  }

  boolean cancelled() {
    return cancelled;
  }

  /** Records an arrival; true when it was the last file. */
  boolean arrived(String fileId) {
    arrived.add(fileId);
    return arrived.size() == files.size();
  }

  /** Claims a file for one request sending it whole; false while another request is. */
  boolean startReceiving(String fileId) {
    return receiving.add(fileId);
  }

  void doneReceiving(String fileId) {
    receiving.remove(fileId);
  }

  boolean hasArrived(String fileId) {
    return arrived.contains(fileId);
  }
}
