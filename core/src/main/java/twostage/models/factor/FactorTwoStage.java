package twostage.models.factor;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import twostage.linalg.Sym;
import twostage.simulate.FitDiagnostics;
import twostage.simulate.LearnedRepresentation;
import twostage.simulate.LinearGaussianRepresentation;
import twostage.simulate.TwoStageModel;

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
    return new LinearGaussianRepresentation(
        w, model.regressionCoefficients().data, model.covariance(), FitDiagnostics.closedForm(distance));
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
}
