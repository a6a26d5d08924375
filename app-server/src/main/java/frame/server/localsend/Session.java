package frame.server.localsend;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One accepted LocalSend session: the files FRAME gave a token for, which of them arrived, and
 * whether the sender cancelled (an upload still streaming then fails and stores nothing).
 */
final class Session {
  record Accepted(String token, String name, long size, String sha256) {}

  final String id;
  final String senderAlias;
  final Map<String, Accepted> files;
  private final Set<String> arrived = ConcurrentHashMap.newKeySet();
  private volatile boolean cancelled;

  Session(String id, String senderAlias, Map<String, Accepted> files) {
    this.id = id;
    this.senderAlias = senderAlias;
    this.files = Map.copyOf(files);
  }

  void cancel() {
    cancelled = true;
  }

  boolean cancelled() {
    return cancelled;
  }

  /** Records an arrival; true when it was the last file. */
  boolean arrived(String fileId) {
    arrived.add(fileId);
    return arrived.size() == files.size();
  }

  boolean hasArrived(String fileId) {
    return arrived.contains(fileId);
  }
}
