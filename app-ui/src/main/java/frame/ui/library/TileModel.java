package frame.ui.library;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One tile of the library: an image in the library, or a file this session could not import. */
public final class TileModel {
  private final SimpleStringProperty name;
  private final ObjectProperty<TileStep> step = new SimpleObjectProperty<>(TileStep.UPLOADING);
  private final StringProperty message = new SimpleStringProperty("");
  private final LongProperty imageId = new SimpleLongProperty(0);
  private final LongProperty duplicateOf = new SimpleLongProperty(0);
  // thumbnail size -> file, only the renditions made so far
  private final ObjectProperty<Map<Integer, Path>> renditions = new SimpleObjectProperty<>(Map.of());
  private final StringProperty takenAt = new SimpleStringProperty();
  private final javafx.beans.property.ObjectProperty<frame.core.api.culling.ImageMarks> marks =
      new SimpleObjectProperty<>();
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

  public ObjectProperty<Map<Integer, Path>> renditions() {
    return renditions;
  }

  /**
   * The sharpest rendition for a picture {@code pixels} wide: the smallest at least that big, else
   * the largest there is. Null before any is made.
   */
  public Path bestFor(double pixels) {
    TreeMap<Integer, Path> bySize = new TreeMap<>(renditions.get());
    if (bySize.isEmpty()) return null;
    Map.Entry<Integer, Path> fits = bySize.ceilingEntry((int) Math.ceil(pixels));
    return (fits != null ? fits : bySize.lastEntry()).getValue();
  }

  /** Stars, flag, label, stack and sharpness; null until read. */
  public javafx.beans.property.ObjectProperty<frame.core.api.culling.ImageMarks> marks() {
    return marks;
  }

  public StringProperty takenAt() {
    return takenAt;
  }

  public Instant added() {
    return added;
  }
}
