package twostage.models.mixture;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import twostage.random.Streams;

class MixtureJacobianTest {

  /** The analytic J matches central finite differences of f_U(x) in every centre coordinate. */
  @ParameterizedTest
  @CsvSource({"2, 3, 2.0", "3, 5, 1.5", "4, 6, 2.0", "5, 5, 0.7"})
  void jacobianMatchesFiniteDifferences(int k, int d, double beta) {
    MixtureInstance base = MixtureInstance.appendixK(k, d, beta, 1.0, 0.5);
    // a generic θ (not ∝ 1) and generic centres exercise every term of J, including P⊥θ
    UniformRandomProvider rng = Streams.of(7, k, d);
    double[][] shift = new double[k][d];
    double[][] centres = base.centres();
    for (int i = 0; i < k; i++) {
      for (int a = 0; a < d; a++) {
        shift[i][a] = rng.nextDouble() - 0.5;
        centres[i][a] += 0.3 * (rng.nextDouble() - 0.5);
      }
    }
    MixtureInstance inst =
        new MixtureInstance(centres, base.withThetaShift(shift).theta(), base.bias(), 0.5);
    MixtureDownstreamSampler sampler = new MixtureDownstreamSampler(inst);
    int q = k * d;
    double[] x = new double[d];
    for (int trial = 0; trial < 5; trial++) {
      for (int a = 0; a < d; a++) {
        x[a] = centres[trial % k][a] + 1.5 * (rng.nextDouble() - 0.5);
      }
      double[] psi = new double[sampler.featureDimension()];
      double[] jac = new double[q];
      sampler.evaluate(x, 1, psi, jac);
      double h = 1e-6;
      for (int i = 0; i < k; i++) {
        for (int a = 0; a < d; a++) {
          double[][] plus = copy(centres);
          double[][] minus = copy(centres);
          plus[i][a] += h;
          minus[i][a] -= h;
          double fd =
              (MixtureDownstreamSampler.target(inst, plus, x)
                      - MixtureDownstreamSampler.target(inst, minus, x))
                  / (2 * h);
          assertThat(jac[i * d + a])
              .as("dF/du_%d[%d] at trial %d", i, a, trial)
              .isCloseTo(fd, org.assertj.core.data.Offset.offset(1e-6 * (1 + Math.abs(fd))));
        }
      }
    }
  }

  private static double[][] copy(double[][] a) {
    double[][] out = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i].clone();
    }
    return out;
  }
}
