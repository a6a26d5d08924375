package frame.cli;

import frame.core.api.FrameLibrary;
import frame.core.api.archive.FileHash;
import frame.core.api.archive.FileHashes;
import frame.core.api.archive.SafeReport;
import frame.core.api.volumes.Volume;
import frame.core.api.volumes.Volumes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "safe", mixinStandardHelpOptions = true,
    description = "Is this card (or folder) safe to format? Hashes every file and says whether its exact bytes are"
        + " held in N verified places (the local original counts as one while it exists, each verified archive copy"
        + " as one), and whether DIR is on a removable volume (a card, a USB stick or disk). Exit 0 only when every"
        + " file is.")
final class SafeCommand implements Callable<Integer> {
  @ParentCommand FrameCommand frameCommand;
  @Spec CommandSpec spec;
  @Parameters(paramLabel = "DIR") Path dir;
  @Option(names = "--copies", paramLabel = "N", defaultValue = "2") int copies;

  @Override
  public Integer call() throws IOException {
    if (!Files.isDirectory(dir)) {
      spec.commandLine().getErr().println("frame: " + dir + " is not a folder");
      return 2;
    }
    List<FileHash> files = FileHashes.under(dir); // leaves out the camera's and the system's own dot files
    PrintWriter out = spec.commandLine().getOut();
    Volume volume = volumeOf(dir);
    out.println(volume.removable()
        ? dir + " is on a removable volume (" + volume.why() + ", mounted at " + volume.mountPoint() + ")."
        : dir + " is not on a removable volume (" + volume.why() + ", mounted at " + volume.mountPoint() + ").");
    try (FrameLibrary frame = frameCommand.access()) {
      SafeReport report = frame.ports().archive().safe(files, copies);
      for (SafeReport.SafeFile file : report.shortOf()) {
        out.printf("NOT SAFE  %s: %d of %d verified place(s)%s%n", file.name(), file.copies(), copies,
            !file.inLibrary() ? " (not in the library)"
                : file.places().isEmpty() ? " (in the library, but no good copy anywhere: keep this file)"
                : " (" + String.join(", ", file.places()) + ")");
      }
      if (report.safe()) {
        // "format" is said of a card, a stick, an external disk: not of a folder on this computer's own disk
        out.printf("All %d file(s) are in %d verified places%s%n", files.size(), copies,
            volume.removable() ? ": safe to format." : ".");
        return 0;
      }
      out.printf("%d of %d file(s) are not yet in %d verified places%s%n", report.shortOf().size(), files.size(), copies,
          volume.removable() ? ": do not format." : ".");
      return 1;
    }
  }

  /** Where the volume cannot be told (an odd mount table), it is taken as not removable: FRAME then never says "format". */
  private static Volume volumeOf(Path dir) {
    try {
      return Volumes.ofThisSystem().of(dir);
    } catch (IOException | RuntimeException e) {
      return new Volume(dir.toAbsolutePath().getRoot(), false, "cannot tell: " + e.getMessage());
    }
  }
}
