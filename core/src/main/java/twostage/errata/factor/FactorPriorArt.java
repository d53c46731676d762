package twostage.errata.factor;

import java.util.ArrayList;
import java.util.List;
import twostage.theory.AsymptoticEngine;
import twostage.models.factor.FactorInstance;

/**
 * The prior-art comparison of Section 6.2: Ge et al. (2024, Thm. 4.4) beside the exact asymptotic
 * term, the paper's and the corrected closed forms, over instances with growing ‖A⋆‖ and shrinking
 * σ_min(A⋆).
 */
public final class FactorPriorArt {
  /** How each quantity scales, for printing beside the table. */
  public static final String SCALING =
      String.join(
          "\n",
          "Ge et al. (Thm 4.4, as read in Sec. 6.2): D^4 k + D^12 (D^4 + sigma_min^-4) d / alpha grows like"
              + " ||A*||^16 as ||A*|| grows and like sigma_min^-4 as sigma_min(A*) -> 0.",
          "Exact (engine) = corrected: sigma^2 k + (d-k) beta*^T (A*^T A*)^-1 (I + A*^T A*)^-1 beta* / alpha;"
              + " with A* = U S R^T, gamma = R^T beta*, the interaction is (d-k) sum_i gamma_i^2 / (s_i^2 (1+s_i^2))"
              + " / alpha: it DECAYS like ||A*||^-4 when all singular values grow, and GROWS like"
              + " gamma_min^2 sigma_min^-2 as sigma_min -> 0; sigma^2 = sigma_nu^2 + sum_i gamma_i^2/(1+s_i^2)"
              + " stays bounded.",
          "Paper Corollary 6.4 as printed: interaction (d-k) sum_i s_i^2 gamma_i^2 / (1+s_i^2) / alpha"
              + " tends to (d-k)||beta*||^2/alpha as ||A*|| grows and its weak-direction part VANISHES as"
              + " sigma_min -> 0: the opposite of the truth in both limits.",
          "The paper's 'sharper bound' (sigma_nu^2 + D^2) k + D^2 (d-k)/alpha is violated as sigma_min -> 0"
              + " (exact/sharper grows like sigma_min^-2); the corrected bound replaces D^2 (d-k) by"
              + " ||beta*||^2 (d-k) / (sigma_min^2 (1 + sigma_min^2)). Ge et al.'s bound is not contradicted.");

  private FactorPriorArt() {}

  /** One row of the comparison. */
  public static FactorPriorArtRow row(AsymptoticEngine engine, String label, FactorInstance instance, double alpha) {
    if (!(alpha > 0) || Double.isInfinite(alpha)) {
      throw new IllegalArgumentException("alpha must be finite and > 0, got " + alpha);
    }
    FactorClaims lim = FactorClaims.of(engine, instance);
    double[] s = instance.singularValues();
    double op = s[0];
    double smin = s[s.length - 1];
    double bn = 0;
    for (double v : instance.beta()) {
      bn += v * v;
    }
    bn = Math.sqrt(bn);
    int d = instance.d();
    int k = instance.k();
    double bigD = Math.max(Math.max(op, bn), 1.0);
    double d4 = Math.pow(bigD, 4);
    double ge = d4 * k + Math.pow(bigD, 12) * (d4 + Math.pow(smin, -4)) * d / alpha;
    double s2nu = instance.sigmaNu() * instance.sigmaNu();
    double paperSharper = (s2nu + bigD * bigD) * k + bigD * bigD * (d - k) / alpha;
    double correctedSharper =
        (s2nu + bn * bn / (1 + smin * smin)) * k
            + bn * bn * (d - k) / (smin * smin * (1 + smin * smin)) / alpha;
    return new FactorPriorArtRow(
        label, op, smin, bn, bigD, alpha, lim.sigmaSquared(), ge, lim.limitMean(alpha),
        lim.paperLimitMean(alpha), lim.correctedLimitMean(alpha), paperSharper, correctedSharper);
  }

  /**
   * The standard sweep: A⋆ = U diag(s) Rᵀ with β⋆ = R·(1, …, 1)/√k (unit norm, equal weight on every
   * singular direction), σν = 0.5, U and R from {@code seed}. First s = t·(1, (k−1)/k, …, 1/k) for
   * t ∈ {1, 2, 4, 8, 16} (growing ‖A⋆‖), then s = (1, …, 1, ε) for ε ∈ {1, 0.5, 0.2, 0.1, 0.05}
   * (shrinking σ_min(A⋆)).
   */
  public static List<FactorPriorArtRow> standardSweep(int d, int k, double alpha, long seed) {
    if (k < 1 || d <= k) {
      throw new IllegalArgumentException("need 1 <= k < d, got k=" + k + ", d=" + d);
    }
    AsymptoticEngine engine = new AsymptoticEngine();
    double[] gamma = new double[k];
    java.util.Arrays.fill(gamma, 1 / Math.sqrt(k));
    List<FactorPriorArtRow> rows = new ArrayList<>();
    for (double t : new double[] {1, 2, 4, 8, 16}) {
      double[] s = new double[k];
      for (int i = 0; i < k; i++) {
        s[i] = t * (k - i) / (double) k;
      }
      rows.add(row(engine, "scale t=" + t,
          FactorInstance.fromSingularValues(d, s, gamma, FactorInstance.DEFAULT_SIGMA_NU, seed), alpha));
    }
    for (double eps : new double[] {1, 0.5, 0.2, 0.1, 0.05}) {
      double[] s = new double[k];
      java.util.Arrays.fill(s, 1.0);
      s[k - 1] = eps;
      rows.add(row(engine, "sigma_min=" + eps,
          FactorInstance.fromSingularValues(d, s, gamma, FactorInstance.DEFAULT_SIGMA_NU, seed), alpha));
    }
    return rows;
  }
}
