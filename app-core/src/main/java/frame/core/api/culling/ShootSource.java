package frame.core.api.culling;

/** Where a shoot came from. */
public enum ShootSource {
  /** A folder or a memory card read by the window or {@code frame import}. */
  FOLDER,
  /** Loose files dropped or named together. */
  FILES,
  /** A phone or another device uploading over the LAN (one session a shoot). */
  DEVICE,
  /** A LocalSend sender. */
  LOCALSEND
}
