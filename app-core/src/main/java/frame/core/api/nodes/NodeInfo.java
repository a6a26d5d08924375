package frame.core.api.nodes;

import java.time.Instant;

/** One FRAME process on the database, as its last heartbeat described it. */
public record NodeInfo(
    String id,
    String host,
    long pid,
    String version,
    String kind,
    Instant started,
    Instant lastHeartbeat,
    int runningJobs,
    long completedJobs,
    NodeState state) {}
