package twostage.models.factor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import twostage.exec.SequentialRunner;
import twostage.exec.ThreadPoolRunner;
import twostage.theory.AsymptoticEngine;
import twostage.theory.InteractionEstimate;
import twostage.errata.factor.Corollary64;
import twostage.theory.MonteCarloInteraction;
import twostage.errata.factor.FactorClaims;

class FactorLimitTest {
  @Test
  void exactEngineAgreesWithCorrectedClosedFormNotWithThePrintedOne() {
    for (FactorInstance inst : FactorTestInstances.all()) {
      FactorClaims r = FactorClaims.of(inst);
      assertThat(r.exact().dEff()).isEqualTo(inst.k());
      assertThat(r.exact().horizontalDimension()).isEqualTo(inst.d() * inst.k() - r.orbitDimension());
      assertThat(r.correctedWeightError()).isLessThan(1e-9);
      assertThat(Math.abs(r.exact().mean() - r.corrected().mean())).isLessThan(1e-9 * r.corrected().mean());
    }
    // the printed Corollary 6.4 is off by a factor ≥ 2 on three of the four instances
    assertThat(FactorClaims.of(FactorTestInstances.small()).paperWeightError()).isGreaterThan(0.5);
    assertThat(FactorClaims.of(FactorTestInstances.single()).paperWeightError()).isGreaterThan(0.5);
    assertThat(FactorClaims.of(FactorTestInstances.unequal()).paperWeightError()).isGreaterThan(0.5);
  }

  @Test
  void extremeConditioningStillMatchesAndThePrintedFormIsOffSixtyfoldThere() {
    FactorClaims r = FactorClaims.of(FactorTestInstances.extreme());
    assertThat(r.correctedWeightError()).isLessThan(1e-9);
    assertThat(Math.abs(r.exact().mean() - r.corrected().mean())).isLessThan(1e-9 * r.corrected().mean());
    // (d − k)·Σγ²/(s²(1 + s²)) = 5·(1/10100 + 1/2 + 1/0.0101) vs printed 5·(100/101 + 1/2 + 0.01/1.01)
    assertThat(r.corrected().mean()).isCloseTo(5 * (1 / 10100.0 + 0.5 + 1 / 0.0101),
        org.assertj.core.api.Assertions.within(1e-9));
    assertThat(r.paper().mean()).isCloseTo(5 * (100 / 101.0 + 0.5 + 0.01 / 1.01),
        org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void closedFormsAgreeWithTheSingularValueFormulas() {
    double[] s = {4, 1, 0.3};
    double[] gamma = {1, -1, 1};
    FactorModel model = FactorModel.of(FactorTestInstances.unequal());
    double paper = 0;
    double corrected = 0;
    for (int i = 0; i < 3; i++) {
      paper += s[i] * s[i] * gamma[i] * gamma[i] / (1 + s[i] * s[i]);
      corrected += gamma[i] * gamma[i] / (s[i] * s[i] * (1 + s[i] * s[i]));
    }
    assertThat(Corollary64.paper(model).commonWeight()).isCloseTo(paper, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(Corollary64.corrected(model).commonWeight())
        .isCloseTo(corrected, org.assertj.core.api.Assertions.within(1e-10 * corrected));
    assertThat(Corollary64.corrected(model).degreesOfFreedom()).isEqualTo(3);
  }

  @Test
  void resultDoesNotDependOnTheRepresentative() {
    // (A⋆Q, Qᵀβ⋆) defines the same joint law of (x, y); Q a rotation of the two factors
    FactorInstance inst = FactorTestInstances.small();
    double c = Math.cos(0.7);
    double sn = Math.sin(0.7);
    double[][] a = inst.a();
    double[][] aq = new double[a.length][2];
    for (int i = 0; i < a.length; i++) {
      aq[i][0] = c * a[i][0] + sn * a[i][1];
      aq[i][1] = -sn * a[i][0] + c * a[i][1];
    }
    double[] b = inst.beta();
    double[] bq = {c * b[0] + sn * b[1], -sn * b[0] + c * b[1]};
    FactorClaims r1 = FactorClaims.of(inst);
    FactorClaims r2 = FactorClaims.of(FactorInstance.of(aq, bq, inst.sigmaNu()));
    assertThat(r2.exact().mean()).isCloseTo(r1.exact().mean(), org.assertj.core.api.Assertions.within(1e-10));
    assertThat(r2.sigmaSquared()).isCloseTo(r1.sigmaSquared(), org.assertj.core.api.Assertions.within(1e-12));
  }

  @Test
  void monteCarloAgreesWithExactWithinThreeStandardErrors() {
    AsymptoticEngine engine = new AsymptoticEngine();
    try (ThreadPoolRunner runner = new ThreadPoolRunner(2)) {
      for (FactorInstance inst : FactorTestInstances.all()) {
        double exact = FactorClaims.of(engine, inst).exact().mean();
        InteractionEstimate mc = FactorLimit.monteCarlo(engine, inst, 200_000, 200_000, 20, 21, runner);
        assertThat(Math.abs(mc.interactionMean().value() - exact))
            .as("instance d=%d k=%d: MC %s vs exact %s", inst.d(), inst.k(), mc.interactionMean(), exact)
            .isLessThan(3 * mc.interactionMean().stdError());
        assertThat(mc.interactionMean().stdError()).isLessThan(0.1 * exact); // the check has power
      }
    }
  }

  @Test
  void generalMEstimatorRouteGivesTheSameLimit() {
    // H from per-sample Hessians and S from scores, V = H⁻¹SH⁻¹: checks the factor ½ is consistent
    AsymptoticEngine engine = new AsymptoticEngine();
    try (ThreadPoolRunner runner = new ThreadPoolRunner(2)) {
      for (FactorInstance inst : java.util.List.of(FactorTestInstances.small(), FactorTestInstances.unequal())) {
        FactorModel model = FactorModel.of(inst);
        double exact = FactorClaims.of(engine, inst).exact().mean();
        InteractionEstimate mc = twostage.theory.MonteCarloInteraction.estimate(
            engine, FactorPretraining.mEstimatorSampler(model), 100_000,
            FactorDownstream.sampler(model), 100_000, FactorPretraining.orbitBasis(model), 20, 8, runner);
        assertThat(Math.abs(mc.interactionMean().value() - exact))
            .as("M-estimator route %s vs exact %s", mc.interactionMean(), exact)
            .isLessThan(3 * mc.interactionMean().stdError());
        assertThat(mc.interactionMean().stdError()).isLessThan(0.1 * exact);
      }
    }
  }

  @Test
  void monteCarloIsTheSameOnAnyRunner() {
    AsymptoticEngine engine = new AsymptoticEngine();
    FactorInstance inst = FactorTestInstances.small();
    InteractionEstimate seq = FactorLimit.monteCarlo(engine, inst, 20_000, 20_000, 8, 5, new SequentialRunner());
    try (ThreadPoolRunner runner = new ThreadPoolRunner(2)) {
      InteractionEstimate par = FactorLimit.monteCarlo(engine, inst, 20_000, 20_000, 8, 5, runner);
      assertThat(par.interactionMean()).isEqualTo(seq.interactionMean());
    }
  }
}
