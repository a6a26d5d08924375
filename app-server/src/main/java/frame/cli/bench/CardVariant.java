package frame.cli.bench;

import java.io.IOException;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A variant of the FRAME side of {@code frame bench card}: the same cold import, on a data folder
 * set up one way first, to price a promise ("at most 10 % slower") against the plain import in the
 * same run.
 */
enum CardVariant {
  /**
   * A fresh folder archive target, added with {@code frame archive add NAME --folder DIR} before the
   * import (the supported way: the CLI, as a photographer would), in a folder on the same disk as
   * the data folder, as an external disk would be for the photos.
   */
  FOLDER_TARGET("folder-target", "a folder archive target on the same disk"),
  /**
   * {@code analysis=off} in the data folder's {@code culling.properties}, set with {@code frame
   * culling analysis off} before the import: no perceptual hash and sharpness jobs.
   */
  ANALYSIS_OFF("analysis-off", "analysis=off in culling.properties");

  /** What makes the plain side's data folder when variants run beside it: a FRAME that opens it and only looks. */
  static final List<String> PLAIN_SET_UP = List.of("queue");

  private final String option;
  private final String what;

  CardVariant(String option, String what) {
    this.option = option;
    this.what = what;
  }

  /** As given to {@code --variant}. */
  String option() {
    return option;
  }

  /** What it changes, in a few words. */
  String what() {
    return what;
  }

  /**
   * The FRAME subcommand and its arguments that make the data folder before the timed import;
   * {@code scratch} holds what the variant needs beside the data folder.
   */
  List<String> setUp(ScratchFolders scratch) throws IOException {
    return switch (this) {
      case FOLDER_TARGET -> List.of("archive", "add", "bench-disk", "--folder",
          scratch.make("frame-bench-card-archive").toString());
      case ANALYSIS_OFF -> List.of("culling", "analysis", "off");
    };
  }

  /** {@code --variant folder-target}: the option's own spelling. */
  static final class Converter implements ITypeConverter<CardVariant> {
    @Override
    public CardVariant convert(String value) {
      for (CardVariant variant : values()) {
        if (variant.option.equals(value)) return variant;
      }
      throw new TypeConversionException("'" + value + "' is not a variant: folder-target or analysis-off");
    }
  }
}
