package frame.core.api.volumes;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** Which volume a folder is on, and whether it is removable: a card is, the computer's own disk is not. */
public interface Volumes {
  /** The volume {@code folder} (which exists) is on. */
  Volume of(Path folder) throws IOException;

  /** This computer's way of telling: /proc and /sys on Linux, /Volumes on macOS, the drive type on Windows. */
  static Volumes ofThisSystem() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.contains("linux")) return new LinuxVolumes(Path.of("/proc"), Path.of("/sys"));
    if (os.contains("mac")) return new MacVolumes(Path.of("/Volumes"), Path.of("/"));
    if (os.contains("windows")) return new WindowsVolumes();
    return folder -> new Volume(folder.getRoot(), false, "unknown system: taken as not removable");
  }
}
