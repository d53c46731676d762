package twostage.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import twostage.exec.Runner;
import twostage.exec.SequentialRunner;
import twostage.exec.ThreadPoolRunner;
import twostage.models.factor.FactorInstance;
import twostage.models.mixture.MixtureEm;
import twostage.models.mixture.MixtureInstance;
import twostage.models.spectral.SpectralInstance;
import twostage.models.factor.FactorTwoStage;
import twostage.models.mixture.MixtureTwoStage;
import twostage.models.spectral.SpectralTwoStage;

/** A replicate is a pure function of (spec, seed, n, index): same numbers on 1 or 3 threads. */
class DeterminismTest {
  private static List<Replicate> run(TwoStageModel model, Runner runner) {
    TwoStageSimulator sim = new TwoStageSimulator(model, 2.0, 42);
    int[] ns = {40, 90};
    return runner.map(8, i -> sim.run(ns[i % 2], i / 2).replicate());
  }

  @Test
  void sameNumbersWhateverTheThreads() {
    MixtureTwoStage gmm = new MixtureTwoStage(
        MixtureInstance.appendixK(3, 8, 2.0, 10.0, 0.5),
        new MixtureTwoStage.Options(MixtureTwoStage.Start.KMEANS_PP, 2, MixtureEm.standard(), 4000));
    FactorTwoStage factor = new FactorTwoStage(FactorInstance.generated(2, 6, 1));
    SpectralTwoStage spectral = new SpectralTwoStage(SpectralInstance.corollary63(2, 4, 0.5));
    for (TwoStageModel model : List.of(gmm, factor, spectral)) {
      List<Replicate> one = run(model, new SequentialRunner());
      List<Replicate> many;
      try (ThreadPoolRunner pool = new ThreadPoolRunner(3)) {
        many = run(model, pool);
      }
      assertThat(many).isEqualTo(one);
      assertThat(one.get(0).total()).isPositive();
      // a different index gives different numbers
      assertThat(one.get(0).total()).isNotEqualTo(one.get(2).total());
    }
  }
}
