package twostage.models.factor;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import twostage.random.Streams;

/** σ² and f⋆ against a direct simulation of (h, µ, ν). */
class FactorModelTest {
  private static final int N = 400_000;

  /** Simulates y − f⋆(x); returns {mean of e², its SE, max_i |mean(e x_i)|/SE_i}. */
  private static double[] residualMoments(FactorModel model, long seed) {
    int d = model.d();
    int k = model.k();
    double[] a = model.loading().data;
    double[] beta = model.theta().data;
    double[] w = model.regressionCoefficients().data;
    UniformRandomProvider rng = Streams.of(seed);
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    double[] x = new double[d];
    double[] h = new double[k];
    double s1 = 0;
    double s2 = 0;
    double[] ex = new double[d];
    double[] ex2 = new double[d];
    for (int r = 0; r < N; r++) {
      FactorSampling.drawX(g, a, d, k, h, x);
      double y = model.instance().sigmaNu() * g.sample();
      double f = 0;
      for (int j = 0; j < k; j++) {
        y += beta[j] * h[j];
      }
      for (int i = 0; i < d; i++) {
        f += w[i] * x[i];
      }
      double e = y - f;
      s1 += e * e;
      s2 += e * e * e * e;
      for (int i = 0; i < d; i++) {
        ex[i] += e * x[i];
        ex2[i] += e * e * x[i] * x[i];
      }
    }
    double mean = s1 / N;
    double se = Math.sqrt((s2 / N - mean * mean) / (N - 1));
    double worst = 0;
    for (int i = 0; i < d; i++) {
      double m = ex[i] / N;
      double sei = Math.sqrt((ex2[i] / N - m * m) / (N - 1));
      worst = Math.max(worst, Math.abs(m) / sei);
    }
    return new double[] {mean, se, worst};
  }

  @Test
  void derivedNoiseVarianceMatchesSimulation() {
    for (FactorInstance inst : FactorTestInstances.all()) {
      FactorModel model = FactorModel.of(inst);
      double[] r = residualMoments(model, 5);
      // E[(y − f⋆(x))²] = σ² and E[(y − f⋆(x)) x] = 0 (f⋆ is the regression function)
      assertThat(Math.abs(r[0] - model.sigmaSquared())).isLessThan(3 * r[1]);
      assertThat(r[2]).isLessThan(4.0); // max of d |z|-scores; 4 ~ Bonferroni 3-sigma over d ≤ 7
      assertThat(model.paperSigmaSquared()).isNaN(); // printed formula is ill-typed for d ≠ k
    }
  }

  @Test
  void printedNoiseVarianceIsWrongEvenWhereItIsDefined() {
    // d = k = 2 with a non-normal A⋆ (AAᵀ ≠ AᵀA): the printed formula can be evaluated but is wrong
    FactorInstance inst = FactorInstance.of(new double[][] {{1, 2}, {0, 0.5}}, new double[] {1, 0}, 0.5);
    FactorModel model = FactorModel.of(inst);
    double[] r = residualMoments(model, 6);
    assertThat(Math.abs(r[0] - model.sigmaSquared())).isLessThan(3 * r[1]);
    assertThat(Math.abs(r[0] - model.paperSigmaSquared())).isGreaterThan(20 * r[1]);
  }
}
