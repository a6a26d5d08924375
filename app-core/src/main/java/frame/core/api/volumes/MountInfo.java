package frame.core.api.volumes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The mounts of {@code /proc/self/mountinfo} (proc(5)): each line's mount point (field 5, with
 * spaces and other bytes escaped as {@code \040}), its device ({@code major:minor}, field 3), and,
 * after the {@code -} separator, the file system's type and its source.
 */
record MountInfo(Path mountPoint, String device, String fsType, String source) {
  static List<MountInfo> read(Path mountinfo) throws IOException {
    List<MountInfo> mounts = new ArrayList<>();
    for (String line : Files.readAllLines(mountinfo)) {
      String[] fields = line.split(" ");
      int separator = List.of(fields).indexOf("-");
      if (fields.length < 5 || separator < 0 || separator + 2 >= fields.length) continue; // not a mount line
      mounts.add(new MountInfo(Path.of(unescape(fields[4])), fields[2], fields[separator + 1],
          unescape(fields[separator + 2])));
    }
    return mounts;
  }

  /** The mount {@code path} is on: the longest mount point it starts with, the last mounted of equals (it hides the others). */
  static MountInfo holding(List<MountInfo> mounts, Path path) {
    MountInfo best = null;
    for (MountInfo mount : mounts) {
      if (!path.startsWith(mount.mountPoint())) continue;
      if (best == null || mount.mountPoint().getNameCount() >= best.mountPoint().getNameCount()) best = mount;
    }
    return best;
  }

  /** The kernel writes space, tab, newline and backslash as three octal digits after a backslash. */
  static String unescape(String field) {
    StringBuilder out = new StringBuilder(field.length());
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\' && i + 3 < field.length() && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
        out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
