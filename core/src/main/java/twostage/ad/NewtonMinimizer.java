package twostage.ad;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Damped Newton (Levenberg–Marquardt trust region) for a smooth {@link Objective} on an affine slice
 * w = w₀ + Bc: the step solves (BᵀHB + μI)δ = −Bᵀg with μ = 0 while BᵀHB is positive definite and the
 * step decreases the objective, and μ raised tenfold otherwise. With B an orthonormal basis of the
 * horizontal space at w⋆ (the complement of the orbit tangent), the slice meets each nearby orbit once,
 * so the Hessian on it is regular at the minimiser; B = null uses all q coordinates.
 */
public final class NewtonMinimizer {
  /** Default cap on Newton iterations. */
  public static final int DEFAULT_MAX_ITERATIONS = 100;

  /** Default tolerance on ‖Bᵀ∇ℓ̄‖₂. */
  public static final double DEFAULT_GRADIENT_TOLERANCE = 1e-10;

  private final int maxIterations;
  private final double gradientTolerance;

  /** A minimiser with the default cap and tolerance. */
  public NewtonMinimizer() {
    this(DEFAULT_MAX_ITERATIONS, DEFAULT_GRADIENT_TOLERANCE);
  }

  /**
   * @param maxIterations cap on iterations (≥ 1)
   * @param gradientTolerance convergence when ‖Bᵀ∇ℓ̄‖₂ ≤ this (&gt; 0)
   */
  public NewtonMinimizer(int maxIterations, double gradientTolerance) {
    if (maxIterations < 1) {
      throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
    }
    if (!(gradientTolerance > 0)) {
      throw new IllegalArgumentException("gradientTolerance must be > 0, got " + gradientTolerance);
    }
    this.maxIterations = maxIterations;
    this.gradientTolerance = gradientTolerance;
  }

  /**
   * Minimises {@code f} from {@code start} over w = start + Bc.
   *
   * @param basis B (q × h, orthonormal columns) or null for all coordinates
   */
  public PretrainingFit minimise(Objective f, double[] start, DMatrixRMaj basis) {
    int q = f.dimension();
    DMatrixRMaj b = basis == null ? CommonOps_DDRM.identity(q) : basis;
    int h = b.numCols;
    double[] w = start.clone();
    double[] g = new double[q];
    double[] hess = new double[q * q];
    double[] gb = new double[h];
    DMatrixRMaj hb = new DMatrixRMaj(h, h);
    DMatrixRMaj tmp = new DMatrixRMaj(q, h);
    LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(h);
    double mu = 0;
    int it = 0;
    double value = f.hessian(w, g, hess);
    boolean converged = false;
    while (true) {
      project(b, g, gb);
      if (norm(gb) <= gradientTolerance) {
        converged = true;
        break;
      }
      if (it >= maxIterations) {
        break;
      }
      CommonOps_DDRM.mult(DMatrixRMaj.wrap(q, q, hess), b, tmp);
      CommonOps_DDRM.multTransA(b, tmp, hb);
      double scale = 0;
      for (int i = 0; i < h; i++) {
        scale = Math.max(scale, Math.abs(hb.get(i, i)));
      }
      scale = Math.max(scale, Double.MIN_NORMAL);
      boolean accepted = false;
      while (!accepted && it < maxIterations) {
        it++;
        DMatrixRMaj a = hb.copy();
        for (int i = 0; i < h; i++) {
          a.add(i, i, mu);
        }
        DMatrixRMaj delta = new DMatrixRMaj(h, 1);
        if (chol.setA(a)) {
          DMatrixRMaj rhs = new DMatrixRMaj(h, 1);
          for (int i = 0; i < h; i++) {
            rhs.set(i, -gb[i]);
          }
          chol.solve(rhs, delta);
          double[] trial = w.clone();
          for (int r = 0; r < q; r++) {
            double s = 0;
            for (int c = 0; c < h; c++) {
              s += b.get(r, c) * delta.get(c);
            }
            trial[r] += s;
          }
          double tv = f.value(trial);
          if (tv <= value + 1e-13 * Math.max(1, Math.abs(value))) {
            w = trial;
            accepted = true;
            mu = mu / 10 < 1e-12 * scale ? 0 : mu / 10;
            continue;
          }
        }
        mu = Math.max(10 * mu, 1e-8 * scale);
      }
      if (!accepted) {
        break;
      }
      value = f.hessian(w, g, hess);
    }
    return new PretrainingFit(w, converged, it, norm(g), value);
  }

  private static void project(DMatrixRMaj b, double[] g, double[] out) {
    for (int c = 0; c < b.numCols; c++) {
      double s = 0;
      for (int r = 0; r < b.numRows; r++) {
        s += b.get(r, c) * g[r];
      }
      out[c] = s;
    }
  }

  private static double norm(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    return Math.sqrt(s);
  }
}
