package frame.core.db;

import frame.core.api.FrameException;
import java.sql.SQLException;

/** A database failure FRAME cannot handle where it happened. */
public final class DatabaseException extends FrameException {
  public DatabaseException(SQLException cause) {
    super("database_error", "Database error: " + cause.getMessage(), false, cause);
  }

  public DatabaseException(String message, Throwable cause) {
    super("database_error", message, false, cause);
  }

  public boolean isUniqueViolation() {
    return getCause() instanceof SQLException sql
        && sql.getSQLState() != null
        && sql.getSQLState().startsWith("23");
  }
}
