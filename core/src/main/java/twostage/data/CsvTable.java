package twostage.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A strict reader of numeric CSV files (RFC 4180 through Apache Commons CSV): a header row naming every
 * column, then rows of decimal numbers. Nothing is repaired or dropped: a missing value, a cell that is
 * not a decimal number, a row with more or fewer cells than the header, a blank line, a duplicate or
 * empty column name and a file without rows are each refused with an {@link IllegalArgumentException}
 * naming the file, the row (1-based, the header is row 1) or the column, and the rule.
 */
public final class CsvTable {
  /** Decimal numbers as people write them: sign, digits, optional fraction and exponent. */
  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  /** Cells that spreadsheets and statistics packages write for a missing value. */
  private static final Set<String> MISSING = Set.of("", "na", "nan", "n/a", "null", "none", "?", "-", ".");

  private CsvTable() {}

  /**
   * Reads {@code file}.
   *
   * @param option the command-line option that named the file (for messages), e.g. "--unlabeled"
   */
  public static DataTable read(Path file, String option) {
    String where = option + " " + file;
    if (!Files.exists(file)) {
      throw new IllegalArgumentException(where + ": no such file");
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(where + ": not a regular file");
    }
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(in, where);
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(where + ": not UTF-8 text (a CSV file of numbers is expected)");
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(where + ": no such file");
    } catch (IOException e) {
      throw new IllegalArgumentException(where + ": cannot be read (" + e.getMessage() + ")");
    }
  }

  /** Parses CSV text; {@code where} names its origin in messages. */
  public static DataTable parse(Reader in, String where) throws IOException {
    CSVFormat format = CSVFormat.RFC4180.builder()
        .setIgnoreEmptyLines(false)
        .setIgnoreSurroundingSpaces(true)
        .get();
    List<String> names = null;
    double[] values = new double[1024];
    int count = 0;
    try (CSVParser parser = CSVParser.parse(in, format)) {
      for (CSVRecord rec : parser) {
        long row = rec.getRecordNumber();
        if (names == null) {
          names = header(rec, where);
          continue;
        }
        if (rec.size() == 1 && rec.get(0).isEmpty() && names.size() > 1) {
          throw new IllegalArgumentException(where + " row " + row + ": blank line (every row after the "
              + "header must hold " + names.size() + " numbers)");
        }
        if (rec.size() != names.size()) {
          throw new IllegalArgumentException(where + " row " + row + ": " + rec.size() + " cells, but the "
              + "header names " + names.size() + " columns (every row must have one cell per column)");
        }
        if (count + rec.size() > values.length) {
          values = Arrays.copyOf(values, Math.max(values.length * 2, count + rec.size()));
        }
        for (int j = 0; j < rec.size(); j++) {
          values[count++] = number(rec.get(j), where, row, names.get(j));
        }
      }
    } catch (java.io.UncheckedIOException e) {
      throw new IllegalArgumentException(where + ": not valid CSV (" + e.getCause().getMessage() + ")");
    }
    if (names == null) {
      throw new IllegalArgumentException(where + ": empty file (a header row naming the columns is expected)");
    }
    if (count == 0) {
      throw new IllegalArgumentException(where + ": no data rows after the header");
    }
    return new DataTable(where, names, Arrays.copyOf(values, count));
  }

  private static List<String> header(CSVRecord rec, String where) {
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int j = 0; j < rec.size(); j++) {
      String name = rec.get(j);
      if (j == 0 && name.startsWith("\uFEFF")) {
        name = name.substring(1).trim();
      }
      if (name.isEmpty()) {
        throw new IllegalArgumentException(where + " row 1 (header): column " + (j + 1)
            + " has no name (every column must be named)");
      }
      if (NUMBER.matcher(name).matches()) {
        throw new IllegalArgumentException(where + " row 1 (header): column " + (j + 1) + " is named '"
            + name + "', a number: the first row must be a header naming the columns");
      }
      if (!seen.add(name)) {
        throw new IllegalArgumentException(where + " row 1 (header): column name '" + name
            + "' appears twice (column names must be unique)");
      }
      names.add(name);
    }
    return names;
  }

  private static double number(String cell, String where, long row, String column) {
    String c = cell.trim();
    if (MISSING.contains(c.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException(where + " row " + row + ", column '" + column + "': missing value"
          + (c.isEmpty() ? "" : " '" + c + "'") + " (every cell must hold a number; impute or remove the row "
          + "yourself: twostage drops nothing)");
    }
    if (!NUMBER.matcher(c).matches()) {
      throw new IllegalArgumentException(where + " row " + row + ", column '" + column + "': '"
          + abbreviate(c) + "' is not a decimal number (every cell must hold a number such as 1.5 or -2e-3)");
    }
    double v = Double.parseDouble(c);
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(where + " row " + row + ", column '" + column + "': " + c
          + " overflows a double (every value must be finite)");
    }
    return v;
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 37) + "..." : s;
  }
}
