package frame.core;

import frame.core.auth.ApiTokens;
import frame.core.auth.Pairings;
import frame.core.db.Database;
import frame.core.job.JobRunner;

/** What tests may reach inside a real FRAME and front ends may not: its runner, database, tokens and pairings. */
public final class FrameTestAccess {
  private FrameTestAccess() {}

  public static JobRunner runner(Frame frame) {
    return frame.parts().runner();
  }

  public static Database database(Frame frame) {
    return frame.parts().database();
  }

  public static ApiTokens tokens(Frame frame) {
    return frame.parts().tokens();
  }

  public static Pairings pairings(Frame frame) {
    return frame.parts().pairings();
  }

  /** Whether this node of a studio sends its events, having heard that another node shows them. */
  public static boolean sendsEvents(Frame frame) {
    return frame.parts().studio().cluster().orElseThrow().othersWatch();
  }
}
