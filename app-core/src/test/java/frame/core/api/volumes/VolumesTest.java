package frame.core.api.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Is the imported folder on a card? Linux's answer read from files shaped as /proc/self/mountinfo
 * and /sys are shaped (real files and links in a temp folder), macOS's from a /Volumes folder, and
 * this machine's own answer for a folder on its own disk.
 */
class VolumesTest {
  @TempDir Path temp;

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC}) // the fixture's /sys is made of symbolic links
  void linux_tells_cards_usb_and_sd_from_the_computers_own_disk() throws Exception {
    Path mnt = Files.createDirectories(temp.resolve("mnt")).toRealPath();
    Path card = Files.createDirectories(mnt.resolve("EOS_DIGITAL").resolve("DCIM"));
    Path usbDisk = Files.createDirectories(mnt.resolve("usb-disk").resolve("2024"));
    Path sd = Files.createDirectories(mnt.resolve("SD CARD").resolve("DCIM"));
    Path own = Files.createDirectories(temp.resolve("home").resolve("ana").resolve("Pictures"));
    Path proc = Files.createDirectories(temp.resolve("proc").resolve("self")).getParent();
    Files.write(proc.resolve("self").resolve("mountinfo"), List.of(
        "22 1 252:1 / / rw,relatime shared:1 - ext4 /dev/vda1 rw",
        "40 22 8:33 / " + mnt.resolve("EOS_DIGITAL") + " rw,nosuid,nodev shared:30 - exfat /dev/sdc1 rw,uid=1000",
        "41 22 8:17 / " + mnt.resolve("usb-disk") + " rw,relatime shared:31 - ext4 /dev/sdb1 rw",
        "42 22 179:1 / " + mnt + "/SD\\040CARD rw shared:32 master:4 - vfat /dev/mmcblk0p1 rw"));
    Path sys = temp.resolve("sys");
    disk(sys, "252:1", "devices/pci0000:00/0000:00:03.0/virtio0/block/vda", "vda1", "0");
    disk(sys, "8:33", "devices/pci0000:00/0000:00:1c.0/0000:02:00.0/host2/target2:0:0/2:0:0:0/block/sdc", "sdc1", "1");
    disk(sys, "8:17", "devices/pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0/host6/target6:0:0/6:0:0:0/block/sdb", "sdb1", "0");
    disk(sys, "179:1", "devices/platform/soc/fe340000.mmc/mmc_host/mmc0/mmc0:aaaa/block/mmcblk0", "mmcblk0p1", "0");
    LinuxVolumes volumes = new LinuxVolumes(proc, sys);

    assertThat(volumes.of(card)).isEqualTo(new Volume(mnt.resolve("EOS_DIGITAL"), true, "removable disk sdc"));
    assertThat(volumes.of(usbDisk)).isEqualTo(new Volume(mnt.resolve("usb-disk"), true, "USB"));
    assertThat(volumes.of(sd)).isEqualTo(new Volume(mnt.resolve("SD CARD"), true, "SD/MMC card"));
    assertThat(volumes.of(own)).isEqualTo(new Volume(Path.of("/"), false, "not removable (/dev/vda1)"));
    // the mount point itself is on the card too
    assertThat(volumes.of(mnt.resolve("EOS_DIGITAL")).removable()).isTrue();
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void macos_takes_every_volume_but_the_boot_volume_as_removable() throws Exception {
    Path root = Files.createDirectories(temp.resolve("root")).toRealPath();
    Path pictures = Files.createDirectories(root.resolve("Users").resolve("ana").resolve("Pictures"));
    Path volumesDir = Files.createDirectories(temp.resolve("Volumes")).toRealPath();
    Files.createSymbolicLink(volumesDir.resolve("Macintosh HD"), root);
    Path card = Files.createDirectories(volumesDir.resolve("EOS_DIGITAL").resolve("DCIM").resolve("100CANON"));
    MacVolumes volumes = new MacVolumes(volumesDir, root);

    assertThat(volumes.of(card)).isEqualTo(new Volume(volumesDir.resolve("EOS_DIGITAL"), true,
        "a volume other than the boot volume"));
    assertThat(volumes.of(volumesDir.resolve("Macintosh HD").resolve("Users")).removable()).isFalse();
    assertThat(volumes.of(pictures).removable()).isFalse();
  }

  @Test
  void the_data_folders_own_disk_on_this_machine_is_not_removable() throws IOException {
    Volume volume = Volumes.ofThisSystem().of(temp);

    assertThat(volume.removable()).as(volume.toString()).isFalse();
    assertThat(temp.toRealPath().startsWith(volume.mountPoint())).isTrue();
  }

  /** A disk's /sys directory with its removable flag and one partition, and /sys/dev/block's link to the partition. */
  private static void disk(Path sys, String majorMinor, String diskPath, String partition, String removable)
      throws IOException {
    Path disk = Files.createDirectories(sys.resolve(diskPath));
    Files.writeString(disk.resolve("removable"), removable + "\n");
    Path part = Files.createDirectories(disk.resolve(partition));
    Files.writeString(part.resolve("partition"), "1\n");
    Path link = Files.createDirectories(sys.resolve("dev").resolve("block")).resolve(majorMinor);
    Files.createSymbolicLink(link, link.getParent().relativize(part));
  }
}
