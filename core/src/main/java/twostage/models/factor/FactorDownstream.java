package twostage.models.factor;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import twostage.linalg.Sym;
import twostage.theory.DownstreamMoments;
import twostage.theory.DownstreamSampler;

/**
 * The downstream side of the factor model at A⋆, x ~ N(0, Σx) from the same factor model.
 *
 * <p>Features ψ(x, A) = Aᵀ(I + AAᵀ)⁻¹x (Section 6.2) and θ⋆ = β⋆. Differentiating
 * ⟨β⋆, ψ(x, A)⟩ in the direction E at A⋆ gives β⋆ᵀEᵀBx − β⋆ᵀA⋆ᵀB(EA⋆ᵀ + A⋆Eᵀ)Bx, i.e. with
 * ξ = Bx, w⋆ = BA⋆β⋆ and b = (I + A⋆ᵀA⋆)⁻¹β⋆:
 * J_ij(x) = ξ_i b_j − w⋆_i ψ_j(x), ψ = A⋆ᵀξ. Both are linear in ξ ~ N(0, B): ψ = A⋆ᵀξ, J = Tξ with
 * T[(i,j), l] = δ_il b_j − w⋆_i A⋆_lj, so Σψ = A⋆ᵀBA⋆, C = A⋆ᵀBTᵀ and E[JJᵀ] = TBTᵀ exactly.
 */
public final class FactorDownstream {
  private FactorDownstream() {}

  /** The matrix T (dk×d) with J(x) = T Σx⁻¹ x. */
  public static DMatrixRMaj jacobianMap(FactorModel model) {
    int d = model.d();
    int k = model.k();
    DMatrixRMaj a = model.loading();
    DMatrixRMaj w = model.regressionCoefficients();
    DMatrixRMaj b = model.residualFactorWeights();
    DMatrixRMaj t = new DMatrixRMaj(d * k, d);
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < k; j++) {
        int r = i * k + j;
        for (int l = 0; l < d; l++) {
          t.unsafe_set(r, l, (i == l ? b.get(j) : 0.0) - w.get(i) * a.get(l, j));
        }
      }
    }
    return t;
  }

  /** Exact Σψ, C and E[JJᵀ] for Gaussian x. */
  public static DownstreamMoments moments(FactorModel model) {
    DMatrixRMaj bb = model.precision();
    DMatrixRMaj a = model.loading();
    DMatrixRMaj t = jacobianMap(model);
    DMatrixRMaj ba = model.precisionTimesLoading();
    DMatrixRMaj sigmaPsi = new DMatrixRMaj(model.k(), model.k());
    CommonOps_DDRM.multTransA(a, ba, sigmaPsi);
    DMatrixRMaj bt = new DMatrixRMaj(model.d(), t.numRows);
    CommonOps_DDRM.multTransB(bb, t, bt);
    DMatrixRMaj cross = new DMatrixRMaj(model.k(), t.numRows);
    CommonOps_DDRM.multTransA(a, bt, cross);
    DMatrixRMaj jj = new DMatrixRMaj(t.numRows, t.numRows);
    CommonOps_DDRM.mult(t, bt, jj);
    return new DownstreamMoments(Sym.symmetrized(sigmaPsi), cross, Sym.symmetrized(jj));
  }

  /** Per-sample ψ(x, A⋆) and J(x) for x drawn from the factor model. */
  public static DownstreamSampler sampler(FactorModel model) {
    return new Sampler(model);
  }

  private static final class Sampler implements DownstreamSampler {
    private final int d;
    private final int k;
    private final double[] a;
    private final double[] bMat;
    private final double[] w;
    private final double[] b;

    Sampler(FactorModel model) {
      d = model.d();
      k = model.k();
      a = model.loading().data;
      bMat = model.precision().data;
      w = model.regressionCoefficients().data;
      b = model.residualFactorWeights().data;
    }

    @Override
    public int featureDimension() {
      return k;
    }

    @Override
    public int parameterDimension() {
      return d * k;
    }

    @Override
    public void sample(UniformRandomProvider rng, int count, double[] features, double[] jacobians) {
      ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
      double[] x = new double[d];
      double[] xi = new double[d];
      double[] h = new double[k];
      double[] psi = new double[k];
      int q = d * k;
      for (int s = 0; s < count; s++) {
        FactorSampling.drawX(g, a, d, k, h, x);
        evaluate(x, features, s * k, jacobians, s * q, xi, psi);
      }
    }

    /** ψ = A⋆ᵀBx at features[fo..] and J_ij = (Bx)_i b_j − w⋆_i ψ_j at jacobians[jo..]. */
    void evaluate(
        double[] x, double[] features, int fo, double[] jacobians, int jo, double[] xi, double[] psi) {
      FactorSampling.multiply(bMat, d, d, x, xi);
      FactorSampling.multiplyTransposed(a, d, k, xi, psi);
      System.arraycopy(psi, 0, features, fo, k);
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < k; j++) {
          jacobians[jo + i * k + j] = xi[i] * b[j] - w[i] * psi[j];
        }
      }
    }
  }

  /** {ψ(x, A⋆), J(x)} at one point x (the formulas the sampler uses). */
  static double[][] evaluate(FactorModel model, double[] x) {
    double[] psi = new double[model.k()];
    double[] jac = new double[model.d() * model.k()];
    new Sampler(model).evaluate(x, psi, 0, jac, 0, new double[model.d()], new double[model.k()]);
    return new double[][] {psi, jac};
  }
}
