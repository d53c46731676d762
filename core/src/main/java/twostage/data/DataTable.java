package twostage.data;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A numeric table read from a file: named columns and finite values, row-major. Immutable.
 *
 * @param source the file it was read from (for messages)
 * @param columns the column names, in file order
 * @param values row-major rows × columns values, all finite
 */
public record DataTable(String source, List<String> columns, double[] values) implements Serializable {

  /** @throws IllegalArgumentException when there is no column or the values do not fill whole rows */
  public DataTable {
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException(source + ": a table needs at least one column");
    }
    if (values.length % columns.size() != 0) {
      throw new IllegalArgumentException(source + ": " + values.length + " values do not fill rows of "
          + columns.size() + " columns");
    }
  }

  /** The number of rows. */
  public int rows() {
    return values.length / columns.size();
  }

  /** The number of columns. */
  public int cols() {
    return columns.size();
  }

  /** The value at row {@code i} (0-based data row), column {@code j}. */
  public double get(int i, int j) {
    return values[i * columns.size() + j];
  }

  /** Index of the column called {@code name}, or −1. */
  public int column(String name) {
    return columns.indexOf(name);
  }

  /** The values of column {@code j}. */
  public double[] columnValues(int j) {
    int c = cols();
    double[] out = new double[rows()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values[i * c + j];
    }
    return out;
  }

  /** This table without column {@code j}. */
  public DataTable without(int j) {
    int c = cols();
    int n = rows();
    double[] out = new double[n * (c - 1)];
    for (int i = 0; i < n; i++) {
      System.arraycopy(values, i * c, out, i * (c - 1), j);
      System.arraycopy(values, i * c + j + 1, out, i * (c - 1) + j, c - j - 1);
    }
    List<String> names = new java.util.ArrayList<>(columns);
    names.remove(j);
    return new DataTable(source, names, out);
  }

  /** The rows {@code index[0]}, {@code index[1]}, … (repeats allowed: a bootstrap resample). */
  public DataTable rows(int[] index) {
    int c = cols();
    double[] out = new double[index.length * c];
    for (int i = 0; i < index.length; i++) {
      System.arraycopy(values, index[i] * c, out, i * c, c);
    }
    return new DataTable(source, columns, out);
  }

  /** SHA-256 of the column names and the values (bit patterns): the table's identity in manifests. */
  public String digest() {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String name : columns) {
        md.update(name.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
      }
      ByteBuffer b = ByteBuffer.allocate(8);
      for (double v : values) {
        b.clear();
        b.putLong(Double.doubleToLongBits(v));
        md.update(b.array());
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "DataTable[" + source + ", " + rows() + " rows x " + cols() + " columns " + columns + "]";
  }
}
