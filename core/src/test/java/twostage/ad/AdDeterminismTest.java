package twostage.ad;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import twostage.exec.SequentialRunner;
import twostage.exec.ThreadPoolRunner;
import twostage.simulate.Replicate;
import twostage.simulate.TwoStageSimulator;

class AdDeterminismTest {

  @Test
  void sameSeedSameBitsOnAnyNumberOfThreads() {
    AnalysisOptions opt = AnalysisOptions.defaults().withSamples(20_000, 20_000).withPilot(2_000, 2_000);
    RingModel sampled = new RingModel(RingModel.Variant.SAMPLED); // per-sample Hessians, orbit from S and H
    ModelLaw one = ModelAnalysis.run(sampled, opt, 7, new SequentialRunner());
    ModelLaw two;
    try (ThreadPoolRunner runner = new ThreadPoolRunner(2)) {
      two = ModelAnalysis.run(sampled, opt, 7, runner);
    }
    assertThat(two.interactionMean()).isEqualTo(one.interactionMean());
    assertThat(two.interaction().weights()).containsExactly(one.interaction().weights());
    assertThat(two.diagnostics().hessianOffOrbit()).isEqualTo(one.diagnostics().hessianOffOrbit());
  }

  @Test
  void theSimulatorRunsTheDefaultEstimator() {
    AnalysisOptions opt = AnalysisOptions.defaults().withPilot(2_000, 2_000);
    for (RingModel.Variant v : new RingModel.Variant[] {RingModel.Variant.PLAIN, RingModel.Variant.SAMPLED}) {
      ResolvedModel r = ModelAnalysis.resolve(new RingModel(v), opt, 7, new SequentialRunner());
      TwoStageSimulator sim = new TwoStageSimulator(r.twoStage(1000), 2.0, 3);
      Replicate a = sim.run(200, 0).replicate();
      Replicate b = sim.run(200, 0).replicate();
      assertThat(a).isEqualTo(b);
      assertThat(a.fit().converged()).isTrue();
      assertThat(a.m()).isEqualTo(400);
      assertThat(a.pretraining()).isPositive();
    }
  }

  @Test
  void theStatisticAndThePerSampleLossGiveTheSameFit() {
    // the sufficient statistic is a shortcut, not another estimator: same draws, same minimiser
    AnalysisOptions opt = AnalysisOptions.defaults().withPilot(2_000, 2_000);
    ResolvedModel plain = ModelAnalysis.resolve(new RingModel(), opt, 7, new SequentialRunner());
    ResolvedModel sampled = ModelAnalysis.resolve(new RingModel(RingModel.Variant.SAMPLED), opt, 7,
        new SequentialRunner());
    for (int seed = 0; seed < 5; seed++) {
      PretrainingFit a = plain.defaultEstimator().fit(twostage.random.Streams.of(seed), 500);
      PretrainingFit b = sampled.defaultEstimator().fit(twostage.random.Streams.of(seed), 500);
      assertThat(a.converged()).isTrue();
      assertThat(b.converged()).isTrue();
      for (int i = 0; i < 2; i++) {
        assertThat(a.w()[i]).isCloseTo(b.w()[i], org.assertj.core.data.Offset.offset(1e-9));
      }
      assertThat(a.w()[1]).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-12)); // the slice: no move along the orbit direction at w* = (1, 0)
    }
  }
}
