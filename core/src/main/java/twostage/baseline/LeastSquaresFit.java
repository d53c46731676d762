package twostage.baseline;

import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;

/**
 * The downstream-only estimator f_n^base ∈ argmin_{f ∈ F} (1/n) Σ (y_i − f(x_i))² (end of Section 5),
 * computed by Hipparchus' Levenberg–Marquardt in the coordinates c of a {@link LocalChart}, started at
 * c = 0, i.e. at the truth φ⋆. Starting at the truth makes this the <em>local</em> least-squares
 * estimator that the asymptotics describe (a global search is neither needed for the σ² d_base limit
 * nor guaranteed by any solver for the nonlinear mixture class).
 */
public final class LeastSquaresFit {
  /** Iteration and evaluation cap of one fit. */
  public static final int MAX_ITERATIONS = 200;

  private LeastSquaresFit() {}

  /**
   * One fit.
   *
   * @param x design, row-major n×dim
   * @param y labels (length n)
   */
  public static Result fit(RegressionFamily family, LocalChart chart, double[] x, double[] y) {
    int n = y.length;
    int r = chart.dimension();
    double[] q = chart.directions();
    LeastSquaresProblem problem = new LeastSquaresBuilder()
        .start(new double[r])
        .target(y)
        .model(point -> {
          double[] phi = chart.point(point.toArray());
          double[] values = new double[n];
          family.evaluate(phi, x, n, values);
          double[] jac = new double[n * r];
          family.directionalDerivatives(phi, q, r, x, n, jac);
          double[][] rows = new double[n][r];
          for (int i = 0; i < n; i++) {
            System.arraycopy(jac, i * r, rows[i], 0, r);
          }
          RealVector v = new ArrayRealVector(values, false);
          RealMatrix m = new Array2DRowRealMatrix(rows, false);
          return new Pair<>(v, m);
        })
        .lazyEvaluation(false)
        .checker(LeastSquaresFit::converged)
        .maxIterations(MAX_ITERATIONS)
        .maxEvaluations(MAX_ITERATIONS)
        .build();
    try {
      LeastSquaresOptimizer.Optimum opt = new LevenbergMarquardtOptimizer().optimize(problem);
      double[] c = opt.getPoint().toArray();
      RealVector g = opt.getJacobian().transpose().operate(opt.getResiduals());
      return new Result(chart.point(c), c, opt.getIterations(), opt.getEvaluations(), true,
          opt.getCost() * opt.getCost() / n, g.getLInfNorm() / n);
    } catch (MathIllegalStateException e) {
      return new Result(chart.truth(), new double[r], MAX_ITERATIONS, MAX_ITERATIONS, false,
          Double.NaN, Double.NaN);
    }
  }

  /**
   * Stops when an iteration moves the chart point by at most {@link #STEP_TOLERANCE}·max(1, ‖c‖∞) and
   * changes the residual norm by at most {@link #COST_TOLERANCE} (relative). Levenberg–Marquardt's own
   * orthogonality test cannot reach its 1e-10 default when the Jacobian comes from central differences,
   * so without this check it would creep on for dozens of iterations.
   */
  static boolean converged(
      int iteration, LeastSquaresProblem.Evaluation previous, LeastSquaresProblem.Evaluation current) {
    double step = previous.getPoint().getLInfDistance(current.getPoint());
    double scale = Math.max(1, current.getPoint().getLInfNorm());
    double cost = Math.abs(previous.getCost() - current.getCost())
        / Math.max(current.getCost(), Double.MIN_NORMAL);
    return step <= STEP_TOLERANCE * scale && cost <= COST_TOLERANCE;
  }

  /** Step tolerance of {@link #converged}. */
  public static final double STEP_TOLERANCE = 1e-9;

  /** Relative cost tolerance of {@link #converged}. */
  public static final double COST_TOLERANCE = 1e-12;

  /**
   * @param phi the fitted parameter φ⋆ + Qc
   * @param chartPoint c
   * @param iterations LM iterations
   * @param evaluations model evaluations
   * @param converged false when the iteration cap was hit (the fit is then reported, not hidden)
   * @param meanSquaredResidual (1/n) Σ (y_i − f(x_i; φ))²
   * @param gradient ‖Jᵀr‖∞ / n at the optimum (first-order optimality)
   */
  public record Result(
      double[] phi,
      double[] chartPoint,
      int iterations,
      int evaluations,
      boolean converged,
      double meanSquaredResidual,
      double gradient) {}
}
