package frame.core.media.codec;

import frame.core.api.FrameException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Stands in for a native codec that is not on this machine: the photo is still taken in (its
 * header is read in Java) and then fails with a reason that says what to install.
 */
public final class MissingLibrary implements Codec {
  private final String formats; // the one format this instance stands in for
  private final String library;
  private final String debianPackage;
  private final Function<Path, Size> header;

  public MissingLibrary(String formats, String library, String debianPackage, Function<Path, Size> header) {
    this.formats = formats;
    this.library = library;
    this.debianPackage = debianPackage;
    this.header = header;
  }

  @Override
  public String description() {
    return formats + ": not available (" + library + (NativeLibrary.hidden(library)
        ? " hidden by -D" + NativeLibrary.DISABLE_PROPERTY + ")" : " missing or too old)");
  }

  @Override
  public boolean decodes() {
    return false;
  }

  @Override
  public Size header(Path file) {
    return header.apply(file);
  }

  @Override
  public Picture decode(Path file, Size ignored, long maxPixels, int longest) {
    throw new FrameException("codec_missing", formats + " needs " + library
        + ", which this machine does not have: on Debian or Ubuntu `apt install " + debianPackage
        + "`, on macOS `brew install " + library + "`", true);
  }
}
