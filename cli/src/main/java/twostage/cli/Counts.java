package twostage.cli;

import picocli.CommandLine;

/** Parses sample counts written as integers or in scientific notation ("1e6", "2.5e5"). */
public final class Counts implements CommandLine.ITypeConverter<Long> {
  @Override
  public Long convert(String value) {
    double v;
    try {
      v = Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw new CommandLine.TypeConversionException("'" + value + "' is not a number");
    }
    if (v != Math.rint(v) || Double.isNaN(v)) {
      throw new CommandLine.TypeConversionException("'" + value + "' is not a whole number");
    }
    if (Math.abs(v) > 9e18) {
      throw new CommandLine.TypeConversionException("'" + value + "' is too large (at most 9e18)");
    }
    return (long) v;
  }
}
