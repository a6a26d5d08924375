package frame.core.backup;

import frame.core.api.FrameException;

/** A backup that cannot be taken or restored: nothing was overwritten, the message says why. */
public final class BackupRefused extends FrameException {
  BackupRefused(String message) {
    super("backup_refused", message, true);
  }

  BackupRefused(String message, Throwable cause) {
    super("backup_refused", message, true, cause);
  }
}
