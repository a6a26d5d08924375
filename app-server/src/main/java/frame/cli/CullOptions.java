package frame.cli;

import frame.core.api.culling.CullFilter;
import frame.core.api.culling.StackFold;
import picocli.CommandLine.Option;

/** The culling filters of {@code frame images}: picks, rejects, unrated, at least N stars, one shoot; stacks folded. */
final class CullOptions {
  @Option(names = "--picks", description = "Only photos flagged pick.")
  boolean picks;

  @Option(names = "--rejects", description = "Only photos flagged reject.")
  boolean rejects;

  @Option(names = "--unrated", description = "Only photos without stars.")
  boolean unrated;

  @Option(names = "--rating", paramLabel = "N", converter = Stars.class, description = "Only photos with at least N stars (1-5).")
  int minRating;

  @Option(names = "--shoot", paramLabel = "ID", description = "Only the photos of this shoot (see frame shoots).")
  Long shoot;

  @Option(names = "--stacks", paramLabel = "folded|all", converter = FoldConverter.class,
      description = "folded: one line a stack, its top, with the frames it stands for (stackSize); all: every frame (the default).")
  StackFold stacks = StackFold.FLAT;

  static final class FoldConverter implements picocli.CommandLine.ITypeConverter<StackFold> {
    @Override
    public StackFold convert(String value) {
      try {
        return StackFold.parse(value);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  CullFilter filter() {
    if (picks && rejects) throw new IllegalArgumentException("--picks and --rejects exclude each other");
    CullFilter.FlagFilter flags = picks ? CullFilter.FlagFilter.PICKS : rejects ? CullFilter.FlagFilter.REJECTS : null;
    return new CullFilter(flags, unrated, minRating, shoot, stacks);
  }
}
