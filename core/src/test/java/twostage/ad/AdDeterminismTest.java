package twostage.ad;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import twostage.ad.examples.TiedAutoencoder;
import twostage.exec.SequentialRunner;
import twostage.exec.ThreadPoolRunner;
import twostage.simulate.Replicate;
import twostage.simulate.TwoStageSimulator;

class AdDeterminismTest {

  @Test
  void sameSeedSameBitsOnAnyNumberOfThreads() {
    AnalysisOptions opt = AnalysisOptions.defaults().withSamples(20_000, 20_000).withPilot(2_000, 2_000);
    ModelLaw one = ModelAnalysis.run(TiedAutoencoder.example(), opt, 7, new SequentialRunner());
    ModelLaw two;
    try (ThreadPoolRunner runner = new ThreadPoolRunner(2)) {
      two = ModelAnalysis.run(TiedAutoencoder.example(), opt, 7, runner);
    }
    assertThat(two.interactionMean()).isEqualTo(one.interactionMean());
    assertThat(two.interaction().weights()).containsExactly(one.interaction().weights());
    assertThat(two.diagnostics().equivarianceResidual()).isEqualTo(one.diagnostics().equivarianceResidual());
  }

  @Test
  void theSimulatorRunsTheDefaultEstimator() {
    AnalysisOptions opt = AnalysisOptions.defaults().withPilot(2_000, 2_000);
    ResolvedModel r = ModelAnalysis.resolve(TiedAutoencoder.example(), opt, 7, new SequentialRunner());
    TwoStageSimulator sim = new TwoStageSimulator(r.twoStage(1000), 2.0, 3);
    Replicate a = sim.run(200, 0).replicate();
    Replicate b = sim.run(200, 0).replicate();
    assertThat(a).isEqualTo(b);
    assertThat(a.fit().converged()).isTrue();
    assertThat(a.m()).isEqualTo(400);
    assertThat(a.pretraining()).isPositive();
  }
}
