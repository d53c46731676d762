package twostage.models.mixture;

import org.junit.jupiter.api.Test;
import twostage.exec.ThreadPoolRunner;

class MixtureScratchTest {
  @Test
  void scratch() {
    try (ThreadPoolRunner run = new ThreadPoolRunner(2)) {
      for (int k : new int[] {2, 4}) {
        long t0 = System.nanoTime();
        MixtureLimit.Result r = MixtureLimit.compute(
            MixtureInstance.appendixK(k, 30, 2.0, 1.0, 0.5), 1_000_000, 4_000_000, 20, 3, run);
        System.out.println("K=" + k + " " + r.estimate().mean() + " dEff=" + r.estimate().interaction().dEff()
            + " diag=" + r.estimate().interaction().diagnostics() + " t=" + (System.nanoTime() - t0) / 1e9);
      }
    }
  }
}
