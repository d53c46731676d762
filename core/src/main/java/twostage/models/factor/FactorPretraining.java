package twostage.models.factor;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import twostage.theory.PretrainingMoments;
import twostage.theory.ScoreSampler;

/**
 * The pre-training side of the factor model in representative coordinates w = vec(A) ∈ R^{dk}
 * (row-major: coordinate i·k + j is A_ij), at A = A⋆.
 *
 * <p>Loss (Section 6.2, (I.3)): ℓ(A; x) = ½ log det Σ(A) + ½ xᵀΣ(A)⁻¹x with Σ(A) = I + AAᵀ, the
 * Gaussian negative log-likelihood up to a constant, so the estimator is an MLE and H = S = Fisher.
 * With B = Σx⁻¹ and a direction E: dΣ = EA⋆ᵀ + A⋆Eᵀ, Fisher[E, E'] = ½ tr(B dΣ B dΣ'), i.e.
 * F[(i,j),(l,m)] = (BA⋆)_im (BA⋆)_lj + B_il (A⋆ᵀBA⋆)_jm; the per-sample score is
 * ∇_A ℓ = (B − Bxxᵀ B)A⋆, i.e. s_ij = (BA⋆)_ij − (Bx)_i (A⋆ᵀBx)_j.
 *
 * <p>O(k) acts by A → AQ, so the orbit tangent is {A⋆Ω : Ω skew}, k(k−1)/2 directions, which is
 * the null space of the Fisher matrix.
 */
public final class FactorPretraining {
  private FactorPretraining() {}

  /** The exact Fisher information (dk×dk) of N(0, I + AAᵀ) in vec(A) at A⋆. */
  public static DMatrixRMaj fisher(FactorModel model) {
    int d = model.d();
    int k = model.k();
    DMatrixRMaj ba = model.precisionTimesLoading();
    DMatrixRMaj bb = model.precision();
    DMatrixRMaj atba = new DMatrixRMaj(k, k);
    CommonOps_DDRM.multTransA(model.loading(), ba, atba);
    int q = d * k;
    DMatrixRMaj f = new DMatrixRMaj(q, q);
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < k; j++) {
        int r = i * k + j;
        for (int l = 0; l < d; l++) {
          for (int m = 0; m < k; m++) {
            // ½ tr(B dΣ_ij B dΣ_lm), dΣ_ij = e_i a_jᵀ + a_j e_iᵀ (derivative of (I.3) twice)
            f.unsafe_set(r, l * k + m, ba.get(i, m) * ba.get(l, j) + bb.get(i, l) * atba.get(j, m));
          }
        }
      }
    }
    return f;
  }

  /** H = S = Fisher information: the loss is a well-specified negative log-likelihood. */
  public static PretrainingMoments moments(FactorModel model) {
    return PretrainingMoments.fisher(fisher(model));
  }

  /**
   * The orbit tangent at A⋆: column (a, b), a &lt; b, is vec(A⋆(e_a e_bᵀ − e_b e_aᵀ)); dk × k(k−1)/2.
   */
  public static DMatrixRMaj orbitBasis(FactorModel model) {
    int d = model.d();
    int k = model.k();
    DMatrixRMaj a = model.loading();
    DMatrixRMaj o = new DMatrixRMaj(d * k, k * (k - 1) / 2);
    int c = 0;
    for (int p = 0; p < k; p++) {
      for (int r = p + 1; r < k; r++) {
        for (int i = 0; i < d; i++) {
          o.set(i * k + r, c, a.get(i, p)); // column r of A⋆Ω is a_p
          o.set(i * k + p, c, -a.get(i, r)); // column p of A⋆Ω is −a_r
        }
        c++;
      }
    }
    return o;
  }

  /** Per-sample scores at A⋆ for x ~ N(0, Σx) drawn as x = A⋆h + µ. */
  public static ScoreSampler scoreSampler(FactorModel model) {
    return new Sampler(model);
  }

  /**
   * The same loss treated as a general M-estimator: scores plus per-sample Hessians, so H and S are
   * estimated separately and V = H⁻¹SH⁻¹ (checks that the constant factors of H and S agree). With
   * ξ = Bx, η = A⋆ᵀξ, G = BA⋆, K = A⋆ᵀBA⋆, the per-sample Hessian of ℓ in vec(A) is
   * ∇²ℓ[(i,j),(l,m)] = −F[(i,j),(l,m)] + δ_jm B_il + B_li η_m η_j + G_lj η_m ξ_i + G_im ξ_l η_j
   * + K_mj ξ_l ξ_i − δ_jm ξ_i ξ_l, whose mean is the Fisher matrix F.
   */
  public static ScoreSampler mEstimatorSampler(FactorModel model) {
    return new HessianSampler(model);
  }

  private static final class HessianSampler implements ScoreSampler {
    private final Sampler scores;
    private final int d;
    private final int k;
    private final double[] fisher;
    private final double[] bMat;
    private final double[] g;
    private final double[] kMat;

    HessianSampler(FactorModel model) {
      scores = new Sampler(model);
      d = model.d();
      k = model.k();
      fisher = fisher(model).data;
      bMat = model.precision().data;
      g = model.precisionTimesLoading().data;
      DMatrixRMaj kk = new DMatrixRMaj(k, k);
      CommonOps_DDRM.multTransA(model.loading(), model.precisionTimesLoading(), kk);
      kMat = kk.data;
    }

    @Override
    public int parameterDimension() {
      return d * k;
    }

    @Override
    public boolean isMaximumLikelihood() {
      return false;
    }

    @Override
    public void sample(UniformRandomProvider rng, int count, double[] out, double[] hessianSum) {
      ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
      double[] x = new double[d];
      double[] xi = new double[d];
      double[] eta = new double[k];
      double[] h = new double[k];
      int q = d * k;
      for (int s = 0; s < count; s++) {
        FactorSampling.drawX(gauss, scores.a, d, k, h, x);
        scores.scoreAt(x, out, s * q, xi, eta); // leaves ξ = Bx in xi and η = A⋆ᵀξ in eta
        if (hessianSum == null) {
          continue;
        }
        for (int i = 0; i < d; i++) {
          for (int j = 0; j < k; j++) {
            int r = (i * k + j) * q;
            for (int l = 0; l < d; l++) {
              for (int m = 0; m < k; m++) {
                double v = -fisher[r + l * k + m]
                    + bMat[l * d + i] * eta[m] * eta[j]
                    + g[l * k + j] * eta[m] * xi[i]
                    + g[i * k + m] * xi[l] * eta[j]
                    + kMat[m * k + j] * xi[l] * xi[i];
                if (j == m) {
                  v += bMat[i * d + l] - xi[i] * xi[l];
                }
                hessianSum[r + l * k + m] += v;
              }
            }
          }
        }
      }
    }
  }

  private static final class Sampler implements ScoreSampler {
    private final int d;
    private final int k;
    private final double[] a;
    private final double[] bMat;
    private final double[] ba;

    Sampler(FactorModel model) {
      d = model.d();
      k = model.k();
      a = model.loading().data;
      bMat = model.precision().data;
      ba = model.precisionTimesLoading().data;
    }

    @Override
    public int parameterDimension() {
      return d * k;
    }

    @Override
    public boolean isMaximumLikelihood() {
      return true;
    }

    @Override
    public void sample(UniformRandomProvider rng, int count, double[] scores, double[] hessianSum) {
      ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
      double[] x = new double[d];
      double[] bx = new double[d];
      double[] atbx = new double[k];
      double[] h = new double[k];
      int q = d * k;
      for (int s = 0; s < count; s++) {
        FactorSampling.drawX(g, a, d, k, h, x);
        scoreAt(x, scores, s * q, bx, atbx);
      }
    }

    /** s_ij = (BA⋆)_ij − (Bx)_i (A⋆ᵀBx)_j written at {@code out[offset..]}; bx, atbx are scratch. */
    void scoreAt(double[] x, double[] out, int offset, double[] bx, double[] atbx) {
      FactorSampling.multiply(bMat, d, d, x, bx);
      FactorSampling.multiplyTransposed(a, d, k, bx, atbx);
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < k; j++) {
          out[offset + i * k + j] = ba[i * k + j] - bx[i] * atbx[j];
        }
      }
    }
  }

  /** The score ∇_{vec A} ℓ(A⋆; x) at one point x (the formula the sampler uses). */
  static double[] score(FactorModel model, double[] x) {
    double[] out = new double[model.d() * model.k()];
    new Sampler(model).scoreAt(x, out, 0, new double[model.d()], new double[model.k()]);
    return out;
  }
}
