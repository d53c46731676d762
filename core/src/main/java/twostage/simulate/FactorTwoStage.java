package twostage.simulate;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import twostage.linalg.Sym;
import twostage.models.factor.FactorInstance;
import twostage.models.factor.FactorModel;
import twostage.models.factor.Ppca;
import twostage.models.factor.PpcaFit;
import twostage.models.factor.SampleCovariance;
import twostage.stats.Estimate;

/**
 * The factor model (Section 6.2, Appendix I) in the simulator: PPCA on m draws of x ~ N(0, Σx)
 * (Lemma I.1; S_m drawn from its Wishart law when m ≥ d), features ψ(x, Â) = Ŵx with
 * Ŵ = Âᵀ(I + ÂÂᵀ)⁻¹ = diag(√g/(1 + g)) U_kᵀ, g = (λ − 1)₊ (I.4), target f⋆(x) = w⋆ᵀx.
 *
 * <p>Everything downstream is Gaussian and linear: v = (Ŵx, w⋆ᵀx) ~ N(0, C) with
 * C = [Ŵ; w⋆ᵀ] Σx [Ŵ; w⋆ᵀ]ᵀ, so Σ and E[f⋆φ] are blocks of C (exact), the design is n draws of v
 * (the same law as n draws of x), and Rep = rᵀΣx r with r = w⋆ − Ŵᵀa (exact, no cancellation).
 * σ² = σν² + β⋆ᵀ(I_k + A⋆ᵀA⋆)⁻¹β⋆ ({@link FactorModel#sigmaSquared()}).
 */
public final class FactorTwoStage implements TwoStageModel {
  private final FactorModel model;
  private final DMatrixRMaj covarianceSqrt;
  private final DMatrixRMaj descriptor;

  /** The model for {@code instance}. */
  public FactorTwoStage(FactorInstance instance) {
    this.model = FactorModel.of(instance);
    this.covarianceSqrt = Sym.sqrtPsd(model.covariance());
    this.descriptor = new DMatrixRMaj(model.d(), model.d());
    CommonOps_DDRM.multTransB(model.loading(), model.loading(), descriptor);
  }

  /** The population quantities. */
  public FactorModel model() {
    return model;
  }

  @Override
  public String name() {
    return "factor";
  }

  @Override
  public int featureDimension() {
    return model.k();
  }

  @Override
  public double noiseVariance() {
    return model.sigmaSquared();
  }

  @Override
  public LearnedRepresentation pretrain(UniformRandomProvider rng, int m) {
    DMatrixRMaj s = m >= model.d()
        ? SampleCovariance.wishart(rng, covarianceSqrt, m)
        : SampleCovariance.direct(rng, model, m);
    PpcaFit fit = Ppca.fit(s, model.k());
    DMatrixRMaj w = featureMatrix(fit);
    DMatrixRMaj diff = fit.descriptor().copy();
    CommonOps_DDRM.subtractEquals(diff, descriptor);
    double distance = NormOps_DDRM.normF(diff) / NormOps_DDRM.normF(descriptor);
    return new Learned(model, w, FitDiagnostics.closedForm(distance));
  }

  /** Ŵ (k×d) = diag(√g/(1 + g)) U_kᵀ with g = (λ − 1)₊: rows with λ ≤ 1 are zero. */
  public static DMatrixRMaj featureMatrix(PpcaFit fit) {
    DMatrixRMaj u = fit.leadingVectors();
    int d = u.numRows;
    int k = u.numCols;
    DMatrixRMaj w = new DMatrixRMaj(k, d);
    for (int j = 0; j < k; j++) {
      double g = Math.max(fit.eigenvalues()[j] - 1, 0);
      double c = Math.sqrt(g) / (1 + g);
      for (int i = 0; i < d; i++) {
        w.set(j, i, c * u.get(i, j));
      }
    }
    return w;
  }

  /** The learned linear features φ = Ŵx with exact Gaussian moments. */
  static final class Learned implements LearnedRepresentation {
    private final FactorModel model;
    private final DMatrixRMaj w;
    private final FitDiagnostics diagnostics;
    private final DMatrixRMaj joint;
    private final DMatrixRMaj jointSqrt;

    Learned(FactorModel model, DMatrixRMaj w, FitDiagnostics diagnostics) {
      this.model = model;
      this.w = w;
      this.diagnostics = diagnostics;
      int k = w.numRows;
      int d = w.numCols;
      DMatrixRMaj rows = new DMatrixRMaj(k + 1, d);
      CommonOps_DDRM.insert(w, rows, 0, 0);
      DMatrixRMaj ws = model.regressionCoefficients();
      for (int i = 0; i < d; i++) {
        rows.set(k, i, ws.get(i));
      }
      this.joint = Sym.congruence(transpose(rows), model.covariance());
      this.jointSqrt = Sym.sqrtPsd(joint);
    }

    /** Ŵ (k×d). */
    DMatrixRMaj featureMatrix() {
      return w;
    }

    @Override
    public FitDiagnostics diagnostics() {
      return diagnostics;
    }

    @Override
    public DesignMoments design(UniformRandomProvider rng, int n) {
      int k = w.numRows;
      int p1 = k + 1;
      ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
      double[] z = new double[p1];
      double[] v = new double[p1];
      double[] gram = new double[k * k];
      double[] cross = new double[k];
      for (int s = 0; s < n; s++) {
        for (int i = 0; i < p1; i++) {
          z[i] = g.sample();
        }
        for (int i = 0; i < p1; i++) {
          double t = 0;
          for (int j = 0; j < p1; j++) {
            t += jointSqrt.unsafe_get(i, j) * z[j];
          }
          v[i] = t;
        }
        for (int i = 0; i < k; i++) {
          for (int j = 0; j < k; j++) {
            gram[i * k + j] += v[i] * v[j];
          }
          cross[i] += v[i] * v[k];
        }
      }
      for (int i = 0; i < k * k; i++) {
        gram[i] /= n;
      }
      for (int i = 0; i < k; i++) {
        cross[i] /= n;
      }
      return new DesignMoments(new DMatrixRMaj(k, k, true, gram), cross, n);
    }

    @Override
    public PopulationMoments population(UniformRandomProvider rng) {
      int k = w.numRows;
      DMatrixRMaj sigma = new DMatrixRMaj(k, k);
      CommonOps_DDRM.extract(joint, 0, k, 0, k, sigma, 0, 0);
      double[] c = new double[k];
      for (int i = 0; i < k; i++) {
        c[i] = joint.get(i, k);
      }
      double[] a = Moments.solve(sigma, c);
      DMatrixRMaj r = model.regressionCoefficients();
      for (int i = 0; i < w.numCols; i++) {
        double s = 0;
        for (int j = 0; j < k; j++) {
          s += w.get(j, i) * a[j];
        }
        r.set(i, r.get(i) - s);
      }
      DMatrixRMaj cov = model.covariance();
      double rep = 0;
      for (int i = 0; i < r.numRows; i++) {
        for (int j = 0; j < r.numRows; j++) {
          rep += r.get(i) * cov.get(i, j) * r.get(j);
        }
      }
      return new PopulationMoments(sigma, a, Estimate.exact(Math.max(rep, 0)), 0);
    }

    private static DMatrixRMaj transpose(DMatrixRMaj a) {
      DMatrixRMaj t = new DMatrixRMaj(a.numCols, a.numRows);
      CommonOps_DDRM.transpose(a, t);
      return t;
    }
  }
}
