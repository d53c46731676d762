package twostage.theory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import twostage.exec.SequentialRunner;
import twostage.exec.ThreadPoolRunner;
import twostage.models.mixture.MixtureDownstreamSampler;
import twostage.models.mixture.MixtureInstance;
import twostage.models.mixture.MixtureScoreSampler;
import twostage.stats.GroupedSums;

class MonteCarloMomentsTest {
  private final MixtureInstance inst = MixtureInstance.appendixK(3, 6, 2.0, 1.0, 0.5);

  /** Same seed, same bits on one thread and on three, whichever kernel sums the blocks. */
  @Test
  void momentsDoNotDependOnTheThreadCount() {
    MixtureDownstreamSampler down = new MixtureDownstreamSampler(inst);
    GroupedSums one = MonteCarloMoments.downstream(down, 5_000, 7, 3, new SequentialRunner());
    GroupedSums oneFisher =
        MonteCarloMoments.pretraining(new MixtureScoreSampler(inst), 3_000, 7, 3, new SequentialRunner());
    try (ThreadPoolRunner pool = new ThreadPoolRunner(3)) {
      GroupedSums three = MonteCarloMoments.downstream(down, 5_000, 7, 3, pool);
      GroupedSums threeFisher =
          MonteCarloMoments.pretraining(new MixtureScoreSampler(inst), 3_000, 7, 3, pool);
      for (int g = 0; g < 7; g++) {
        assertThat(three.meanWithout(g)).containsExactly(one.meanWithout(g));
        assertThat(threeFisher.meanWithout(g)).containsExactly(oneFisher.meanWithout(g));
      }
    }
  }

  /** The joint update's blocks are Σψ, C = E[ψJᵀ] and E[JJᵀ], each symmetric where it should be. */
  @Test
  void downstreamLayoutMatchesSeparateSums() {
    MixtureDownstreamSampler down = new MixtureDownstreamSampler(inst);
    int p = down.featureDimension();
    int q = down.parameterDimension();
    GroupedSums sums = MonteCarloMoments.downstream(down, 2_000, 1, 9, new SequentialRunner());
    double[] psi = new double[MonteCarloMoments.BLOCK * p];
    double[] jac = new double[MonteCarloMoments.BLOCK * q];
    double[] expected = new double[p * p + p * q + q * q];
    org.apache.commons.rng.UniformRandomProvider rng = twostage.random.Streams.of(9, 2, 0);
    for (int done = 0; done < 2_000; ) {
      int b = Math.min(MonteCarloMoments.BLOCK, 2_000 - done);
      down.sample(rng, b, psi, jac);
      for (int r = 0; r < b; r++) {
        for (int i = 0; i < p; i++) {
          for (int j = 0; j < p; j++) {
            expected[i * p + j] += psi[r * p + i] * psi[r * p + j];
          }
          for (int j = 0; j < q; j++) {
            expected[p * p + i * q + j] += psi[r * p + i] * jac[r * q + j];
          }
        }
        for (int i = 0; i < q; i++) {
          for (int j = 0; j < q; j++) {
            expected[p * p + p * q + i * q + j] += jac[r * q + i] * jac[r * q + j];
          }
        }
      }
      done += b;
    }
    double[] mean = sums.mean();
    for (int i = 0; i < expected.length; i++) {
      assertThat(mean[i]).as("entry %d", i).isCloseTo(expected[i] / 2_000, org.assertj.core.data.Offset.offset(1e-12));
    }
  }
}
