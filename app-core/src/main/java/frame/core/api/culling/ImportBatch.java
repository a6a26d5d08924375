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

  public ImportBatch includingDeleted(boolean include) {
    return new ImportBatch(shootName, source, include);
  }
}
