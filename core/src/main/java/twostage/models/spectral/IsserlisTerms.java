package twostage.models.spectral;

import static twostage.models.spectral.SpectralPopulation.mult;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The d×d matrices of the Isserlis form of the score covariance S at A⋆ (docs/spectral-structured.md),
 * shared by the structured form ({@link SpectralExact#scoreCovariance}) and the trace-by-trace reference.
 *
 * @param sigma Σ = Σpre
 * @param plus Σ⁺
 * @param m M⋆
 * @param w W = ΣM⋆Σ
 * @param q Q = M⋆ΣM⋆
 * @param trQSigma tr(QΣ)
 */
record IsserlisTerms(
    DMatrixRMaj sigma, DMatrixRMaj plus, DMatrixRMaj m, DMatrixRMaj w, DMatrixRMaj q, double trQSigma) {

  /** The terms at the instance's A⋆. */
  static IsserlisTerms of(SpectralGeometry g) {
    SpectralInstance inst = g.instance();
    DMatrixRMaj sigma = inst.sigmaPreMatrix();
    DMatrixRMaj m = g.mStar();
    DMatrixRMaj q = mult(mult(m, sigma), m);
    return new IsserlisTerms(sigma, inst.sigmaPlusMatrix(), m, mult(mult(sigma, m), sigma), q,
        CommonOps_DDRM.trace(mult(q, sigma)));
  }
}
