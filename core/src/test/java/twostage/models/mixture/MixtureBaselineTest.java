package twostage.models.mixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;
import twostage.exec.SequentialRunner;
import twostage.random.Streams;
import twostage.stats.GroupedSums;
import twostage.theory.DownstreamMoments;
import twostage.theory.MonteCarloMoments;
import twostage.theory.TangentRank;
import twostage.baseline.BaselineProblem;
import twostage.baseline.BaselineSimulation;
import twostage.baseline.LocalChart;

class MixtureBaselineTest {

  /** The chart's class reproduces f⋆ at φ⋆ (same function as the engine's sampler uses). */
  @Test
  void familyAtTruthIsTheTarget() {
    MixtureInstance inst = MixtureInstance.appendixK(3, 5, 2.0, 1.0, 0.5);
    BaselineProblem pb = MixtureBaseline.problem(inst);
    double[] x = new double[20 * 5];
    pb.design().draw(Streams.of(3), 20, x);
    double[] f = new double[20];
    pb.family().evaluate(pb.truth(), x, 20, f);
    for (int i = 0; i < 20; i++) {
      double[] xi = java.util.Arrays.copyOfRange(x, i * 5, i * 5 + 5);
      assertThat(f[i]).isCloseTo(
          MixtureDownstreamSampler.target(inst, inst.centres(), xi), offset(1e-12));
    }
  }

  /**
   * d_base by hand (docs/crossover.md §3): K(r⋆+1) readout + K r⋆ in-plane centre moves + r⋆(d − r⋆)
   * subspace rotations, the common out-of-subspace shift of all centres being invisible. Both routes
   * (engine's [ψ; J] with ambient θ, and the gradient Gram of the class in the chart's parameters)
   * give it, with a clean eigenvalue gap.
   */
  @Test
  void baselineDimensionByTwoRoutes() {
    int[][] cases = {{2, 3}, {3, 5}};
    for (int[] c : cases) {
      int k = c[0];
      int d = c[1];
      int r = k - 1;
      int hand = k * (r + 1) + k * r + r * (d - r);
      MixtureInstance inst = MixtureInstance.appendixK(k, d, 2.0, 1.0, 0.5);
      MixtureDownstreamSampler s = new MixtureDownstreamSampler(inst);
      GroupedSums sums = MonteCarloMoments.downstream(s, 8_000, 4, 1, new SequentialRunner());
      DownstreamMoments m =
          MonteCarloMoments.toDownstream(sums.mean(), s.featureDimension(), s.parameterDimension());
      TangentRank engine = TangentRank.baseline(m);
      LocalChart chart = LocalChart.at(MixtureBaseline.problem(inst), 8_000, 1e-9, Streams.of(5));
      assertThat(engine.rank()).isEqualTo(hand);
      assertThat(chart.dimension()).isEqualTo(hand);
      assertThat(engine.gap()).isGreaterThan(1e8);
      assertThat(chart.rank().gap()).isGreaterThan(1e8);
    }
  }

  /**
   * Nonlinear least squares over (θ, b, U) reaches σ² d_base = 8σ² (K = 2, d = 3) within 4 SE. σ = 0.1:
   * n(R − σ²)/σ² → d_base does not depend on σ, but the curvature of the class in the weakly identified
   * subspace-rotation directions makes σ = 0.5 pre-asymptotic at this n (docs/crossover.md §5).
   */
  @Test
  void simulatedBaselineMatchesSigma2DBase() {
    MixtureInstance inst = MixtureInstance.appendixK(2, 3, 2.0, 1.0, 0.1);
    BaselineProblem pb = MixtureBaseline.problem(inst);
    LocalChart chart = LocalChart.at(pb, 20_000, 1e-9, Streams.of(6));
    assertThat(chart.dimension()).isEqualTo(8);
    List<BaselineSimulation.Point> pts = BaselineSimulation.run(
        pb, chart, new long[] {20_000}, 60, 20_000, 23, new SequentialRunner());
    BaselineSimulation.Point pt = pts.get(0);
    assertThat(pt.notConverged()).isZero();
    double target = pb.sigma2() * 8;
    assertThat(pt.scaledExcess().value())
        .isCloseTo(target, offset(4 * pt.scaledExcess().stdError()));
    assertThat(pt.scaledExcess().stdError()).isLessThan(0.1 * target);
  }
}
