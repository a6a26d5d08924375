package frame.core.api.volumes;

import java.nio.file.Path;

/**
 * The volume a folder is on: where it is mounted, whether it is removable (a memory card, a USB
 * stick or disk: something a photographer may format or unplug) and what told FRAME so, in a few
 * words ("USB", "removable disk sdb", "not removable").
 */
public record Volume(Path mountPoint, boolean removable, String why) {}
