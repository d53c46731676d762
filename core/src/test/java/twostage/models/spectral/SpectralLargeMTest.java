package twostage.models.spectral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import twostage.exec.SequentialRunner;
import twostage.exec.ThreadPoolRunner;
import twostage.random.Streams;
import twostage.theory.Interaction;

class SpectralLargeMTest {
  private static final int LIMIT_DRAWS = 200_000;

  /** Sorted Monte Carlo draws of Σλ_jχ²₁ (a stand-in for WeightedChiSquare, not in this tree). */
  static double[] weightedChiSquareSample(double[] weights, int n, long seed) {
    UniformRandomProvider rng = Streams.of(seed, 777);
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (double w : weights) {
        double z = g.sample();
        s += w * z * z;
      }
      out[i] = s;
    }
    Arrays.sort(out);
    return out;
  }

  /** Empirical CDF of a sorted sample. */
  static double ecdf(double[] sorted, double x) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return (double) lo / sorted.length;
  }

  private static void checkAgainstEngine(SpectralInstance inst, long m, int reps, long seed) {
    Interaction exact = SpectralLimit.exact(inst);
    double[] limit = weightedChiSquareSample(exact.weights(), LIMIT_DRAWS, seed);
    LargeMCheck check;
    try (ThreadPoolRunner runner = new ThreadPoolRunner(2)) {
      check = SpectralLargeM.check(inst, m, reps, seed, runner, x -> ecdf(limit, x));
    }
    // two-sample Kolmogorov–Smirnov at 5%: c(0.05)·sqrt((R + N)/(R·N))
    double critical = 1.358 * Math.sqrt((reps + (double) LIMIT_DRAWS) / ((double) reps * LIMIT_DRAWS));
    System.out.printf("m=%d R=%d: m·Rep mean %s (limit %.4f), KS %.4f (5%% critical %.4f), max |grad| %.1e%n",
        m, reps, check.mean(), exact.mean(), check.ksDistance(), critical, check.maxGradientNorm());
    assertThat(check.notConverged()).isZero();
    assertThat(check.ksDistance()).isLessThanOrEqualTo(critical);
    assertThat(Math.abs(check.mean().value() - exact.mean())).isLessThanOrEqualTo(3 * check.mean().stdError());
  }

  @Test
  void largeMSimulationFollowsTheEngineLawOnCorollary63() {
    checkAgainstEngine(SpectralInstance.corollary63(2, 4), 20_000, 200, 41);
  }

  @Test
  void largeMSimulationFollowsTheEngineLawOnACorrelatedInstance() {
    checkAgainstEngine(SpectralFixtures.correlated(), 20_000, 200, 43);
  }

  @Test
  void resultsDoNotDependOnTheRunner() {
    SpectralInstance inst = SpectralFixtures.correlated();
    LargeMCheck a = SpectralLargeM.check(inst, 2000, 6, 5, new SequentialRunner(), null);
    LargeMCheck b;
    try (ThreadPoolRunner runner = new ThreadPoolRunner(2)) {
      b = SpectralLargeM.check(inst, 2000, 6, 5, runner, null);
    }
    assertThat(b.scaledRisks()).containsExactly(a.scaledRisks());
    assertThat(a.ksDistance()).isNaN();
    assertThat(a.ksCritical05()).isEqualTo(1.358 / Math.sqrt(6));
  }
}
