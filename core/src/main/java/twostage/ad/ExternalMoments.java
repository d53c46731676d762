package twostage.ad;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.ejml.data.DMatrixRMaj;
import twostage.linalg.SymmetricEigen;
import twostage.theory.DownstreamMoments;
import twostage.theory.PretrainingMoments;
import twostage.theory.TangentRank;

/**
 * Moments computed elsewhere (PyTorch, JAX, R, ...) as plain numeric CSV matrices without a header:
 * {@value #HESSIAN} (H, q×q), {@value #SCORE_COVARIANCE} (S, q×q), {@value #FEATURE_GRAM}
 * (E[ψψᵀ], p×p), {@value #CROSS} (E[ψJᵀ], p×q), {@value #JACOBIAN_GRAM} (E[JJᵀ], q×q) and optionally
 * {@value #ORBIT} (q×o, columns spanning the orbit tangent). Parsing reads from {@link Reader}s (the
 * caller opens the files); validation checks shapes, symmetry and positive semi-definiteness and names
 * the file, row and column of what is wrong.
 */
public final class ExternalMoments {
  /** File name of H. */
  public static final String HESSIAN = "hessian.csv";
  /** File name of S. */
  public static final String SCORE_COVARIANCE = "score-covariance.csv";
  /** File name of E[ψψᵀ]. */
  public static final String FEATURE_GRAM = "feature-gram.csv";
  /** File name of E[ψJᵀ]. */
  public static final String CROSS = "cross.csv";
  /** File name of E[JJᵀ]. */
  public static final String JACOBIAN_GRAM = "jacobian-gram.csv";
  /** File name of the optional orbit basis. */
  public static final String ORBIT = "orbit.csv";

  /** Default relative tolerance of the symmetry and definiteness checks. */
  public static final double DEFAULT_TOLERANCE = 1e-8;

  private ExternalMoments() {}

  /**
   * The validated inputs of the engine.
   *
   * @param pretraining H and S
   * @param downstream Σψ, C and E[JJᵀ]
   * @param orbit the orbit basis (q × o), or null when none was given (the engine then uses the range of H)
   */
  public record Inputs(PretrainingMoments pretraining, DownstreamMoments downstream, DMatrixRMaj orbit) {}

  /** Parses one numeric matrix (rows of equal length, no header); {@code source} names it in errors. */
  public static DMatrixRMaj parse(Reader in, String source) {
    List<double[]> rows = new ArrayList<>();
    try {
      for (CSVRecord r : CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get().parse(in)) {
        if (r.size() == 1 && r.get(0).isEmpty()) {
          continue;
        }
        int row = rows.size() + 1;
        double[] v = new double[r.size()];
        for (int c = 0; c < r.size(); c++) {
          String cell = r.get(c);
          try {
            v[c] = Double.parseDouble(cell);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                "%s: row %d, column %d: '%s' is not a number (plain numeric CSV, no header)", source, row, c + 1, cell));
          }
          if (!Double.isFinite(v[c])) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                "%s: row %d, column %d: %s is not finite", source, row, c + 1, cell));
          }
        }
        if (!rows.isEmpty() && v.length != rows.get(0).length) {
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "%s: row %d has %d columns, row 1 has %d", source, row, v.length, rows.get(0).length));
        }
        rows.add(v);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(source + ": " + e.getMessage(), e);
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException(source + ": not valid CSV: " + e.getMessage());
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(source + ": is empty (expected a numeric matrix)");
    }
    return new DMatrixRMaj(rows.toArray(new double[0][]));
  }

  /** Writes {@code m} as numeric CSV (full precision: parsing gives back the same doubles). */
  public static void write(DMatrixRMaj m, Appendable out) {
    try {
      for (int i = 0; i < m.numRows; i++) {
        for (int j = 0; j < m.numCols; j++) {
          if (j > 0) {
            out.append(',');
          }
          out.append(Double.toString(m.get(i, j)));
        }
        out.append('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Checks shapes, symmetry and positive semi-definiteness and returns the engine's inputs.
   *
   * @param orbit the orbit basis or null
   * @param tolerance relative tolerance of the symmetry and definiteness checks
   */
  public static Inputs validate(
      DMatrixRMaj hessian, DMatrixRMaj scoreCovariance, DMatrixRMaj featureGram, DMatrixRMaj cross,
      DMatrixRMaj jacobianGram, DMatrixRMaj orbit, double tolerance) {
    int q = hessian.numRows;
    int p = featureGram.numRows;
    shape(hessian, HESSIAN, q, q, "q x q with q = its number of rows");
    shape(scoreCovariance, SCORE_COVARIANCE, q, q, "q x q with q = " + q + " from " + HESSIAN);
    shape(featureGram, FEATURE_GRAM, p, p, "p x p with p = its number of rows");
    shape(cross, CROSS, p, q, "p x q with p = " + p + " from " + FEATURE_GRAM + " and q = " + q + " from " + HESSIAN);
    shape(jacobianGram, JACOBIAN_GRAM, q, q, "q x q with q = " + q + " from " + HESSIAN);
    if (orbit != null && orbit.numRows != q) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: has %d rows, expected q = %d (one column per orbit direction)", ORBIT, orbit.numRows, q));
    }
    symmetric(hessian, HESSIAN, tolerance);
    symmetric(scoreCovariance, SCORE_COVARIANCE, tolerance);
    symmetric(featureGram, FEATURE_GRAM, tolerance);
    symmetric(jacobianGram, JACOBIAN_GRAM, tolerance);
    psd(hessian, HESSIAN, tolerance, "H must be positive semi-definite at a minimiser");
    psd(scoreCovariance, SCORE_COVARIANCE, tolerance, "a covariance");
    psd(featureGram, FEATURE_GRAM, tolerance, "a Gram matrix");
    psd(jacobianGram, JACOBIAN_GRAM, tolerance, "a Gram matrix");
    DownstreamMoments down = new DownstreamMoments(featureGram, cross, jacobianGram);
    psd(TangentRank.jointGram(down), FEATURE_GRAM + ", " + CROSS + " and " + JACOBIAN_GRAM + " together",
        tolerance, "[[E psi psi', E psi J'], [E J psi', E J J']] is the Gram of [psi; J]");
    return new Inputs(new PretrainingMoments(hessian, scoreCovariance), down,
        orbit == null ? null : orbit.copy());
  }

  private static void shape(DMatrixRMaj m, String name, int rows, int cols, String rule) {
    if (m.numRows != rows || m.numCols != cols) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: is %d x %d, expected %d x %d (%s)", name, m.numRows, m.numCols, rows, cols, rule));
    }
  }

  private static void symmetric(DMatrixRMaj m, String name, double tolerance) {
    double scale = 0;
    for (double v : m.data) {
      scale = Math.max(scale, Math.abs(v));
    }
    for (int i = 0; i < m.numRows; i++) {
      for (int j = 0; j < i; j++) {
        if (Math.abs(m.get(i, j) - m.get(j, i)) > tolerance * scale) {
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "%s: not symmetric: row %d, column %d is %s but row %d, column %d is %s (tolerance %.0e x max|entry|)",
              name, i + 1, j + 1, m.get(i, j), j + 1, i + 1, m.get(j, i), tolerance));
        }
      }
    }
  }

  private static void psd(DMatrixRMaj m, String name, double tolerance, String why) {
    double[] ev = SymmetricEigen.of(m).values();
    if (ev.length == 0) {
      return;
    }
    double top = Math.max(Math.abs(ev[0]), Math.abs(ev[ev.length - 1]));
    if (ev[ev.length - 1] < -tolerance * top) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: not positive semi-definite (%s): smallest eigenvalue %.6g, largest %.6g (tolerance %.0e)",
          name, why, ev[ev.length - 1], ev[0], tolerance));
    }
  }
}
