package twostage.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Map;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import twostage.errata.PaperClaims;
import twostage.errata.factor.FactorClaims;
import twostage.models.factor.FactorCaseStudy;
import twostage.models.factor.FactorInstance;
import twostage.models.factor.FactorTestInstances;
import twostage.models.spectral.SpectralCaseStudy;
import twostage.models.spectral.SpectralFixtures;
import twostage.models.spectral.SpectralInstance;
import twostage.random.Streams;
import twostage.stats.Kolmogorov;

/**
 * The arbiter of the closed forms: the estimators themselves simulated at large m (the generic large-m
 * study) follow the engine's law and reject the paper's printed laws.
 */
class LargeMStudyTest {
  private static ModelSpec factor(FactorInstance inst) {
    return ModelSpec.of(Models.registry().get("factor"), Map.of(),
        new FactorCaseStudy.Instance(inst, Map.of("source", "test")).toFile(), "test");
  }

  private static ModelSpec spectral(SpectralInstance inst) {
    return ModelSpec.of(Models.registry().get("spectral"), Map.of(),
        new SpectralCaseStudy.Instance(inst, "test").toFile(), "test");
  }

  private static LargeMStudy.Result run(ModelSpec m, long size, int reps, long seed, int threads) {
    try (LocalExecutor ex = new LocalExecutor(threads)) {
      return LargeMStudy.run(new LargeMSpec(m, size, reps, seed), null, ex, Progress.NONE);
    }
  }

  @Test
  void ppcaAtLargeMFollowsTheEngineLawAndRejectsCorollary64AsPrinted() {
    int r = 2000;
    double crit = Kolmogorov.criticalValue(r, 0.05 / 4); // 5% family-wise over four instances
    for (FactorInstance inst : FactorTestInstances.all()) {
      FactorClaims claims = FactorClaims.of(inst);
      LargeMStudy.Result res = run(factor(inst), 1_000_000, r, 99, 2);
      assertThat(res.ks()).as("KS vs engine law, d=%d k=%d", inst.d(), inst.k()).isLessThan(crit);
      assertThat(Math.abs(res.mean().value() - claims.exact().mean())).isLessThan(3 * res.mean().stdError());
      assertThat(res.statistics().get("truncationBinds").value()).isZero();
      assertThat(res.ksCritical5()).isCloseTo(1.358 / Math.sqrt(r), within(1e-3));
      if (claims.paperWeightError() > 0.5) {
        double[] sorted = res.scaledRep().clone();
        Arrays.sort(sorted);
        assertThat(Kolmogorov.distance(sorted, claims.paper()::cdf))
            .as("printed Corollary 6.4 rejected, d=%d k=%d", inst.d(), inst.k()).isGreaterThan(crit);
      }
    }
  }

  @Test
  void aTwoSampleTestAgainstDrawsOfTheWeightedChiSquareAgrees() {
    // a route that does not use the law's CDF: draw Σλ_j Z_j² with the engine's λ
    FactorInstance inst = FactorTestInstances.unequal();
    int r = 2000;
    double[] lambda = FactorClaims.of(inst).exact().weights();
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(Streams.of(7));
    double[] limit = new double[4 * r];
    for (int i = 0; i < limit.length; i++) {
      double s = 0;
      for (double l : lambda) {
        double z = g.sample();
        s += l * z * z;
      }
      limit[i] = s;
    }
    LargeMStudy.Result res = run(factor(inst), 1_000_000, r, 17, 1);
    assertThat(Kolmogorov.twoSampleDistance(res.scaledRep(), limit))
        .isLessThan(Kolmogorov.twoSampleCriticalValue(r, limit.length, 0.05));
  }

  @Test
  void extremeConditioningAtM1e8() {
    // eigengap 0.01: m = 10⁸ still costs O(d³) per replicate (Bartlett decomposition)
    LargeMStudy.Result res = run(factor(FactorTestInstances.extreme()), 100_000_000L, 2000, 31, 2);
    assertThat(res.consistentAt5Percent()).isTrue();
    assertThat(Math.abs(res.meanZ())).isLessThan(3);
  }

  @Test
  void theSpectralEstimatorFollowsTheEngineLawAndTheDiagonalInstanceRejectsH39() {
    for (SpectralInstance inst : new SpectralInstance[] {SpectralInstance.corollary63(2, 4),
        SpectralFixtures.correlated()}) {
      LargeMStudy.Result res = run(spectral(inst), 20_000, 400, 41, 2);
      assertThat(res.notConverged()).isZero();
      assertThat(res.ks()).as("KS vs engine, %s", inst.isDiagonal()).isLessThan(Kolmogorov.criticalValue(400, 0.05 / 2));
      assertThat(Math.abs(res.meanZ())).isLessThan(3);
      assertThat(res.statistics()).containsKeys("scaledExcessLoss", "gradientNorm");
    }
    SpectralInstance diag = SpectralInstance.corollary63(2, 4);
    LargeMStudy.Result res = run(spectral(diag), 20_000, 1000, 43, 2);
    var printed = PaperClaims.printedLaw(spectral(diag).instance()).orElseThrow();
    double[] sorted = res.scaledRep().clone();
    Arrays.sort(sorted);
    assertThat(Kolmogorov.distance(sorted, printed::cdf)).isGreaterThan(res.ksCritical5());
  }

  @Test
  void replicatesDoNotDependOnTheThreads() {
    ModelSpec m = spectral(SpectralFixtures.correlated());
    assertThat(run(m, 2000, 6, 5, 2).scaledRep()).containsExactly(run(m, 2000, 6, 5, 1).scaledRep());
  }
}
