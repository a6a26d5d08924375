package frame.core.api.volumes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Linux: the mount holding the folder (the longest mount point in {@code /proc/self/mountinfo}),
 * then its block device in {@code /sys}: removable when the device or, for a partition, its disk
 * says {@code removable} 1 (card readers, most sticks), or when it hangs off a USB or MMC/SD bus
 * (USB disks often say 0); and any mount under {@code /media} or {@code /run/media}, where the
 * desktop mounts what is plugged in. The roots are parameters, so tests give it files shaped like
 * /proc and /sys.
 */
public final class LinuxVolumes implements Volumes {
  /** Where udisks and the desktop mount removable media. */
  private static final List<Path> DESKTOP_MOUNTS = List.of(Path.of("/media"), Path.of("/run/media"));

  private final Path proc;
  private final Path sys;

  public LinuxVolumes(Path proc, Path sys) {
    this.proc = proc;
    this.sys = sys;
  }

  @Override
  public Volume of(Path folder) throws IOException {
    Path real = folder.toRealPath();
    MountInfo mount = MountInfo.holding(MountInfo.read(proc.resolve("self").resolve("mountinfo")), real);
    if (mount == null) return new Volume(real.getRoot(), false, "no mount holds it");
    Path device = sys.resolve("dev").resolve("block").resolve(mount.device());
    if (Files.exists(device)) {
      Path node = device.toRealPath(); // .../devices/<bus path>/block/<disk>[/<partition>]
      Path disk = Files.exists(node.resolve("partition")) ? node.getParent() : node;
      if ("1".equals(read(disk.resolve("removable")))) {
        return new Volume(mount.mountPoint(), true, "removable disk " + disk.getFileName());
      }
      Path sysReal = sys.toRealPath();
      for (Path part : node.startsWith(sysReal) ? sysReal.relativize(node) : node) {
        String name = part.toString();
        if (name.startsWith("usb")) return new Volume(mount.mountPoint(), true, "USB");
        if (name.startsWith("mmc")) return new Volume(mount.mountPoint(), true, "SD/MMC card");
      }
    }
    for (Path desktop : DESKTOP_MOUNTS) {
      if (mount.mountPoint().startsWith(desktop) && !mount.mountPoint().equals(desktop)) {
        return new Volume(mount.mountPoint(), true, "mounted under " + desktop);
      }
    }
    return new Volume(mount.mountPoint(), false, "not removable (" + mount.source() + ")");
  }

  private static String read(Path file) throws IOException {
    return Files.isRegularFile(file) ? Files.readString(file).strip() : "";
  }
}
