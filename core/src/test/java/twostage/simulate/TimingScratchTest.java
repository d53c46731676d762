package twostage.simulate;

import org.junit.jupiter.api.Test;
import twostage.exec.SequentialRunner;
import twostage.models.mixture.*;

class TimingScratchTest {
  @Test
  void scratch() {
    MixtureInstance inst = MixtureInstance.appendixK(4, 20, 2.0, 10.0, 0.5);
    long t0 = System.nanoTime();
    MixtureLimit.Result lim = MixtureLimit.compute(inst, 200_000, 400_000, 20, 1, new SequentialRunner());
    System.out.printf("limit %s dEff=%d t=%.1fs%n", lim.estimate().interactionMean(), lim.estimate().interaction().dEff(), (System.nanoTime() - t0) / 1e9);
    TwoStageSimulator sim = new TwoStageSimulator(new MixtureTwoStage(inst, MixtureTwoStage.Options.defaults()), 2.0, 1);
    for (int n : new int[] {100, 1000, 10000, 100000}) {
      double pre = 0, des = 0, pop = 0, tot = 0, passes = 0;
      int reps = n >= 100000 ? 2 : 3;
      for (int i = 0; i < reps; i++) {
        Replicate.Timed t = sim.run(n, i);
        pre += t.timings().pretraining(); des += t.timings().design(); pop += t.timings().population();
        tot += t.replicate().total(); passes += t.replicate().fit().passes();
        System.out.printf("  n=%d rep=%.4f±%.4f leak=%.4f var=%.4f passes=%d%n", n, t.replicate().pretraining(), t.replicate().pretrainingStdError(), t.replicate().leakage(), t.replicate().variance(), t.replicate().fit().passes());
      }
      System.out.printf("n=%d pre=%.3f design=%.3f pop=%.3f s/rep passes=%.1f%n", n, pre / reps, des / reps, pop / reps, passes / reps);
    }
  }
}
