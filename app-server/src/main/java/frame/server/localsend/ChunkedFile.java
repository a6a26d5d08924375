package frame.server.localsend;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file that arrives in chunks ({@link ContentRange}), each its own request: one ingest reads one
 * stream made of the chunks' bodies in order, so the file streams into ingest as a whole upload
 * does, never held in memory or on disk twice. A chunk answers once its bytes are read; the last
 * answers with the ingest's outcome. A gap or an overlap, a chunk shorter or longer than its range,
 * the sender's cancel, or no next chunk within the patience fails the ingest, which then keeps
 * nothing; the file may be sent again from byte 0.
 */
final class ChunkedFile {
  private static final Logger log = LoggerFactory.getLogger(ChunkedFile.class);
  private static final Chunk STOP = new Chunk(InputStream.nullInputStream(), 0);

  private final long size;
  private final Duration patience;
  private final BooleanSupplier cancelled;
  private final BlockingQueue<Chunk> chunks = new LinkedBlockingQueue<>();
  private final CompletableFuture<Answer> outcome = new CompletableFuture<>();
  private long next; // guarded by this: the byte the next chunk must start at
  private boolean feeding; // guarded by this: a chunk's request is being read
  private volatile String stopped; // why the ingest must end, once it must

  ChunkedFile(long size, Duration patience, BooleanSupplier cancelled) {
    this.size = size;
    this.patience = patience;
    this.cancelled = cancelled;
  }

  /** Starts {@code ingest} on the chunks' stream, on a thread of its own: the requests only feed it. */
  ChunkedFile start(Function<InputStream, Answer> ingest) {
    Thread.ofVirtual().name("localsend-chunked-ingest").start(() -> {
      try {
        outcome.complete(ingest.apply(new Stream()));
      } catch (RuntimeException e) {
        log.warn("LocalSend chunked ingest failed", e);
        outcome.complete(Answer.refused(500, "FRAME could not take this: " + e.getMessage()));
      }
    });
    return this;
  }

  /** Runs {@code action} once the ingest has ended, stored or not. */
  void whenDone(Runnable action) {
    outcome.whenComplete((answer, failure) -> action.run());
  }

  /** Feeds one chunk's body to the ingest; answers when it is read (the last: when the file is stored). */
  Answer feed(ContentRange range, InputStream body) throws InterruptedException {
    synchronized (this) {
      if (feeding) return Answer.refused(409, "Another chunk of this file is still arriving; send chunks one at a time");
      if (range.start() != next) {
        String message = "Chunk " + range + " leaves " + (range.start() > next ? "a gap" : "an overlap")
            + ": the next chunk must start at byte " + next + ". The file is dropped; send it again from its start";
        stop(message);
        return Answer.refused(409, message);
      }
      feeding = true;
    }
    Chunk chunk = new Chunk(body, range.length());
    chunks.add(chunk);
    try {
      CompletableFuture.anyOf(chunk.read, outcome).get();
    } catch (ExecutionException e) {
      // the chunk failed: the ingest ends with the reason, answered below
    } finally {
      synchronized (this) {
        feeding = false;
        if (chunk.read.isDone() && !chunk.read.isCompletedExceptionally()) next = range.end() + 1;
      }
    }
    if (!range.last() && !outcome.isDone()) return Answer.OK;
    try {
      return outcome.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Whether the ingest failed or was told to stop: it keeps nothing, and takes no more chunks. */
  boolean failed() {
    return stopped != null;
  }

  /** Ends the ingest with {@code why}: nothing of the file is kept. */
  void stop(String why) {
    stopped = why;
    chunks.add(STOP);
  }

  private static final class Chunk {
    final InputStream body;
    final CompletableFuture<Void> read = new CompletableFuture<>();
    long remaining;

    Chunk(InputStream body, long length) {
      this.body = body;
      this.remaining = length;
    }
  }

  /** The file's bytes, chunk after chunk, exactly {@code size} of them. */
  private final class Stream extends InputStream {
    private Chunk current;
    private long position;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (position == size) return -1;
      try {
        if (current == null) current = nextChunk();
        checkGoing();
        int n = current.body.read(buffer, offset, (int) Math.min(length, current.remaining));
        checkGoing();
        if (n == -1) throw new IOException("A chunk ended " + current.remaining + " bytes before the end of its range");
        current.remaining -= n;
        position += n;
        if (current.remaining == 0) {
          if (current.body.read() != -1) throw new IOException("A chunk is longer than its range");
          current.read.complete(null);
          current = null;
        }
        return n;
      } catch (IOException e) {
        if (stopped == null) stopped = e.getMessage();
        if (current != null) current.read.completeExceptionally(e);
        throw e;
      }
    }

    private Chunk nextChunk() throws IOException {
      Chunk chunk;
      try {
        chunk = chunks.poll(patience.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("Interrupted while waiting for the next chunk", e);
      }
      if (chunk == null) {
        throw new IOException("No next chunk came within " + patience.toSeconds() + " s, after " + position + " of "
            + size + " bytes");
      }
      if (chunk == STOP) throw new IOException(stopped);
      return chunk;
    }

    private void checkGoing() throws IOException {
      if (cancelled.getAsBoolean()) throw new IOException("The sender cancelled the session");
      if (stopped != null) throw new IOException(stopped);
    }
  }
}
