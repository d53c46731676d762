package twostage.models.mixture;

import org.junit.jupiter.api.Test;
import twostage.exec.SequentialRunner;

class ReductionTimingScratch {
  @Test
  void timing() {
    SequentialRunner run = new SequentialRunner();
    for (int k : new int[] {4, 2, 14}) {
      long n = k == 14 ? 100_000 : 1_000_000;
      long t0 = System.nanoTime();
      MixtureReduction.Result r = MixtureReduction.compute(MixtureInstance.appendixK(k, 30, 2.0, 1.0, 0.5), 100_000, n, 20, 1, run);
      System.out.println("K=" + k + " n=" + n + " " + r.mean() + " intr=" + r.intrinsicPart() + " per=" + r.perDirectionPart()
          + " t=" + (System.nanoTime() - t0) / 1e9 + " diag=" + r.intrinsic().diagnostics());
    }
  }
}
