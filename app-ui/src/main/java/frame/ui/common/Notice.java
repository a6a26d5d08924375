package frame.ui.common;

import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a pane tells the person when something they did failed: one plain sentence in a label they
 * look at, the details in the log once (a failure repeated by a timer is not logged again while its
 * sentence is still shown). The next success of the same pane clears it.
 */
public final class Notice {
  private static final Logger log = LoggerFactory.getLogger(Notice.class);

  private final StringProperty text;
  private String failedAction;

  public Notice() {
    this(new SimpleStringProperty(""));
  }

  /** Shows its sentences in a property the pane already shows (a message line). */
  public Notice(StringProperty text) {
    this.text = text;
  }

  /** The sentence on screen; empty when all is well. */
  public StringProperty text() {
    return text;
  }

  /** {@code action} failed: says so in plain words ("Could not {@code action}: ...") and logs the details. */
  public void failed(String action, Throwable failure) {
    String sentence = FailureMessages.of(action, failure);
    if (!sentence.equals(text.get())) log.warn("Could not {}", action, failure);
    text.set(sentence);
    failedAction = action;
  }

  /** {@code action} worked this time: its earlier failure leaves the screen, another's stays. */
  public void recovered(String action) {
    if (action.equals(failedAction)) clear();
  }

  /** A failure handler for {@link Background#run}: {@code failure -> failed(action, failure)}. */
  public Consumer<Throwable> onFailure(String action) {
    return failure -> failed(action, failure);
  }

  /** An outcome that is not an exception but still not what the person asked for. */
  public void say(String sentence) {
    text.set(sentence);
    failedAction = null;
  }

  public void clear() {
    text.set("");
    failedAction = null;
  }
}
