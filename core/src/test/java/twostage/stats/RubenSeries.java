package twostage.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * Ruben's (1962) series, a reference for Q = Σ λ_j χ²₁ that shares no code with the contour: with
 * β = min λ_j, a_j = 1 − β/λ_j and g_m = Σ a_j^m, Q ~ Σ_k c_k βχ²_{n+2k} with c_0 = Π(β/λ_j)^{1/2} and
 * c_k = (1/2k) Σ_{m=1}^{k} g_m c_{k−m}; the c_k are ≥ 0 and sum to 1, so truncation changes either tail
 * by at most 1 − Σ c_k.
 */
final class RubenSeries {
  private RubenSeries() {}

  /**
   * {cdf, survival} of Q at x, summing at most {@code terms} terms, until 1 − Σ c_k ≤ {@code stop},
   * after checking that Σ c_k is 1 within {@code massTolerance}.
   *
   * @param chiSquare for k, {cdf, survival} of βχ²_{n+2k} at x
   */
  static double[] at(double[] lambda, int terms, double stop, double massTolerance, IntFunction<double[]> chiSquare) {
    double beta = Arrays.stream(lambda).min().orElseThrow();
    double[] g = new double[terms];
    double[] c = new double[terms];
    double logC0 = 0;
    for (double l : lambda) {
      logC0 += 0.5 * Math.log(beta / l);
    }
    c[0] = Math.exp(logC0);
    for (int m = 1; m < terms; m++) {
      for (double l : lambda) {
        g[m] += Math.pow(1 - beta / l, m);
      }
    }
    double cdf = 0;
    double sf = 0;
    double mass = 0;
    for (int k = 0; k < terms && 1 - mass > stop; k++) {
      if (k > 0) {
        for (int m = 1; m <= k; m++) {
          c[k] += g[m] * c[k - m];
        }
        c[k] /= 2 * k;
      }
      double[] law = chiSquare.apply(k);
      cdf += c[k] * law[0];
      sf += c[k] * law[1];
      mass += c[k];
    }
    assertThat(mass).isCloseTo(1, offset(massTolerance));
    return new double[] {cdf, sf};
  }
}
