package twostage.spi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import twostage.theory.LimitInputs;

/**
 * The plug-in inputs of Theorem 5.1 estimated from data (docs/data.md): the engine's moments at the
 * fitted parameter ŵ and the estimated readout θ̂, with σ̂² from the least-squares residuals.
 *
 * @param inputs Ĥ, Ŝ (pre-training), Σ̂ψ, Ĉ, Ê[JJᵀ] (labeled rows, J = ∇_w⟨θ̂, ψ(x, w)⟩ at ŵ) and the
 *     orbit tangent at ŵ
 * @param sigma2 σ̂² = RSS/(n − p)
 * @param theta θ̂, the least-squares readout
 * @param maximumLikelihood the loss is declared a negative log-likelihood (then Ĥ ≈ Ŝ unless the model
 *     is misspecified: the information-matrix check)
 * @param fit what people read about the fit (eigenvalues, eigengaps, EM passes, ...), in display order
 * @param warnings assumption checks that failed without making the estimate impossible
 * @param readoutNoise the downstream moments at the readouts v_c with Σ_c v_cv_cᵀ = Cov(θ̂)
 *     ({@code LeastSquares#noiseDirections}): G is quadratic in the readout, so the plug-in Ĝ at θ̂ is
 *     biased upward by Σ_c G(v_c), which the estimate subtracts (docs/data.md)
 */
public record PlugIn(
    LimitInputs inputs, double sigma2, double[] theta, boolean maximumLikelihood, Map<String, Object> fit,
    List<String> warnings, List<twostage.theory.DownstreamMoments> readoutNoise) {

  public PlugIn {
    readoutNoise = List.copyOf(readoutNoise);
    fit = new LinkedHashMap<>(fit);
    warnings = List.copyOf(warnings);
  }
}
