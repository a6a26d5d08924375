package frame.core.api.archive;

import java.util.List;

/** Whether each file's exact bytes are held in enough verified places. */
public record SafeReport(int copiesWanted, List<SafeFile> files) {
  /**
   * One file: in how many verified places its bytes are, and which; {@code inLibrary} tells a
   * file FRAME never took from a photo in the library whose every copy is lost (both have 0).
   */
  public record SafeFile(String name, String sha256, int copies, List<String> places, boolean inLibrary) {}

  public List<SafeFile> shortOf() {
    return files.stream().filter(f -> f.copies() < copiesWanted).toList();
  }

  public boolean safe() {
    return shortOf().isEmpty();
  }
}
