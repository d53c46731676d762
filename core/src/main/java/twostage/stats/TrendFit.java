package twostage.stats;

import java.util.function.DoubleUnaryOperator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Ordinary least-squares fits of descriptive trends y ≈ Σ_j c_j φ_j(x) (linear in the coefficients,
 * solved by QR), with the coefficient of determination R² = 1 − SS_res/SS_tot. The power law
 * y = Cx^p is fitted as the straight line log y = log C + p log x (least squares on the log–log scale
 * on which it is plotted), and its R² is that of the log-scale fit.
 *
 * @param model short name ("quadratic", "logarithmic", "power", "rational")
 * @param formula the fitted form in words, e.g. "a*K^2 + b*K + c"
 * @param names coefficient names, in order
 * @param coefficients fitted coefficients
 * @param rSquared R² of the fit (on the log scale for "power")
 */
public record TrendFit(
    String model, String formula, String[] names, double[] coefficients, double rSquared) {

  /** y ≈ a x² + b x + c. */
  public static TrendFit quadratic(double[] x, double[] y) {
    double[] c = solve(x, y, v -> v * v, v -> v, v -> 1.0);
    return new TrendFit("quadratic", "a*x^2 + b*x + c", new String[] {"a", "b", "c"}, c,
        rSquared(x, y, c, false, TrendFit::quadraticAt));
  }

  /** y ≈ a + b log x. */
  public static TrendFit logarithmic(double[] x, double[] y) {
    double[] c = solve(x, y, v -> 1.0, Math::log);
    return new TrendFit("logarithmic", "a + b*log(x)", new String[] {"a", "b"}, c,
        rSquared(x, y, c, false, (cc, v) -> cc[0] + cc[1] * Math.log(v)));
  }

  /** y ≈ C x^p (p, not α, which is m/n throughout), by least squares of log y on log x (all y must be positive). */
  public static TrendFit power(double[] x, double[] y) {
    double[] lx = new double[x.length];
    double[] ly = new double[y.length];
    for (int i = 0; i < x.length; i++) {
      if (!(x[i] > 0 && y[i] > 0)) {
        throw new IllegalArgumentException("power-law fit needs positive x and y");
      }
      lx[i] = Math.log(x[i]);
      ly[i] = Math.log(y[i]);
    }
    double[] line = solve(lx, ly, v -> 1.0, v -> v);
    double[] c = {Math.exp(line[0]), line[1]};
    return new TrendFit("power", "C*x^p", new String[] {"C", "p"}, c,
        rSquared(x, y, c, true, (cc, v) -> cc[0] * Math.pow(v, cc[1])));
  }

  /** y ≈ (a + b x)/(x + 1): the exact form of the Appendix K d-dependence. */
  public static TrendFit rational(double[] x, double[] y) {
    double[] c = solve(x, y, v -> 1.0 / (v + 1), v -> v / (v + 1));
    return new TrendFit("rational", "(a + b*x)/(x + 1)", new String[] {"a", "b"}, c,
        rSquared(x, y, c, false, (cc, v) -> (cc[0] + cc[1] * v) / (v + 1)));
  }

  /** The fitted curve at x. */
  public double at(double x) {
    double[] c = coefficients;
    return switch (model) {
      case "quadratic" -> quadraticAt(c, x);
      case "logarithmic" -> c[0] + c[1] * Math.log(x);
      case "power" -> c[0] * Math.pow(x, c[1]);
      case "rational" -> (c[0] + c[1] * x) / (x + 1);
      default -> throw new IllegalStateException(model);
    };
  }

  private static double quadraticAt(double[] c, double v) {
    return (c[0] * v + c[1]) * v + c[2];
  }

  private interface Curve {
    double at(double[] c, double x);
  }

  private static double rSquared(double[] x, double[] y, double[] c, boolean logScale, Curve f) {
    double mean = 0;
    for (double v : y) {
      mean += logScale ? Math.log(v) : v;
    }
    mean /= y.length;
    double res = 0;
    double tot = 0;
    for (int i = 0; i < y.length; i++) {
      double obs = logScale ? Math.log(y[i]) : y[i];
      double fit = logScale ? Math.log(f.at(c, x[i])) : f.at(c, x[i]);
      res += (obs - fit) * (obs - fit);
      tot += (obs - mean) * (obs - mean);
    }
    return tot == 0 ? (res == 0 ? 1.0 : 0.0) : 1.0 - res / tot;
  }

  private static double[] solve(double[] x, double[] y, DoubleUnaryOperator... basis) {
    int n = x.length;
    int m = basis.length;
    if (y.length != n) {
      throw new IllegalArgumentException("x and y must have the same length");
    }
    if (n < m) {
      throw new IllegalArgumentException("need at least " + m + " points for this fit, got " + n);
    }
    DMatrixRMaj a = new DMatrixRMaj(n, m);
    DMatrixRMaj b = new DMatrixRMaj(n, 1);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        a.set(i, j, basis[j].applyAsDouble(x[i]));
      }
      b.set(i, 0, y[i]);
    }
    DMatrixRMaj sol = new DMatrixRMaj(m, 1);
    if (!CommonOps_DDRM.solve(a, b, sol)) {
      throw new IllegalArgumentException("the fit is degenerate (collinear design)");
    }
    return sol.data.clone();
  }
}
