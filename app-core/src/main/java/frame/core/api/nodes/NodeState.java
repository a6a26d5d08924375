package frame.core.api.nodes;

/** What the other nodes can tell about a node from its heartbeats. */
public enum NodeState {
  ALIVE,
  /** Silent for longer than a lease: crashed, hung or cut off. Its jobs are taken back. */
  LOST,
  /** Stopped cleanly. */
  STOPPED
}
