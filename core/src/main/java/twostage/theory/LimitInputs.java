package twostage.theory;

import org.ejml.data.DMatrixRMaj;

/**
 * What the {@link AsymptoticEngine} needs at one instance: the pre-training moments H and S, the
 * downstream moments Σψ, C = E[ψJᵀ] and E[JJᵀ], and a basis of the orbit tangent (null when the group
 * is discrete). A model with exact moments can hand them out, e.g. to export them as CSV files.
 *
 * @param pretraining H and S
 * @param downstream Σψ, C and E[JJᵀ]
 * @param orbit q×o orbit basis, or null
 */
public record LimitInputs(PretrainingMoments pretraining, DownstreamMoments downstream, DMatrixRMaj orbit) {

  /** The engine's interaction. */
  public Interaction evaluate(AsymptoticEngine engine) {
    return engine.evaluate(pretraining, downstream, orbit);
  }
}
