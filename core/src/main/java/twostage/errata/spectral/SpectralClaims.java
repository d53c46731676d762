package twostage.errata.spectral;

import twostage.theory.EngineDiagnostics;
import twostage.errata.ClosedFormLaw;
import twostage.models.spectral.SpectralGeometry;
import twostage.models.spectral.SpectralInstance;
import twostage.models.spectral.SpectralLimit;

/**
 * Everything `twostage limit spectral` prints for one instance: the engine's exact law, the paper's
 * closed forms (as printed) and the corrected ones where they apply, and E[Q].
 *
 * @param k representation dimension
 * @param d input dimension
 * @param sigma label noise σ
 * @param dEff d_eff = k
 * @param horizontalDimension kd − k(k−1)/2
 * @param exactMean E‖L(Z)‖² = tr(VG) (exact engine)
 * @param exactWeights λ_j, largest first (exact engine)
 * @param diagnostics the engine's regularity diagnostics
 * @param paperPipeline the paper's general route (H.27)+(H.37) (any instance; null when not asked for)
 * @param paperClosedForm (H.39) as printed (null unless the instance is in the H.7 setting:
 *     diagonal, Σdown = I, top-k whitened eigenvalues first)
 * @param correctedClosedForm corrected (H.39) (null unless Σpre, Σ⁺pre, Σdown are diagonal)
 * @param excessLossExact E[Q] = ½tr(H⁻¹S) (exact engine; NaN when not asked for)
 * @param excessLossPaper (H.41) as printed (NaN unless diagonal)
 * @param excessLossCorrected corrected (H.41) (NaN unless diagonal)
 */
public record SpectralClaims(
    int k,
    int d,
    double sigma,
    int dEff,
    int horizontalDimension,
    double exactMean,
    double[] exactWeights,
    EngineDiagnostics diagnostics,
    ClosedFormLaw paperPipeline,
    ClosedFormLaw paperClosedForm,
    ClosedFormLaw correctedClosedForm,
    double excessLossExact,
    double excessLossPaper,
    double excessLossCorrected) {

  /** Computes the report, the paper's general route and E[Q] included. */
  public static SpectralClaims of(SpectralInstance inst) {
    return of(inst, true);
  }

  /**
   * Computes the report; without {@code paperRoutes} the paper's general route (H.27)+(H.37) (q² paper
   * traces) and E[Q] = ½tr(H⁺S) (O(q³)) are left out: {@code paperPipeline} is null and
   * {@code excessLossExact} NaN.
   */
  public static SpectralClaims of(SpectralInstance inst, boolean paperRoutes) {
    var exact = SpectralLimit.exact(inst);
    SpectralGeometry g = SpectralGeometry.of(inst);
    ClosedFormLaw paper = null;
    ClosedFormLaw corrected = null;
    double eqPaper = Double.NaN;
    double eqCorrected = Double.NaN;
    if (inst.isDiagonal()) {
      corrected = SpectralCorrected.weights(inst);
      eqPaper = SpectralPaper.excessLossMean(inst);
      eqCorrected = SpectralCorrected.excessLossMean(inst);
      try {
        paper = SpectralPaper.weights(inst);
      } catch (IllegalArgumentException outsideH7) {
        paper = null;
      }
    }
    return new SpectralClaims(inst.k(), inst.dimension(), inst.sigma(), exact.dEff(),
        exact.horizontalDimension(), exact.mean(), exact.weights(), exact.diagnostics(),
        paperRoutes ? SpectralPaper.pipeline(g) : null, paper, corrected,
        paperRoutes ? SpectralLimit.excessLossMean(inst) : Double.NaN, eqPaper, eqCorrected);
  }
}
