package twostage.models.spectral;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import twostage.linalg.Rows;
import twostage.linalg.Sym;
import twostage.linalg.SymmetricEigen;

/**
 * The empirical minimiser of (1/m)Σ ℓ(A; z_j) over A ∈ R^{k×d} (no closed form: the quartic term uses
 * the sample pairs (x_j, x⁻_j)). Started at the rank-k truncation built from the empirical moments,
 * Â₀ = Λ̂^{1/2}Ûᵀ Σ̂^{-1/2} with ÛΛ̂Ûᵀ the top-k part of Σ̂^{-1/2}Ŝ⁺Σ̂^{-1/2} (the population recipe of
 * Appendix H.2 with empirical moments), then Newton steps on the horizontal space (the orthogonal
 * complement of the orbit {ΩA}), eigenvalues of the restricted Hessian floored at a small positive
 * fraction so that every step descends, with Armijo backtracking.
 */
public final class SpectralEstimator {
  /** Default relative gradient tolerance. */
  public static final double DEFAULT_TOLERANCE = 1e-11;

  /** Default iteration cap. */
  public static final int DEFAULT_MAX_ITERATIONS = 100;

  private SpectralEstimator() {}

  /** Fits with the default tolerance and iteration cap. */
  public static SpectralFit fit(SpectralInstance inst, SpectralStatistics stats) {
    return fit(inst, stats, DEFAULT_TOLERANCE, DEFAULT_MAX_ITERATIONS);
  }

  /**
   * Fits Â and evaluates Rep(M̂).
   *
   * @param tolerance stop when ‖∇f‖_F ≤ tolerance · (1 + ‖Ŝ⁺‖_F ‖Â₀‖_F)
   */
  public static SpectralFit fit(
      SpectralInstance inst, SpectralStatistics stats, double tolerance, int maxIterations) {
    if (stats.dimension() != inst.dimension()) {
      throw new IllegalArgumentException(
          "statistics have d = " + stats.dimension() + " but the instance has d = " + inst.dimension());
    }
    EmpiricalLoss f = new EmpiricalLoss(stats);
    DMatrixRMaj a = start(stats, inst.k());
    double scale = 1 + CommonOps_DDRM.elementMaxAbs(stats.cross()) * normF(a);
    double value = f.value(a);
    DMatrixRMaj grad = f.gradient(a);
    double gnorm = normF(grad);
    int it = 0;
    while (gnorm > tolerance * scale && it < maxIterations) {
      DMatrixRMaj step = newtonStep(f, a, grad);
      double slope = SpectralPopulation.inner(grad, step);
      if (!(slope < 0)) {
        step = grad.copy();
        CommonOps_DDRM.scale(-1, step);
        slope = -gnorm * gnorm;
      }
      double t = 1;
      DMatrixRMaj trial = new DMatrixRMaj(a.numRows, a.numCols);
      double trialValue;
      DMatrixRMaj trialGrad;
      double trialNorm;
      double noise = 64 * Math.ulp(1 + Math.abs(value));
      while (true) {
        CommonOps_DDRM.add(a, t, step, trial);
        trialValue = f.value(trial);
        trialGrad = f.gradient(trial);
        trialNorm = normF(trialGrad);
        boolean armijo = trialValue <= value + 1e-4 * t * slope;
        // near the optimum the decrease is below the rounding of f: judge by the gradient instead
        boolean flat = Math.abs(trialValue - value) <= noise && trialNorm < gnorm;
        if (armijo || flat || t < 1e-14) {
          break;
        }
        t *= 0.5;
      }
      it++;
      if (t < 1e-14 && trialNorm >= gnorm) {
        break; // no progress possible at double precision
      }
      a = trial.copy();
      value = trialValue;
      grad = trialGrad;
      gnorm = trialNorm;
    }
    SpectralGeometry g = SpectralGeometry.of(inst);
    double excess = SpectralPopulation.loss(inst, a) - SpectralPopulation.loss(inst, g.aStar());
    return new SpectralFit(Rows.of(a), value, gnorm, it, gnorm <= tolerance * scale,
        rep(inst.sigmaDownMatrix(), g.aTarget(), a), excess);
  }

  /**
   * Rep(M̂) for x ~ N(0, Σd) and f⋆ = a⋆ᵀx: ‖Σd^{1/2}(a⋆ − Âᵀc)‖² with c = (ÂΣdÂᵀ)⁻¹ÂΣd a⋆, i.e.
   * a⋆ᵀΣd a⋆ − a⋆ᵀΣdÂᵀ(ÂΣdÂᵀ)⁺ÂΣd a⋆ computed as a residual (no cancellation).
   */
  public static double rep(SpectralInstance inst, DMatrixRMaj a) {
    SpectralGeometry g = SpectralGeometry.of(inst);
    return rep(inst.sigmaDownMatrix(), g.aTarget(), a);
  }

  static double rep(DMatrixRMaj sd, double[] target, DMatrixRMaj a) {
    int k = a.numRows;
    int d = a.numCols;
    DMatrixRMaj asd = SpectralPopulation.mult(a, sd);
    DMatrixRMaj gram = new DMatrixRMaj(k, k);
    CommonOps_DDRM.multTransB(asd, a, gram);
    DMatrixRMaj rhs = new DMatrixRMaj(k, 1);
    for (int i = 0; i < k; i++) {
      double t = 0;
      for (int b = 0; b < d; b++) {
        t += asd.get(i, b) * target[b];
      }
      rhs.set(i, 0, t);
    }
    DMatrixRMaj c = SpectralPopulation.mult(Sym.pinv(gram, 1e-14), rhs);
    double[] e = target.clone();
    for (int b = 0; b < d; b++) {
      for (int i = 0; i < k; i++) {
        e[b] -= a.get(i, b) * c.get(i, 0);
      }
    }
    double r = 0;
    for (int b = 0; b < d; b++) {
      for (int b2 = 0; b2 < d; b2++) {
        r += e[b] * sd.get(b, b2) * e[b2];
      }
    }
    return Math.max(r, 0);
  }

  /** Â₀ = Λ̂^{1/2}Ûᵀ Σ̂^{-1/2} (eigenvalues below a tiny positive floor are raised to it). */
  static DMatrixRMaj start(SpectralStatistics stats, int k) {
    int d = stats.dimension();
    DMatrixRMaj inv = SpectralGeometry.inverseSqrt(stats.second());
    SymmetricEigen c = SymmetricEigen.of(Sym.congruence(inv, stats.cross()));
    double floor = 1e-6 * Math.max(Math.abs(c.values()[0]), Double.MIN_NORMAL);
    DMatrixRMaj a = new DMatrixRMaj(k, d);
    for (int i = 0; i < k; i++) {
      double s = Math.sqrt(Math.max(c.values()[i], floor));
      for (int b = 0; b < d; b++) {
        double t = 0;
        for (int j = 0; j < d; j++) {
          t += c.vectors().get(j, i) * inv.get(j, b);
        }
        a.set(i, b, s * t);
      }
    }
    return a;
  }

  private static DMatrixRMaj newtonStep(EmpiricalLoss f, DMatrixRMaj a, DMatrixRMaj grad) {
    int q = a.getNumElements();
    DMatrixRMaj hess = f.hessian(a);
    DMatrixRMaj basis = horizontalBasis(a);
    DMatrixRMaj hb = Sym.congruence(basis, hess);
    SymmetricEigen e = SymmetricEigen.of(hb);
    double floor = 1e-10 * Math.max(Math.abs(e.values()[0]), Double.MIN_NORMAL);
    DMatrixRMaj inv = Sym.function(e, -1.0, v -> 1.0 / Math.max(Math.abs(v), floor));
    DMatrixRMaj gv = DMatrixRMaj.wrap(q, 1, grad.data.clone());
    DMatrixRMaj gb = new DMatrixRMaj(basis.numCols, 1);
    CommonOps_DDRM.multTransA(basis, gv, gb);
    DMatrixRMaj sb = SpectralPopulation.mult(inv, gb);
    DMatrixRMaj s = SpectralPopulation.mult(basis, sb);
    CommonOps_DDRM.scale(-1, s);
    return DMatrixRMaj.wrap(a.numRows, a.numCols, s.data);
  }

  /** Orthonormal basis of the complement of {vec(ΩA) : Ω skew} in R^{kd}. */
  static DMatrixRMaj horizontalBasis(DMatrixRMaj a) {
    int q = a.getNumElements();
    DMatrixRMaj orbit = SpectralGeometry.orbitBasis(a);
    if (orbit.numCols == 0) {
      return CommonOps_DDRM.identity(q);
    }
    DMatrixRMaj proj = new DMatrixRMaj(q, q);
    CommonOps_DDRM.multTransB(orbit, orbit, proj);
    SymmetricEigen e = SymmetricEigen.of(proj);
    return e.trailing(e.rank(1e-12));
  }

  private static double normF(DMatrixRMaj m) {
    return Math.sqrt(SpectralPopulation.inner(m, m));
  }
}
