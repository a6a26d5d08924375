package frame.ui.library;

import java.nio.file.Path;
import java.time.Instant;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One tile of the library: a file on its way in, or an image already stored. */
public final class TileModel {
  private final SimpleStringProperty name;
  private final ObjectProperty<TileStep> step = new SimpleObjectProperty<>(TileStep.UPLOADING);
  private final StringProperty message = new SimpleStringProperty("");
  private final LongProperty imageId = new SimpleLongProperty(0);
  private final LongProperty duplicateOf = new SimpleLongProperty(0);
  private final ObjectProperty<Path> thumbnail = new SimpleObjectProperty<>();
  private final StringProperty takenAt = new SimpleStringProperty();
  private final Instant added;

  public TileModel(String name, Instant added) {
    this.name = new SimpleStringProperty(name);
    this.added = added;
  }

  public ReadOnlyStringProperty name() {
    return name;
  }

  public ObjectProperty<TileStep> step() {
    return step;
  }

  /** Plain words for a person: why it failed, which image it duplicates. */
  public StringProperty message() {
    return message;
  }

  public LongProperty imageId() {
    return imageId;
  }

  public LongProperty duplicateOf() {
    return duplicateOf;
  }

  public ObjectProperty<Path> thumbnail() {
    return thumbnail;
  }

  public StringProperty takenAt() {
    return takenAt;
  }

  public Instant added() {
    return added;
  }
}
