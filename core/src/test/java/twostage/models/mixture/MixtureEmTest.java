package twostage.models.mixture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import twostage.random.Streams;

class MixtureEmTest {
  private static double maxDiff(double[][] a, double[][] b) {
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[i].length; j++) {
        m = Math.max(m, Math.abs(a[i][j] - b[i][j]));
      }
    }
    return m;
  }

  /** Plain EM, SQUAREM and Fisher scoring stop at the same EM fixed point. */
  @Test
  void accelerationsReachThePlainEmFixedPoint() {
    MixtureInstance inst = MixtureInstance.appendixK(3, 6, 2.0, 1.0, 0.5);
    int m = 5000;
    double[] x = new double[m * 6];
    new MixtureSampling(inst.centres()).draw(Streams.of(3), m, x);
    MixtureEm.Fit plain = new MixtureEm(1e-11, 5000, false).fit(x, m, inst.centres());
    MixtureEm.Fit squarem = new MixtureEm(1e-11, 5000, true).fit(x, m, inst.centres());
    double[] fisherInv = MixtureTwoStage.inverseFisher(inst);
    MixtureEm.Fit scoring = new MixtureEm(1e-11, 5000, true).fitScoring(x, m, inst.centres(), fisherInv);
    assertThat(plain.converged() && squarem.converged() && scoring.converged()).isTrue();
    assertThat(maxDiff(plain.centres(), squarem.centres())).isLessThan(1e-8);
    assertThat(maxDiff(plain.centres(), scoring.centres())).isLessThan(1e-8);
    assertThat(squarem.passes()).isLessThan(plain.passes());
    assertThat(scoring.passes()).isLessThan(squarem.passes());
    // stationarity: the likelihood does not increase along small perturbations
    double ll = MixtureEm.logLikelihood(x, m, scoring.centres());
    double[][] u = scoring.centres();
    u[1][2] += 1e-4;
    assertThat(MixtureEm.logLikelihood(x, m, u)).isLessThan(ll);
  }

  /**
   * The preconditioner computed in the span of the centres inverts the Fisher information that full-space
   * scores give: over all entries, the squared differences to a full-space Monte Carlo estimate add up to
   * about their expected Monte Carlo variance (ratio 1 ± 0.05 for 3240 independent-ish entries; the bound
   * 1.5 leaves room for their correlation, a wrong block gives ratios in the hundreds).
   */
  @Test
  void spanPreconditionerInvertsTheFullSpaceFisher() {
    MixtureInstance inst = MixtureInstance.appendixK(4, 20, 2.0, 1.0, 0.5);
    int q = 80;
    int groups = 20;
    twostage.stats.GroupedSums sums = twostage.theory.MonteCarloMoments.pretraining(
        new MixtureScoreSampler(inst), 400_000, groups, 17, new twostage.exec.SequentialRunner());
    double[] mean = sums.mean();
    org.ejml.data.DMatrixRMaj p = new org.ejml.data.DMatrixRMaj(q, q, true, MixtureTwoStage.inverseFisher(inst));
    org.ejml.data.DMatrixRMaj fSpan = twostage.linalg.Sym.pinv(p, 1e-12);
    double[][] without = new double[groups][];
    for (int g = 0; g < groups; g++) {
      without[g] = sums.meanWithout(g);
    }
    double sq = 0;
    double var = 0;
    for (int e = 0; e < q * q; e++) {
      double[] loo = new double[groups];
      for (int g = 0; g < groups; g++) {
        loo[g] = without[g][e];
      }
      double se = twostage.stats.Jackknife.of(mean[e], loo).corrected().stdError();
      double diff = fSpan.data[e] - mean[e];
      sq += diff * diff;
      var += se * se;
    }
    assertThat(sq / var).isBetween(0.5, 1.5);
  }

  /** k-means++ seeds with restarts find the true basin on a well-separated mixture; relabelling works. */
  @Test
  void kmeansStartFindsTheBasinUpToRelabelling() {
    MixtureInstance inst = MixtureInstance.appendixK(4, 6, 5.0, 1.0, 0.5);
    int m = 4000;
    double[] x = new double[m * 6];
    new MixtureSampling(inst.centres()).draw(Streams.of(4), m, x);
    var rng = Streams.of(5);
    MixtureEm.Fit best = null;
    for (int r = 0; r < 5; r++) {
      MixtureEm.Fit f = MixtureEm.standard().fit(x, m, KMeansPlusPlus.seeds(rng, x, m, 6, 4));
      if (best == null || f.logLikelihood() > best.logLikelihood()) {
        best = f;
      }
    }
    Relabelling match = Relabelling.of(best.centres(), inst.centres());
    assertThat(match.distance()).isLessThan(0.3);
    MixtureEm.Fit fromTruth = MixtureEm.standard().fit(x, m, inst.centres());
    double[][] relabelled = new double[4][];
    for (int i = 0; i < 4; i++) {
      relabelled[i] = best.centres()[match.order()[i]];
    }
    assertThat(maxDiff(relabelled, fromTruth.centres())).isLessThan(1e-6);
  }

  @Test
  void relabellingFindsThePermutation() {
    double[][] truth = {{0, 0}, {5, 0}, {0, 5}};
    double[][] est = {{0.1, 5}, {0, 0.2}, {5.1, 0}};
    Relabelling r = Relabelling.of(est, truth);
    assertThat(r.order()).containsExactly(1, 2, 0);
    assertThat(r.distance()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(r.isIdentity()).isFalse();
  }
}
