package frame.core.api.volumes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * macOS: every volume but the boot volume is mounted under {@code /Volumes}; the boot volume's
 * entry there is a link to {@code /}. So a folder under {@code /Volumes/<name>} that is not the
 * boot volume is on a card, a stick or an external disk. The roots are parameters for tests.
 */
public final class MacVolumes implements Volumes {
  private final Path volumes;
  private final Path bootRoot;

  public MacVolumes(Path volumes, Path bootRoot) {
    this.volumes = volumes;
    this.bootRoot = bootRoot;
  }

  @Override
  public Volume of(Path folder) throws IOException {
    Path real = folder.toRealPath();
    Path under = volumes.toRealPath();
    if (!real.startsWith(under) || real.getNameCount() <= under.getNameCount()) {
      return new Volume(bootRoot, false, "the boot volume");
    }
    Path volume = under.resolve(real.getName(under.getNameCount()));
    if (Files.isSameFile(volume, bootRoot)) return new Volume(volume, false, "the boot volume");
    return new Volume(volume, true, "a volume other than the boot volume");
  }
}
