package frame.core.testing;

import frame.core.api.volumes.LinuxVolumes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Files shaped like Linux's {@code /proc/self/mountinfo} and {@code /sys} in a folder of their own
 * (real files and symbolic links, as the kernel shows them), for {@link LinuxVolumes}: the root on a
 * fixed virtio disk, and whatever mounts a test adds.
 */
public final class MountFixture {
  private final Path proc;
  private final Path sys;
  private final List<String> mountinfo = new ArrayList<>();
  private int nextId = 40;

  public MountFixture(Path dir) throws IOException {
    this.proc = Files.createDirectories(dir.resolve("proc").resolve("self")).getParent();
    this.sys = dir.resolve("sys");
    mountinfo.add("22 1 252:1 / / rw,relatime shared:1 - ext4 /dev/vda1 rw");
    disk("252:1", "devices/pci0000:00/0000:00:03.0/virtio0/block/vda", "vda1", "0");
    write();
  }

  /** A card in a USB reader (the reader says removable 0, as many do) mounted at {@code mountPoint}. */
  public MountFixture usbCard(Path mountPoint) throws IOException {
    int id = nextId++;
    String device = "8:" + (16 * (id - 39) + 1);
    String name = "sd" + (char) ('a' + id - 39);
    disk(device, "devices/pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0/host6/target6:0:0/6:0:0:0/block/" + name,
        name + "1", "0");
    mountinfo.add(id + " 22 " + device + " / " + mountPoint.toRealPath().toString().replace(" ", "\\040")
        + " rw,nosuid,nodev shared:30 - exfat /dev/" + name + "1 rw");
    write();
    return this;
  }

  public LinuxVolumes volumes() {
    return new LinuxVolumes(proc, sys);
  }

  private void disk(String majorMinor, String diskPath, String partition, String removable) throws IOException {
    Path disk = Files.createDirectories(sys.resolve(diskPath));
    Files.writeString(disk.resolve("removable"), removable + "\n");
    Path part = Files.createDirectories(disk.resolve(partition));
    Files.writeString(part.resolve("partition"), "1\n");
    Path link = Files.createDirectories(sys.resolve("dev").resolve("block")).resolve(majorMinor);
    Files.createSymbolicLink(link, link.getParent().relativize(part));
  }

  private void write() throws IOException {
    Files.write(proc.resolve("self").resolve("mountinfo"), mountinfo);
  }
}
