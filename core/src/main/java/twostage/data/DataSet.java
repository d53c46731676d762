package twostage.data;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * What a practitioner has: unlabeled inputs for pre-training (m rows of x) and labeled pairs for the
 * downstream regression (n rows of x and y). Both files name the same x columns; the labeled file has
 * one more column, {@value #LABEL}. Checked when made: a constant column (zero variance: it carries no
 * information and makes every covariance singular) is refused naming its file and column.
 *
 * @param unlabeled the m × d inputs x of pre-training
 * @param labeled the n × d inputs x of the labeled rows
 * @param y the n labels
 */
public record DataSet(DataTable unlabeled, DataTable labeled, double[] y) implements Serializable {
  /** The name of the label column of the labeled file. */
  public static final String LABEL = "y";

  /** @throws IllegalArgumentException when y has not one label per labeled row or the x columns differ */
  public DataSet {
    if (labeled.rows() != y.length) {
      throw new IllegalArgumentException("labeled inputs have " + labeled.rows() + " rows but " + y.length + " labels");
    }
    if (!labeled.columns().equals(unlabeled.columns())) {
      throw new IllegalArgumentException("the labeled x columns " + labeled.columns()
          + " differ from the unlabeled columns " + unlabeled.columns());
    }
  }

  /**
   * The data set from the two files as read: the labeled file's column {@value #LABEL} is y, its other
   * columns must be the unlabeled file's columns, in the same order.
   *
   * @throws IllegalArgumentException naming the file, the column and the rule
   */
  public static DataSet of(DataTable unlabeled, DataTable labeledFile) {
    int yc = labeledFile.column(LABEL);
    if (yc < 0) {
      throw new IllegalArgumentException(labeledFile.source() + ": no column '" + LABEL + "' (the labeled "
          + "file needs a column named y for the labels; its other columns are x)");
    }
    if (unlabeled.column(LABEL) >= 0) {
      throw new IllegalArgumentException(unlabeled.source() + ": has a column '" + LABEL + "' (the unlabeled "
          + "file holds inputs x only)");
    }
    DataTable x = labeledFile.without(yc);
    List<String> want = unlabeled.columns();
    for (int j = 0; j < Math.max(want.size(), x.cols()); j++) {
      String u = j < want.size() ? want.get(j) : null;
      String l = j < x.cols() ? x.columns().get(j) : null;
      if (u == null || !u.equals(l)) {
        throw new IllegalArgumentException(labeledFile.source() + ": x column " + (j + 1) + " is "
            + (l == null ? "missing" : "'" + l + "'") + " but " + unlabeled.source() + " has "
            + (u == null ? "no such column" : "'" + u + "'") + " there (the x columns of both files must be "
            + "the same, in the same order)");
      }
    }
    requireVarying(unlabeled);
    requireVarying(labeledFile);
    return new DataSet(unlabeled, x, labeledFile.columnValues(yc));
  }

  /**
   * A simulated data set: {@code unlabeled} (m × d) and {@code labeled} (n × d) row-major with columns
   * x1..xd, and the n labels {@code y}.
   */
  public static DataSet simulated(double[] unlabeled, double[] labeled, int d, double[] y) {
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= d; i++) {
      names.add("x" + i);
    }
    return new DataSet(new DataTable("simulated unlabeled", names, unlabeled),
        new DataTable("simulated labeled", names, labeled), y);
  }

  private static void requireVarying(DataTable t) {
    for (int j = 0; j < t.cols(); j++) {
      double first = t.get(0, j);
      boolean varies = false;
      for (int i = 1; i < t.rows() && !varies; i++) {
        varies = t.get(i, j) != first;
      }
      if (!varies) {
        throw new IllegalArgumentException(t.source() + ", column '" + t.columns().get(j) + "': constant ("
            + first + " in all " + t.rows() + " rows); a constant column carries no information and makes the "
            + "covariances singular: remove it");
      }
    }
  }

  /** m, the number of unlabeled rows. */
  public int m() {
    return unlabeled.rows();
  }

  /** n, the number of labeled rows. */
  public int n() {
    return labeled.rows();
  }

  /** d, the number of x columns. */
  public int d() {
    return unlabeled.cols();
  }

  /**
   * A bootstrap resample: m rows of the unlabeled file and n rows of the labeled file, each drawn
   * uniformly with replacement from {@code rng} (the unlabeled indices first).
   */
  public DataSet resample(UniformRandomProvider rng) {
    int[] u = new int[m()];
    for (int i = 0; i < u.length; i++) {
      u[i] = rng.nextInt(m());
    }
    int[] l = new int[n()];
    double[] yy = new double[n()];
    for (int i = 0; i < l.length; i++) {
      l[i] = rng.nextInt(n());
      yy[i] = y[l[i]];
    }
    return new DataSet(unlabeled.rows(u), labeled.rows(l), yy);
  }

  /** SHA-256 of both tables and the labels: the data's identity in a result store's manifest. */
  public String digest() {
    return new DataTable("y", List.of(LABEL), y).digest().substring(0, 16) + unlabeled.digest().substring(0, 24)
        + labeled.digest().substring(0, 24);
  }
}
