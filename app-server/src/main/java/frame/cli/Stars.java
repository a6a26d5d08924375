package frame.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --rating N}: at least N stars, 1 to 5; anything else is a usage error, not "every photo". */
final class Stars implements ITypeConverter<Integer> {
  @Override
  public Integer convert(String value) {
    try {
      int stars = Integer.parseInt(value.strip());
      if (stars >= 1 && stars <= 5) return stars;
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new TypeConversionException("'" + value + "' is not a number of stars from 1 to 5");
  }
}
