package twostage.experiments;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import twostage.stats.Estimate;

/**
 * The estimate at one {@link GmmPoint}.
 *
 * @param point what was computed
 * @param mean E‖L(Z)‖², jackknife bias-corrected, with its standard error
 * @param plugInMean the uncorrected plug-in value
 * @param dEff rank of E[ψψᵀ] (= K(r⋆+1))
 * @param weights weights λ of ‖L(Z)‖² = Σλχ²₁: all K·d of them (direct) or the K·r⋆ intrinsic ones
 *     (reduced; the others are {@code isotropicWeights}, each repeated {@code multiplicity} times)
 * @param intrinsicPart tr(F_int⁻¹G_int) (reduced only, else null)
 * @param perDirection tr(R⁻¹A), the contribution of each isotropic direction (reduced only)
 * @param isotropicWeights eig(R^{-1/2}AR^{-1/2}) (reduced only)
 * @param multiplicity d − r⋆ (reduced only, else 0)
 * @param exactA a of E‖L‖²(d) = (a + b d)/(d + 1) at this (K, β) (reduced only)
 * @param exactB b, the limit as d → ∞ (reduced only)
 * @param seconds wall-clock time of the computation (the only field that differs between runs)
 */
public record GmmPointResult(
    GmmPoint point,
    Estimate mean,
    double plugInMean,
    int dEff,
    double[] weights,
    Estimate intrinsicPart,
    Estimate perDirection,
    double[] isotropicWeights,
    int multiplicity,
    Estimate exactA,
    Estimate exactB,
    double seconds) implements Serializable {
  /**
   * Every parameter, sample size and seed with the estimate, in the order of the {@code results.jsonl}
   * schema of {@code twostage sweep gmm} (nested maps for estimates, arrays for weights): the one
   * definition that the command line and the Spark module serialise.
   */
  public Map<String, Object> fields() {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("K", point.k());
    o.put("d", point.d());
    o.put("beta", point.beta());
    o.put("thetaNorm", point.thetaNorm());
    o.put("sigma", point.sigma());
    o.put("fisherSamples", point.fisherSamples());
    o.put("samples", point.samples());
    o.put("groups", point.groups());
    o.put("seed", point.seed());
    o.put("method", point.method().name().toLowerCase(Locale.ROOT));
    o.put("mean", mean.value());
    o.put("stdError", mean.stdError());
    o.put("plugInMean", plugInMean);
    o.put("dEff", dEff);
    o.put("seconds", seconds);
    if (intrinsicPart != null) {
      o.put("intrinsicPart", estimate(intrinsicPart));
      o.put("perDirection", estimate(perDirection));
      o.put("multiplicity", multiplicity);
      Map<String, Object> form = new LinkedHashMap<>();
      form.put("formula", "E||L||^2(d) = (a + b d)/(d + 1) at fixed K, beta");
      form.put("a", exactA.value());
      form.put("aStdError", exactA.stdError());
      form.put("b", exactB.value());
      form.put("bStdError", exactB.stdError());
      o.put("exactForm", form);
      o.put("isotropicWeights", isotropicWeights.clone());
    }
    o.put("weights", weights.clone());
    return o;
  }

  private static Map<String, Object> estimate(Estimate e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mean", e.value());
    m.put("stdError", e.stdError());
    return m;
  }
}
