package frame.core.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * The events a logger receives while a test runs. Unlike Logback's {@code ListAppender}, whose
 * plain list breaks when a test reads it while server or job threads still log, this one is safe
 * to read at any time: {@link #events()} is a snapshot.
 */
public final class CapturedLogs extends AppenderBase<ILoggingEvent> implements AutoCloseable {
  private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();
  private final Logger logger;

  private CapturedLogs(Logger logger) {
    this.logger = logger;
    start();
    logger.addAppender(this);
  }

  /** Captures everything that reaches the root logger. */
  public static CapturedLogs root() {
    return new CapturedLogs((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME));
  }

  /** Captures what the given class logs. */
  public static CapturedLogs of(Class<?> source) {
    return new CapturedLogs((Logger) LoggerFactory.getLogger(source));
  }

  @Override
  protected void append(ILoggingEvent event) {
    events.add(event);
  }

  /** The events so far; later events do not change the returned list. */
  public List<ILoggingEvent> events() {
    return List.copyOf(events);
  }

  /** Stops capturing; the events already captured stay readable. */
  @Override
  public void close() {
    logger.detachAppender(this);
    stop();
  }
}
