package frame.core;

import frame.core.db.Database;
import frame.core.job.JobRunner;

/** What tests may reach inside a real FRAME and front ends may not: its runner and its database. */
public final class FrameTestAccess {
  private FrameTestAccess() {}

  public static JobRunner runner(Frame frame) {
    return frame.runner();
  }

  public static Database database(Frame frame) {
    return frame.database();
  }

  public static frame.core.auth.ApiTokens tokens(Frame frame) {
    return frame.apiTokens();
  }

  public static frame.core.auth.Pairings pairings(Frame frame) {
    return frame.pairingCodes();
  }
}
