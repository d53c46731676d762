package twostage.models.mixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import twostage.exec.SequentialRunner;
import twostage.random.Streams;
import twostage.stats.Estimate;

/** The exact dimension reduction (docs/gmm-dimension-reduction.md) against the direct K·d engine. */
class MixtureReductionTest {
  private static final SequentialRunner RUN = new SequentialRunner();

  /**
   * Pointwise identity behind the reduction: for generic centres and θ with P⊥θ = 0, the full
   * Jacobian's intrinsic part is BᵀJ_j = w_j(y − ỹ_j) − π_jθ̃_j and its complement is α_j P⊥(x − ū),
   * and ψ is the same; checked to round-off at random x.
   */
  @Test
  void fullJacobianSplitsIntoIntrinsicPartAndIsotropicPart() {
    int k = 4;
    int d = 9;
    UniformRandomProvider rng = Streams.of(77);
    double[][] u = new double[k][d];
    double[][] th = new double[k][d];
    double[] b = new double[k];
    for (int i = 0; i < k; i++) {
      b[i] = rng.nextDouble() - 0.5;
      for (int a = 0; a < d; a++) {
        u[i][a] = 2 * rng.nextDouble() - 1;
        th[i][a] = rng.nextDouble() - 0.5;
      }
    }
    SubspaceGeometry geo = SubspaceGeometry.atTruth(u);
    for (int i = 0; i < k; i++) {
      th[i] = geo.project(th[i]);
    }
    MixtureInstance inst = new MixtureInstance(u, th, b, 0.5);
    MixtureDownstreamSampler full = new MixtureDownstreamSampler(inst);
    IntrinsicMixture red = IntrinsicMixture.of(inst);
    int r = red.rank();
    int p = red.featureDimension();
    int len = red.rowLength();
    assertThat(r).isEqualTo(k - 1);
    double[] mean = geo.mean();
    for (int trial = 0; trial < 20; trial++) {
      double[] x = new double[d];
      for (int a = 0; a < d; a++) {
        x[a] = 3 * rng.nextDouble() - 1.5;
      }
      double[] psi = new double[p];
      double[] jac = new double[k * d];
      full.evaluate(x, 1, psi, jac);
      double[] y = IntrinsicMixture.coordinates(u, x);
      double[] row = new double[len];
      red.rows(y, 1, row);
      for (int i = 0; i < p; i++) {
        assertThat(row[i]).isCloseTo(psi[i], offset(1e-12));
      }
      double[] perp = new double[d];
      double[] centred = new double[d];
      for (int a = 0; a < d; a++) {
        centred[a] = x[a] - mean[a];
      }
      double[] proj = geo.project(centred);
      for (int a = 0; a < d; a++) {
        perp[a] = centred[a] - proj[a];
      }
      for (int j = 0; j < k; j++) {
        double[] block = new double[d];
        System.arraycopy(jac, j * d, block, 0, d);
        double[] intr = IntrinsicMixture.coordinates(u, block);
        for (int c = 0; c < r; c++) {
          assertThat(intr[c]).isCloseTo(row[p + j * r + c], offset(1e-12));
        }
        double alpha = row[p + k * r + j];
        double[] pb = geo.project(block);
        for (int a = 0; a < d; a++) {
          assertThat(block[a] - pb[a]).isCloseTo(alpha * perp[a], offset(1e-12));
        }
      }
    }
  }

  /** Reduction vs the direct engine at small d, within Monte Carlo error (independent streams). */
  @ParameterizedTest
  @CsvSource({"2, 2, 2.0", "2, 5, 2.0", "3, 4, 1.5", "3, 8, 1.5", "3, 12, 1.5", "4, 5, 2.0", "4, 9, 2.0"})
  void reductionAgreesWithTheDirectEngine(int k, int d, double beta) {
    MixtureInstance inst = MixtureInstance.appendixK(k, d, beta, 1.0, 0.5);
    Estimate direct = MixtureLimit.compute(inst, 40_000, 80_000, 20, 5, RUN).estimate().interactionMean();
    MixtureReduction.Result red = MixtureReduction.compute(inst, 40_000, 80_000, 20, 6, RUN);
    Estimate e = red.mean();
    double tol = 4 * Math.hypot(direct.stdError(), e.stdError());
    System.out.printf("K=%d d=%d beta=%.1f direct %s reduced %s (diff/se %.2f)%n", k, d, beta,
        direct, e, (direct.value() - e.value()) / Math.hypot(direct.stdError(), e.stdError()));
    assertThat(e.value()).isCloseTo(direct.value(), offset(tol));
    assertThat(red.weightCount()).isEqualTo(k * d);
  }

  /**
   * The lead's form of the reduction: a (K+1)-dimensional instance (signal coordinates plus
   * 1̂ = 1_{d−K}/√(d−K), θ_i's coordinate there c_i√(d−K)) by the direct engine, plus
   * (d − K − 1)·tr(R⁻¹A), equals the direct engine at d.
   */
  @ParameterizedTest
  @CsvSource({"3, 9, 1.5", "4, 10, 2.0"})
  void leadsFormOfTheReductionAgreesWithTheDirectEngine(int k, int d, double beta) {
    MixtureInstance full = MixtureInstance.appendixK(k, d, beta, 1.0, 0.5);
    double[][] u = new double[k][k + 1];
    double[][] th = new double[k][k + 1];
    for (int i = 0; i < k; i++) {
      u[i][i] = beta;
      double ci = full.theta()[i][0];
      java.util.Arrays.fill(th[i], 0, k, ci);
      th[i][k] = ci * Math.sqrt(d - k);
    }
    MixtureInstance small = new MixtureInstance(u, th, full.bias(), 0.5);
    Estimate head = MixtureLimit.compute(small, 40_000, 80_000, 20, 7, RUN).estimate().interactionMean();
    Estimate per = MixtureReduction.compute(full, 40_000, 80_000, 20, 8, RUN).perDirectionPart();
    double lead = head.value() + (d - k - 1) * per.value();
    double leadSe = Math.hypot(head.stdError(), (d - k - 1) * per.stdError());
    Estimate direct = MixtureLimit.compute(full, 40_000, 80_000, 20, 9, RUN).estimate().interactionMean();
    System.out.printf("lead's form K=%d d=%d: %.6f ± %.6f, direct %s%n", k, d, lead, leadSe, direct);
    assertThat(lead).isCloseTo(direct.value(), offset(4 * Math.hypot(leadSe, direct.stdError())));
  }

  /**
   * With θ_i ∝ (1/i)1_d normalised in ambient coordinates (Appendix K), c² = ‖θ‖²/((d+1)Σi⁻²) and
   * the intrinsic problem does not depend on d: with common random numbers (d+1)·E‖L‖²(d) is
   * exactly affine in d, E‖L‖²(d) = (a + b d)/(d + 1).
   */
  @Test
  void appendixKValueIsARationalFunctionOfD() {
    double[] e = new double[3];
    int[] ds = {6, 40, 1000};
    for (int n = 0; n < 3; n++) {
      MixtureReduction.Result res =
          MixtureReduction.compute(MixtureInstance.appendixK(4, ds[n], 2.0, 1.0, 0.5), 4_000, 8_000, 10, 9, RUN);
      e[n] = res.total().estimate() * (ds[n] + 1);
    }
    double slope = (e[1] - e[0]) / (ds[1] - ds[0]);
    assertThat(e[2]).isCloseTo(e[0] + slope * (ds[2] - ds[0]), offset(1e-9 * e[2]));
  }

  /** The rows by coordinate (what the reduction sums) are the rows point by point, bit for bit. */
  @org.junit.jupiter.api.Test
  void columnsAreThePointwiseRows() {
    IntrinsicMixture red = IntrinsicMixture.of(MixtureInstance.appendixK(5, 9, 1.5, 1.0, 0.5));
    int r = red.rank();
    int p = red.featureDimension();
    int len = red.rowLength();
    int count = 300;
    double[] y = new double[count * r];
    red.draw(twostage.random.Streams.of(21), count, y);
    double[][] yc = new double[r][count];
    red.drawColumns(twostage.random.Streams.of(21), count, yc);
    double[] rows = new double[count * len];
    red.rows(y, count, rows);
    double[] feats = new double[count * p];
    red.features(y, count, feats);
    double[][] cols = new double[len][count];
    double[][] fcols = new double[p][count];
    IntrinsicMixture.Scratch s = red.scratch(count);
    red.rowsColumns(yc, count, cols, s);
    red.featuresColumns(yc, count, fcols, s);
    for (int n = 0; n < count; n++) {
      for (int c = 0; c < r; c++) {
        assertThat(yc[c][n]).isEqualTo(y[n * r + c]);
      }
      for (int j = 0; j < len; j++) {
        assertThat(cols[j][n]).as("entry %d of point %d", j, n).isEqualTo(rows[n * len + j]);
      }
      for (int j = 0; j < p; j++) {
        assertThat(fcols[j][n]).isEqualTo(feats[n * p + j]);
      }
    }
  }
}
