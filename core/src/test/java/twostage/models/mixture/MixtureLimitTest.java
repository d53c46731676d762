package twostage.models.mixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import twostage.exec.SequentialRunner;
import twostage.random.Streams;
import twostage.stats.Estimate;
import twostage.theory.AsymptoticEngine;
import twostage.theory.MonteCarloMoments;

class MixtureLimitTest {
  private static final SequentialRunner RUN = new SequentialRunner();

  private static Estimate interaction(MixtureInstance inst, long seed) {
    return MixtureLimit.compute(inst, 20_000, 50_000, 20, seed, RUN).estimate().interactionMean();
  }

  /** Relabelling the components (centres and θ blocks together) describes the same f⋆. */
  @Test
  void relabellingLeavesTheInteractionUnchanged() {
    // generic centres: with u_i = β e_i, permuting θ alone is a coordinate symmetry, no control
    MixtureInstance base = MixtureInstance.appendixK(3, 5, 1.5, 1.0, 0.5);
    double[][] centres = base.centres();
    UniformRandomProvider rng = Streams.of(21);
    for (double[] u : centres) {
      for (int a = 0; a < u.length; a++) {
        u[a] += rng.nextDouble() - 0.5;
      }
    }
    double[][] theta = new double[3][5];
    theta[0][0] = 1.0;
    MixtureInstance inst = new MixtureInstance(centres, theta, new double[] {1.0, 0.0, 0.0}, 0.5);
    Estimate a = interaction(inst, 11);
    Estimate b = interaction(inst.relabelled(new int[] {2, 0, 1}), 12);
    double tol = 4 * Math.hypot(a.stdError(), b.stdError());
    assertThat(a.value()).isCloseTo(b.value(), offset(tol));
    // the test can fail: permuting θ blocks without the centres changes f⋆ and the value
    MixtureInstance wrong = new MixtureInstance(
        inst.centres(), inst.relabelled(new int[] {2, 0, 1}).theta(),
        inst.relabelled(new int[] {2, 0, 1}).bias(), 0.5);
    Estimate c = interaction(wrong, 12);
    assertThat(Math.abs(a.value() - c.value())).isGreaterThan(tol);
  }

  /**
   * Adding to θ_i vectors that P⋆ annihilates leaves f⋆ and L unchanged. With common random numbers
   * the Jacobians differ by a fixed linear map of ψ, so the residual Gram G is identical up to
   * round-off.
   */
  @Test
  void anotherRepresentativeOfThetaGivesTheSameInteraction() {
    int k = 4;
    int d = 7;
    MixtureInstance inst = MixtureInstance.appendixK(k, d, 2.0, 1.0, 0.5);
    SubspaceGeometry geo = SubspaceGeometry.atTruth(inst.centres());
    UniformRandomProvider rng = Streams.of(3);
    double[][] shift = new double[k][d];
    for (int i = 0; i < k; i++) {
      for (int a = 0; a < d; a++) {
        shift[i][a] = 3 * (rng.nextDouble() - 0.5);
      }
      double[] p = geo.project(shift[i]);
      for (int a = 0; a < d; a++) {
        shift[i][a] -= p[a];
      }
    }
    double a = interaction(inst, 5).value();
    double b = interaction(inst.withThetaShift(shift), 5).value();
    assertThat(b).isCloseTo(a, offset(1e-9 * a));
    // the appendix-K θ itself has θ_i ∝ 1_d with P⋆1_d = 0: it is such a representative of θ_i = 0
    double[][] zero = inst.theta();
    for (double[] row : zero) {
      for (int j = 0; j < row.length; j++) {
        row[j] = -row[j];
      }
    }
    double c = interaction(inst.withThetaShift(zero), 5).value();
    assertThat(c).isCloseTo(a, offset(1e-9 * a));
  }

  /**
   * A common translation of all centres orthogonal to the centred-mean subspace changes neither P_U
   * nor the projected centres: J·v = 0 pointwise, hence L(v) = 0 and vᵀGv = 0.
   */
  @Test
  void nullDirectionsGiveZeroInteraction() {
    int k = 3;
    int d = 5;
    MixtureInstance inst = MixtureInstance.appendixK(k, d, 2.0, 1.0, 0.5);
    MixtureDownstreamSampler down = new MixtureDownstreamSampler(inst);
    int q = k * d;
    for (int t : new int[] {3, 4}) {
      double[] v = new double[q];
      for (int i = 0; i < k; i++) {
        v[i * d + t] = 1;
      }
      double[] psi = new double[MonteCarloMoments.BLOCK * down.featureDimension()];
      double[] jac = new double[MonteCarloMoments.BLOCK * q];
      down.sample(Streams.of(9, t), MonteCarloMoments.BLOCK, psi, jac);
      double maxJv = 0;
      double maxJ = 0;
      for (int n = 0; n < MonteCarloMoments.BLOCK; n++) {
        double s = 0;
        for (int j = 0; j < q; j++) {
          s += jac[n * q + j] * v[j];
          maxJ = Math.max(maxJ, Math.abs(jac[n * q + j]));
        }
        maxJv = Math.max(maxJv, Math.abs(s));
      }
      assertThat(maxJv).isLessThan(1e-12 * maxJ);
    }
    // and through the engine: vᵀGv for v = common shift along the 1_K direction (also ⊥ subspace)
    var sums = MonteCarloMoments.downstream(down, 20_000, 4, 1, RUN);
    var g = new AsymptoticEngine().residualGram(
        MonteCarloMoments.toDownstream(sums.mean(), down.featureDimension(), q));
    DMatrixRMaj v = new DMatrixRMaj(q, 1);
    for (int i = 0; i < k; i++) {
      for (int a = 0; a < k; a++) {
        v.set(i * d + a, 0, 1.0 / Math.sqrt(k * k));
      }
    }
    double vgv = 0;
    for (int i = 0; i < q; i++) {
      for (int j = 0; j < q; j++) {
        vgv += v.get(i) * g.get(i, j) * v.get(j);
      }
    }
    double trace = 0;
    for (int i = 0; i < q; i++) {
      trace += g.get(i, i);
    }
    assertThat(Math.abs(vgv)).isLessThan(1e-12 * trace);
  }

  /**
   * Standard errors are honest: over 20 seeds the spread of the bias-corrected estimates matches the
   * mean reported jackknife standard error within a factor of 1.5 (for honest errors the ratio of a
   * 19-degree-of-freedom sample deviation leaves [1/1.5, 1.5] with probability ≈ 2%; fixed seeds).
   */
  @Test
  void standardErrorsMatchTheSpreadOverSeeds() {
    MixtureInstance inst = MixtureInstance.appendixK(3, 4, 2.0, 1.0, 0.5);
    int seeds = 20;
    double[] values = new double[seeds];
    double seSum = 0;
    for (int s = 0; s < seeds; s++) {
      Estimate e = MixtureLimit.compute(inst, 10_000, 20_000, 20, 100 + s, RUN).estimate()
          .interactionMean();
      values[s] = e.value();
      seSum += e.stdError();
    }
    double mean = java.util.Arrays.stream(values).average().orElseThrow();
    double ss = 0;
    for (double v : values) {
      ss += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(ss / (seeds - 1));
    double ratio = sd / (seSum / seeds);
    assertThat(ratio).isBetween(1 / 1.5, 1.5);
  }
}
