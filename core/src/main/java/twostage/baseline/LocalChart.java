package twostage.baseline;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Sym;
import twostage.linalg.SymmetricEigen;
import twostage.theory.TangentRank;

/**
 * A local chart of the class F at a regular realisation φ⋆: φ(c) = φ⋆ + Q c with c ∈ R^{d_base}.
 *
 * <p>The tangent map δφ ↦ ∇_φ f(·; φ⋆)·δφ has rank d_base (the dimension of T_base, end of Section 5)
 * but P ≥ d_base parameters: symmetries and redundant coordinates give it a kernel. The columns of Q
 * span a complement of that kernel — the leading eigenvectors of the unit-diagonal gradient Gram
 * D^{-1/2} E[∇f ∇fᵀ] D^{-1/2}, mapped back by D^{-1/2} — so c ↦ f(·; φ⋆ + Qc) is an immersion near 0
 * with a full-rank Jacobian, the setting in which nonlinear least squares has the classical σ² d_base
 * limit. The Gram is a Monte Carlo average over a design sample; exact dependencies among the
 * gradients make it exactly singular, and the rank uses {@link TangentRank}'s relative tolerance.
 *
 * @param truth φ⋆
 * @param directions Q, row-major P×d_base
 * @param rank the tangent rank (d_base) with its eigenvalue gap
 */
public record LocalChart(double[] truth, double[] directions, TangentRank rank) {

  /** d_base, the chart dimension. */
  public int dimension() {
    return rank.rank();
  }

  /** φ⋆ + Q c. */
  public double[] point(double[] c) {
    int p = truth.length;
    int r = dimension();
    double[] phi = truth.clone();
    for (int a = 0; a < p; a++) {
      double s = 0;
      for (int j = 0; j < r; j++) {
        s += directions[a * r + j] * c[j];
      }
      phi[a] += s;
    }
    return phi;
  }

  /**
   * Builds the chart from {@code samples} design points drawn with {@code rng}.
   *
   * @param tolerance relative eigenvalue tolerance for the rank
   */
  public static LocalChart at(
      BaselineProblem problem, int samples, double tolerance, UniformRandomProvider rng) {
    RegressionFamily f = problem.family();
    int p = f.parameterDimension();
    double[] x = new double[samples * f.inputDimension()];
    problem.design().draw(rng, samples, x);
    double[] identity = new double[p * p];
    for (int a = 0; a < p; a++) {
      identity[a * p + a] = 1;
    }
    double[] grad = new double[samples * p];
    f.directionalDerivatives(problem.truth(), identity, p, x, samples, grad);
    DMatrixRMaj gram = new DMatrixRMaj(p, p);
    for (int i = 0; i < samples; i++) {
      int o = i * p;
      for (int a = 0; a < p; a++) {
        double ga = grad[o + a];
        if (ga == 0) {
          continue;
        }
        for (int b = 0; b <= a; b++) {
          gram.data[a * p + b] += ga * grad[o + b];
        }
      }
    }
    for (int a = 0; a < p; a++) {
      for (int b = 0; b <= a; b++) {
        double v = gram.data[a * p + b] / samples;
        gram.data[a * p + b] = v;
        gram.data[b * p + a] = v;
      }
    }
    return fromGram(problem.truth(), gram, tolerance);
  }

  /** The chart from a given P×P gradient Gram E[∇f ∇fᵀ] at φ⋆ (exact or Monte Carlo). */
  public static LocalChart fromGram(double[] truth, DMatrixRMaj gram, double tolerance) {
    TangentRank rank = TangentRank.of(gram, tolerance);
    int p = truth.length;
    double maxDiag = 0;
    for (int a = 0; a < p; a++) {
      maxDiag = Math.max(maxDiag, gram.get(a, a));
    }
    int[] keep = new int[p];
    int kept = 0;
    for (int a = 0; a < p; a++) {
      if (gram.get(a, a) > TangentRank.ZERO_DIAGONAL * maxDiag && maxDiag > 0) {
        keep[kept++] = a;
      }
    }
    DMatrixRMaj scaled = new DMatrixRMaj(kept, kept);
    for (int i = 0; i < kept; i++) {
      for (int j = 0; j < kept; j++) {
        scaled.set(i, j, gram.get(keep[i], keep[j])
            / Math.sqrt(gram.get(keep[i], keep[i]) * gram.get(keep[j], keep[j])));
      }
    }
    SymmetricEigen eig = SymmetricEigen.of(Sym.symmetrized(scaled));
    int r = rank.rank();
    double[] q = new double[p * r];
    for (int i = 0; i < kept; i++) {
      double s = 1 / Math.sqrt(gram.get(keep[i], keep[i]));
      for (int j = 0; j < r; j++) {
        q[keep[i] * r + j] = eig.vectors().get(i, j) * s;
      }
    }
    return new LocalChart(truth.clone(), q, rank);
  }
}
