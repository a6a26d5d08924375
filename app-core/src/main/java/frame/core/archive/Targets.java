package frame.core.archive;

import frame.core.api.archive.ArchiveCredentials;
import frame.core.api.archive.ArchiveTargetKind;
import frame.core.crash.Failpoints;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Opens each target once per process (an S3 client is costly to build) and forgets it when removed. */
final class Targets implements AutoCloseable {
  private final CredentialStore credentials;
  private final Map<String, String> environment;
  private final ArchiveSettings settings;
  private final Failpoints failpoints;
  private final Map<Long, Target> open = new ConcurrentHashMap<>();

  Targets(CredentialStore credentials, Map<String, String> environment, ArchiveSettings settings,
      Failpoints failpoints) {
    this.failpoints = failpoints;
    this.credentials = credentials;
    this.environment = environment;
    this.settings = settings;
  }

  Target of(TargetRecord record) {
    return open.computeIfAbsent(record.id(), id -> create(record));
  }

  /** A target not kept open: for checking one before it is added. */
  Target create(TargetRecord record) {
    if (record.kind() == ArchiveTargetKind.FOLDER) return new FolderTarget(Path.of(record.location()));
    ArchiveCredentials keys = credentials.load(record.name())
        .or(() -> CredentialStore.fromEnvironment(environment))
        .orElseThrow(() -> new TargetFault("No credentials for the target " + record.name() + " on this computer"
            + " (add it again here, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)", null));
    return new S3Target(record.location(), record.bucket(), record.prefix(), record.region(), keys,
        settings.multipartAbove(), failpoints);
  }

  Target create(TargetRecord record, ArchiveCredentials keys) {
    if (record.kind() == ArchiveTargetKind.FOLDER || keys == null) return create(record);
    return new S3Target(record.location(), record.bucket(), record.prefix(), record.region(), keys,
        settings.multipartAbove(), failpoints);
  }

  void forget(long targetId) {
    Optional.ofNullable(open.remove(targetId)).ifPresent(Target::close);
  }

  @Override
  public void close() {
    open.values().forEach(Target::close);
    open.clear();
  }
}
