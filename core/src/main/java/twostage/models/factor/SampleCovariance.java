package twostage.models.factor;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import twostage.linalg.Sym;

/**
 * Draws the sample second moment S_m = (1/m) Σ x_i x_iᵀ of m i.i.d. x ~ N(0, Σx) (the data are
 * centred, as in (I.3)).
 */
public final class SampleCovariance {
  private SampleCovariance() {}

  /**
   * S_m drawn directly from its Wishart law by the Bartlett decomposition: mS_m = F L Lᵀ Fᵀ with
   * F = Σx^{1/2} and L lower triangular, L_ii² ~ χ²_{m−i} (i = 0..d−1), L_ij ~ N(0, 1) for i &gt; j,
   * all independent. Costs O(d³) whatever m (m ≥ d required).
   */
  public static DMatrixRMaj wishart(UniformRandomProvider rng, DMatrixRMaj covarianceSqrt, long m) {
    int d = covarianceSqrt.numRows;
    if (m < d) {
      throw new IllegalArgumentException("m must be >= d=" + d + " for the Bartlett decomposition, got " + m);
    }
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    DMatrixRMaj l = new DMatrixRMaj(d, d);
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < i; j++) {
        l.set(i, j, g.sample());
      }
      double dof = (double) (m - i);
      // χ²_ν = Gamma(shape ν/2, scale 2)
      double chi2 = AhrensDieterMarsagliaTsangGammaSampler.of(rng, dof / 2, 2.0).sample();
      l.set(i, i, Math.sqrt(chi2));
    }
    DMatrixRMaj fl = new DMatrixRMaj(d, d);
    CommonOps_DDRM.mult(covarianceSqrt, l, fl);
    DMatrixRMaj s = new DMatrixRMaj(d, d);
    CommonOps_DDRM.multTransB(1.0 / m, fl, fl, s);
    return Sym.symmetrized(s);
  }

  /** S_m from m explicit draws x = A⋆h + µ: O(m d²), for cross-checking {@link #wishart}. */
  public static DMatrixRMaj direct(UniformRandomProvider rng, FactorModel model, int m) {
    int d = model.d();
    int k = model.k();
    double[] a = model.loading().data;
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    double[] x = new double[d];
    double[] h = new double[k];
    DMatrixRMaj s = new DMatrixRMaj(d, d);
    for (int r = 0; r < m; r++) {
      FactorSampling.drawX(g, a, d, k, h, x);
      for (int i = 0; i < d; i++) {
        for (int j = 0; j <= i; j++) {
          s.data[i * d + j] += x[i] * x[j];
        }
      }
    }
    Sym.fillUpperFromLower(s);
    CommonOps_DDRM.scale(1.0 / m, s);
    return s;
  }
}
