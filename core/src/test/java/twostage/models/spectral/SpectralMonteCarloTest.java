package twostage.models.spectral;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import twostage.exec.ThreadPoolRunner;
import twostage.theory.Interaction;
import twostage.theory.InteractionEstimate;

class SpectralMonteCarloTest {

  @Test
  void monteCarloAgreesWithTheExactEngineWithinThreeStandardErrors() {
    SpectralInstance[] instances = {
      SpectralInstance.corollary63(2, 4), SpectralFixtures.diagonal(), SpectralFixtures.correlated()
    };
    try (ThreadPoolRunner runner = new ThreadPoolRunner(2)) {
      long seed = 20260101L;
      for (SpectralInstance inst : instances) {
        Interaction exact = SpectralLimit.exact(inst);
        InteractionEstimate mc = SpectralLimit.monteCarlo(inst, 400_000, 200_000, 20, seed, runner);
        double se = mc.interactionMean().stdError();
        System.out.printf("exact %.6f  mc %.6f ± %.6f  (z = %.2f)%n",
            exact.mean(), mc.interactionMean().value(), se, (mc.interactionMean().value() - exact.mean()) / se);
        assertThat(se).isGreaterThan(0).isLessThan(0.2 * exact.mean());
        assertThat(Math.abs(mc.interactionMean().value() - exact.mean())).isLessThanOrEqualTo(3 * se);
      }
    }
  }
}
