package frame.core.api.volumes;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Windows: the drive type of the folder's root ({@code GetDriveTypeW} of kernel32, through Java's
 * foreign-function API). {@code DRIVE_REMOVABLE} is a card reader's or a stick's drive; a USB
 * hard disk reports {@code DRIVE_FIXED} and is taken as not removable.
 */
final class WindowsVolumes implements Volumes {
  private static final int DRIVE_REMOVABLE = 2;

  @Override
  public Volume of(Path folder) throws IOException {
    Path root = folder.toRealPath().getRoot();
    if (root == null) return new Volume(folder, false, "no drive");
    int type = driveType(root.toString().endsWith("\\") ? root.toString() : root + "\\");
    return type == DRIVE_REMOVABLE ? new Volume(root, true, "removable drive")
        : new Volume(root, false, "drive type " + type + " (not removable)");
  }

  private static int driveType(String root) throws IOException {
    try (Arena arena = Arena.ofConfined()) {
      Linker linker = Linker.nativeLinker();
      MethodHandle getDriveType = linker.downcallHandle(
          SymbolLookup.libraryLookup("kernel32", arena).find("GetDriveTypeW").orElseThrow(),
          FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
      byte[] utf16 = (root + "\0").getBytes(StandardCharsets.UTF_16LE);
      MemorySegment name = arena.allocate(utf16.length);
      name.copyFrom(MemorySegment.ofArray(utf16));
      return (int) getDriveType.invokeExact(name);
    } catch (Throwable e) {
      throw new IOException("cannot ask Windows for the drive type of " + root, e);
    }
  }
}
