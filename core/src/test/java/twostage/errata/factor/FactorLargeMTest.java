package twostage.errata.factor;

import twostage.stats.Kolmogorov;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import twostage.exec.SequentialRunner;
import twostage.exec.ThreadPoolRunner;
import twostage.random.Streams;
import twostage.models.factor.FactorInstance;
import twostage.models.factor.FactorTestInstances;

/** The arbiter: m·Rep(M̂_m) of the PPCA estimator at m = 10⁶ against the engine's law. */
class FactorLargeMTest {
  private static final long M = 1_000_000;
  private static final int R = 2000;
  /** 5% family-wise over the four instances (Bonferroni). */
  private static final double LEVEL = 0.05 / 4;

  @Test
  void largeMSimulationFollowsTheEngineLawAndRejectsThePrintedOne() {
    try (ThreadPoolRunner runner = new ThreadPoolRunner(2)) {
      for (FactorInstance inst : FactorTestInstances.all()) {
        FactorClaims lim = FactorClaims.of(inst);
        // the engine's weights are d − k equal values (checked to 1e-9 against the corrected form),
        // so its law Σλ_jχ²₁ has the scaled chi-square CDF of the corrected closed form
        assertThat(lim.correctedWeightError()).isLessThan(1e-9);
        LargeMResult r = LargeMCheck.run(inst, M, R, 99, runner, lim.corrected()::cdf);
        double crit = Kolmogorov.criticalValue(R, LEVEL);
        assertThat(r.ksDistance()).as("KS vs engine law, d=%d k=%d", inst.d(), inst.k()).isLessThan(crit);
        assertThat(Math.abs(r.mean().value() - lim.exact().mean())).isLessThan(3 * r.mean().stdError());
        assertThat(r.truncationBinds()).isZero();
        assertThat(r.ksCritical5()).isCloseTo(1.358 / Math.sqrt(R), org.assertj.core.api.Assertions.within(1e-3));
        if (lim.paperWeightError() > 0.5) {
          assertThat(Kolmogorov.distance(r.scaledRep(), lim.paper()::cdf))
              .as("printed Corollary 6.4 rejected, d=%d k=%d", inst.d(), inst.k())
              .isGreaterThan(crit);
        }
      }
    }
  }

  @Test
  void twoSampleAgainstASampleOfTheWeightedChiSquare() {
    // generic route that does not use the equal-weight structure: draw Σλ_j Z_j² with the engine's λ
    FactorInstance inst = FactorTestInstances.unequal();
    double[] lambda = FactorClaims.of(inst).exact().weights();
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(Streams.of(7));
    double[] limit = new double[4 * R];
    for (int i = 0; i < limit.length; i++) {
      double s = 0;
      for (double l : lambda) {
        double z = g.sample();
        s += l * z * z;
      }
      limit[i] = s;
    }
    LargeMResult r = LargeMCheck.run(inst, M, R, 17, new SequentialRunner(), null);
    assertThat(r.ksDistance()).isNaN();
    assertThat(Kolmogorov.twoSampleDistance(r.scaledRep(), limit))
        .isLessThan(Kolmogorov.twoSampleCriticalValue(R, limit.length, 0.05));
  }

  @Test
  void replicatesArePureFunctionsOfTheSeed() {
    FactorInstance inst = FactorTestInstances.small();
    LargeMResult a = LargeMCheck.run(inst, M, 50, 3, new SequentialRunner(), null);
    try (ThreadPoolRunner runner = new ThreadPoolRunner(2)) {
      LargeMResult b = LargeMCheck.run(inst, M, 50, 3, runner, null);
      assertThat(b.scaledRep()).isEqualTo(a.scaledRep());
    }
  }

  @Test
  void checkBundlesEngineLawAndPrintedLaw() {
    FactorCheckResult c = FactorCheck.run(FactorTestInstances.single(), M, R, 23, new SequentialRunner());
    assertThat(c.engineLaw().degreesOfFreedom()).isEqualTo(3);
    assertThat(c.engineLaw().mean()).isCloseTo(c.limit().exact().mean(), org.assertj.core.api.Assertions.within(1e-12));
    assertThat(c.sample().ksDistance()).isLessThan(Kolmogorov.criticalValue(R, 0.05));
    assertThat(c.ksPaper()).isGreaterThan(Kolmogorov.criticalValue(R, 0.05));
    assertThat(Math.abs(c.meanZ())).isLessThan(3);
  }

  @Test
  void extremeConditioningAtLargerM() {
    // eigengap 0.01: m = 10⁸ (still O(d³) per replicate thanks to the Bartlett decomposition)
    FactorCheckResult c = FactorCheck.run(FactorTestInstances.extreme(), 100_000_000L, R, 31, new SequentialRunner());
    assertThat(c.sample().ksDistance()).isLessThan(Kolmogorov.criticalValue(R, 0.05));
    assertThat(Math.abs(c.meanZ())).isLessThan(3);
    assertThat(c.ksPaper()).isGreaterThan(0.5);
  }
}
