package frame.core.job;

/**
 * Taking photos in goes before processing them. While any photo is being received (an upload
 * streaming in, an import copying a file), at most a quarter of the workers (at least one) start
 * new jobs; jobs already running finish. A phone's upload is then acknowledged at the speed of the
 * network and the disk instead of sharing the processors with the thumbnails of the photos before
 * it, and processing takes the whole machine again the moment the last photo is in. One job
 * keeps running throughout, so a dropped photo's thumbnail still comes at once.
 */
public final class WorkerShare {
  private final int whileReceiving;
  private final int workers;
  private int receiving;
  private int running;
  private boolean closed;

  public WorkerShare(int workers) {
    this.workers = workers;
    this.whileReceiving = Math.max(1, workers / 4);
  }

  /** Marks a photo as being received until the handle is closed. */
  public Receiving receiving() {
    synchronized (this) {
      receiving++;
    }
    return new Receiving();
  }

  /** A photo being received; closing it (once) lets waiting workers start. */
  public final class Receiving implements AutoCloseable {
    private boolean done;

    private Receiving() {}

    @Override
    public void close() {
      synchronized (WorkerShare.this) {
        if (done) return;
        done = true;
        receiving--;
        WorkerShare.this.notifyAll();
      }
    }
  }

  /** Waits until this worker may start a job. */
  synchronized void enter() throws InterruptedException {
    while (!closed && running >= allowed()) wait();
    running++;
  }

  synchronized void leave() {
    running--;
    notifyAll();
  }

  /** The runner stops: nobody waits any more. */
  synchronized void close() {
    closed = true;
    notifyAll();
  }

  private int allowed() {
    return receiving > 0 ? whileReceiving : workers;
  }
}
