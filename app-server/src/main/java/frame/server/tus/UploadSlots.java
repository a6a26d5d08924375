package frame.server.tus;

import frame.core.auth.Caller;

/** The server's upload slots, shared with {@code POST /api/upload}: a PATCH holds one while its body streams. */
public interface UploadSlots {
  boolean tryAcquire(Caller caller);

  void release(Caller caller);
}
