package twostage.models.spectral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;
import twostage.exec.SequentialRunner;
import twostage.baseline.BaselineProblem;
import twostage.baseline.BaselineSimulation;
import twostage.models.factor.FactorBaseline;
import twostage.baseline.LocalChart;

class SpectralBaselineTest {
  /** d_base = d and the simulated baseline is OLS on x: σ² d n/(n − d − 1) within 4 SE. */
  @Test
  void baselineIsOlsOnX() {
    SpectralInstance inst = SpectralInstance.corollary63(2, 6, 0.7);
    BaselineProblem pb = SpectralBaseline.problem(inst);
    LocalChart chart = SpectralBaseline.exactChart(inst, 1e-9);
    assertThat(chart.dimension()).isEqualTo(6);
    List<BaselineSimulation.Point> pts = BaselineSimulation.run(
        pb, chart, new long[] {300}, 300, 0, 31, new SequentialRunner());
    BaselineSimulation.Point pt = pts.get(0);
    assertThat(pt.notConverged()).isZero();
    double expected = FactorBaseline.olsExpectedScaledExcess(300, 6, pb.sigma2());
    assertThat(pt.scaledExcess().value()).isCloseTo(expected, offset(4 * pt.scaledExcess().stdError()));
  }
}
