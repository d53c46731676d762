package twostage.models.mixture;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
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

  /**
   * The block evaluation by coordinate (what the Monte Carlo moments use) gives the rows of
   * {@link MixtureDownstreamSampler#sample} bit for bit from the same stream, also past the default
   * block size and for a θ with components outside the centres' subspace.
   */
  @ParameterizedTest
  @CsvSource({"4, 20, 7", "3, 7, 700", "6, 9, 513"})
  void columnsAreTheSampledRows(int k, int d, int count) {
    MixtureInstance base = MixtureInstance.appendixK(k, d, 2.0, 1.0, 0.5);
    double[][] shift = new double[k][d];
    UniformRandomProvider rng = Streams.of(8, k, d);
    for (double[] row : shift) {
      for (int a = 0; a < d; a++) {
        row[a] = rng.nextDouble() - 0.5;
      }
    }
    MixtureDownstreamSampler sampler = new MixtureDownstreamSampler(base.withThetaShift(shift));
    int p = sampler.featureDimension();
    int q = sampler.parameterDimension();
    double[] psi = new double[count * p];
    double[] jac = new double[count * q];
    sampler.sample(Streams.of(9), count, psi, jac);
    double[][] columns = new double[p + q][count];
    sampler.sampleColumns(Streams.of(9), count, columns);
    for (int n = 0; n < count; n++) {
      for (int i = 0; i < p; i++) {
        assertThat(columns[i][n]).as("psi_%d of sample %d", i, n).isEqualTo(psi[n * p + i]);
      }
      for (int j = 0; j < q; j++) {
        assertThat(columns[p + j][n]).as("J_%d of sample %d", j, n).isEqualTo(jac[n * q + j]);
      }
    }
  }

  /** The Fisher scores by coordinate are the rows of {@link MixtureScoreSampler#sample}, bit for bit. */
  @Test
  void scoreColumnsAreTheSampledRows() {
    MixtureInstance inst = MixtureInstance.appendixK(3, 7, 1.5, 1.0, 0.5);
    MixtureScoreSampler sampler = new MixtureScoreSampler(inst);
    int q = sampler.parameterDimension();
    int count = 600;
    double[] rows = new double[count * q];
    sampler.sample(Streams.of(11), count, rows, null);
    double[][] columns = new double[q][count];
    sampler.sampleColumns(Streams.of(11), count, columns);
    for (int n = 0; n < count; n++) {
      for (int j = 0; j < q; j++) {
        assertThat(columns[j][n]).as("score %d of sample %d", j, n).isEqualTo(rows[n * q + j]);
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
