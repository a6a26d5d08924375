package frame.ui.library;

import frame.core.api.Culling;
import frame.core.api.culling.Shoot;
import frame.ui.common.Background;
import frame.ui.common.Notice;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The shoots the library is browsed by (each import is one) and the one chosen, which the grid
 * then shows alone. The list is read off the FX thread; calls arriving meanwhile coalesce.
 */
public final class ShootsModel {
  /** The first choice: the whole library. */
  public static final Shoot ALL = new Shoot(0, "All shoots", null, null, null, null, 0, 0, 0);

  private final Culling culling;
  private final Background background;
  private final Notice notice;
  private final ObservableList<Shoot> shoots = FXCollections.observableArrayList(ALL);
  private final ObjectProperty<Shoot> chosen = new SimpleObjectProperty<>(ALL);
  private boolean refreshing;
  private boolean refreshAgain;

  ShootsModel(Culling culling, Background background, Notice notice, ObjectProperty<Long> libraryShoot) {
    this.culling = culling;
    this.background = background;
    this.notice = notice;
    // null only for a moment, while a refresh replaces the list under the choice
    chosen.addListener((o, a, b) -> {
      if (b != null) libraryShoot.set(b.id() == ALL.id() ? null : b.id());
    });
  }

  /** "All shoots" first, then every shoot newest first. */
  public ObservableList<Shoot> shoots() {
    return shoots;
  }

  public ObjectProperty<Shoot> chosen() {
    return chosen;
  }

  /** Reads the shoots again (counts move as photos arrive and are marked); the chosen one stays chosen. */
  public void refresh() {
    if (refreshing) {
      refreshAgain = true;
      return;
    }
    refreshing = true;
    background.run(culling::shoots, list -> {
      refreshing = false;
      List<Shoot> all = new ArrayList<>(List.of(ALL));
      all.addAll(list);
      long id = chosen.get() == null ? ALL.id() : chosen.get().id();
      if (!shoots.equals(all)) shoots.setAll(all); // most refreshes change nothing: the open list stays put
      // the same shoot with its new counts, or the whole library when it is gone
      chosen.set(all.stream().filter(s -> s.id() == id).findFirst().orElse(ALL));
      notice.recovered(LIST);
      if (refreshAgain) {
        refreshAgain = false;
        refresh();
      }
    }, failure -> {
      refreshing = false;
      notice.failed(LIST, failure);
    });
  }

  /** Renames the chosen shoot; a refusal (a blank name) is said in words, then {@code refused} runs. */
  public void rename(String name, Runnable refused) {
    Shoot shoot = chosen.get();
    if (shoot == null || shoot.id() == ALL.id() || name.strip().equals(shoot.name())) return;
    String action = "rename the shoot \"" + shoot.name() + "\"";
    background.run(() -> culling.renameShoot(shoot.id(), name), renamed -> {
      notice.recovered(action);
      refresh();
    }, failure -> {
      notice.failed(action, failure);
      refused.run();
    });
  }

  private static final String LIST = "list the shoots";

  /** "2024-05-02 – 2024-05-03 · folder · 120 photos · 30 picks · 4 rejects". */
  public static String describe(Shoot shoot) {
    if (shoot == null || shoot.id() == ALL.id()) return "";
    String first = day(shoot.firstTaken());
    String last = day(shoot.lastTaken());
    String dates = first == null ? "no capture dates" : first.equals(last) || last == null ? first : first + " – " + last;
    String source = shoot.source() == null ? "" : " · " + shoot.source().name().toLowerCase(Locale.ROOT);
    return dates + source + " · " + shoot.photos() + (shoot.photos() == 1 ? " photo" : " photos")
        + " · " + shoot.picks() + (shoot.picks() == 1 ? " pick" : " picks")
        + " · " + shoot.rejects() + (shoot.rejects() == 1 ? " reject" : " rejects");
  }

  private static String day(String takenAt) {
    return takenAt == null || takenAt.length() < 10 ? takenAt : takenAt.substring(0, 10);
  }
}
