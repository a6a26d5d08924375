package frame.core.api.culling;

/**
 * How a set of files goes in: the shoot it makes (a name and a source; photos of one name and
 * source within a few hours join one shoot) and whether photos deleted for good before come back.
 */
public record ImportBatch(String shootName, ShootSource source, boolean includeDeleted) {
  public ImportBatch {
    shootName = shootName == null || shootName.isBlank() ? null : shootName.strip();
    if (shootName != null && source == null) throw new IllegalArgumentException("a shoot needs a source");
  }

  /** No shoot, tombstones respected: a single photo dropped, a test. */
  public static final ImportBatch LOOSE = new ImportBatch(null, null, false);

  public static ImportBatch shoot(String name, ShootSource source) {
    return new ImportBatch(name, source, false);
  }

  /**
   * The shoot of an import of these paths: one folder gives its name (a card's DCIM folder gives
   * the card's volume name, as its mount point is named), loose files their folder's.
   */
  public static ImportBatch forSources(java.util.List<java.nio.file.Path> sources) {
    if (sources.size() == 1 && java.nio.file.Files.isDirectory(sources.getFirst())) {
      java.nio.file.Path folder = sources.getFirst().toAbsolutePath().normalize();
      if (folder.getFileName() != null && folder.getFileName().toString().equalsIgnoreCase("DCIM") && folder.getParent() != null) {
        folder = folder.getParent();
      }
      return shoot(folder.getFileName() == null ? folder.toString() : folder.getFileName().toString(), ShootSource.FOLDER);
    }
    java.nio.file.Path parent = sources.isEmpty() ? null : sources.getFirst().toAbsolutePath().normalize().getParent();
    return shoot(parent == null || parent.getFileName() == null ? "Imported files" : parent.getFileName().toString(),
        ShootSource.FILES);
  }

  public ImportBatch includingDeleted(boolean include) {
    return new ImportBatch(shootName, source, include);
  }
}
