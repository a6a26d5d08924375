package frame.core;

import frame.core.api.Catalogue;
import frame.core.api.catalogue.BackupTaken;
import frame.core.backup.CatalogueBackup;
import frame.core.image.ImageRepository;
import frame.core.ingest.Ingestor;
import frame.core.ingest.OrphanAdoption;
import frame.core.store.FileStore;
import frame.core.api.archive.NewArchiveTarget;
import frame.core.api.catalogue.Recovered;
import frame.core.api.catalogue.RecoveryProgress;
import frame.core.recovery.LibraryRecovery;
import java.nio.file.Path;
import java.util.function.Consumer;

/** {@link Catalogue} over the engine's backup and adoption. */
final class CataloguePort implements Catalogue {
  private final CatalogueBackup backup;
  private final FileStore store;
  private final ImageRepository images;
  private final Ingestor ingestor;
  private final LibraryRecovery recovery;

  CataloguePort(CatalogueBackup backup, FileStore store, ImageRepository images, Ingestor ingestor,
      LibraryRecovery recovery) {
    this.recovery = recovery;
    this.backup = backup;
    this.store = store;
    this.images = images;
    this.ingestor = ingestor;
  }

  @Override
  public BackupTaken backup(Path into) {
    return backup.into(into);
  }

  @Override
  public int adoptOrphans() {
    return OrphanAdoption.adopt(store, images, ingestor);
  }

  @Override
  public Recovered recover(NewArchiveTarget archive, boolean download, Consumer<RecoveryProgress> progress) {
    return recovery.recover(archive, download, progress);
  }
}
