package twostage.models.spectral;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import twostage.simulate.FitDiagnostics;
import twostage.simulate.LearnedRepresentation;
import twostage.simulate.LinearGaussianRepresentation;
import twostage.simulate.TwoStageModel;

/**
 * The linear spectral case study (Section 6.1, Appendix H) in the simulator: m triples (x, x⁺, x⁻),
 * the empirical minimiser Â of the spectral loss ({@link SpectralEstimator}, Newton on the horizontal
 * space from a moment-based start), features φ = Âx, target f⋆ = a⋆ᵀx, downstream x ~ N(0, Σdown).
 * Linear and Gaussian, so every population quantity is exact ({@link LinearGaussianRepresentation}).
 */
public final class SpectralTwoStage implements TwoStageModel {
  private final SpectralInstance instance;
  private final SpectralGeometry geometry;
  private final DMatrixRMaj sigmaDown;

  /** The model for {@code instance}. */
  public SpectralTwoStage(SpectralInstance instance) {
    this.instance = instance;
    this.geometry = SpectralGeometry.of(instance);
    this.sigmaDown = new DMatrixRMaj(instance.sigmaDown());
  }

  /** The instance. */
  public SpectralInstance instance() {
    return instance;
  }

  @Override
  public String name() {
    return "spectral";
  }

  @Override
  public int featureDimension() {
    return instance.k();
  }

  @Override
  public double noiseVariance() {
    return instance.sigma() * instance.sigma();
  }

  @Override
  public LearnedRepresentation pretrain(UniformRandomProvider rng, int m) {
    SpectralFit fit = SpectralEstimator.fit(instance, SpectralStatistics.sample(instance, m, rng));
    DMatrixRMaj a = new DMatrixRMaj(fit.a());
    DMatrixRMaj mHat = new DMatrixRMaj(a.numCols, a.numCols);
    CommonOps_DDRM.multTransA(a, a, mHat);
    DMatrixRMaj diff = mHat.copy();
    CommonOps_DDRM.subtractEquals(diff, geometry.mStar());
    double distance = NormOps_DDRM.normF(diff) / NormOps_DDRM.normF(geometry.mStar());
    FitDiagnostics diag = new FitDiagnostics(fit.converged(), false, distance, fit.iterations());
    return new LinearGaussianRepresentation(a, geometry.aTarget(), sigmaDown, diag);
  }
}
