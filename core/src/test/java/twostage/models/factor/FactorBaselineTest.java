package twostage.models.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import twostage.exec.SequentialRunner;
import twostage.random.Streams;
import twostage.baseline.BaselineProblem;
import twostage.baseline.BaselineSimulation;
import twostage.baseline.LeastSquaresFit;
import twostage.baseline.LocalChart;
import twostage.baseline.RegressionFamily;

class FactorBaselineTest {
  private static final FactorInstance INSTANCE = FactorInstance.generated(2, 5, 11);

  @Test
  void analyticDerivativesMatchFiniteDifferences() {
    BaselineProblem pb = FactorBaseline.problem(INSTANCE);
    RegressionFamily f = pb.family();
    int p = f.parameterDimension();
    double[] x = new double[10 * 5];
    pb.design().draw(Streams.of(1), 10, x);
    double[] dir = new double[p * 3];
    UniformRandomProvider rng = Streams.of(2);
    for (int i = 0; i < dir.length; i++) {
      dir[i] = rng.nextDouble() - 0.5;
    }
    double[] analytic = new double[10 * 3];
    f.directionalDerivatives(pb.truth(), dir, 3, x, 10, analytic);
    double[] numeric = new double[10 * 3];
    RegressionFamily fd = new RegressionFamily() {
      public int inputDimension() {
        return f.inputDimension();
      }

      public int parameterDimension() {
        return p;
      }

      public void evaluate(double[] phi, double[] xx, int count, double[] values) {
        f.evaluate(phi, xx, count, values);
      }
    };
    fd.directionalDerivatives(pb.truth(), dir, 3, x, 10, numeric);
    for (int i = 0; i < analytic.length; i++) {
      assertThat(analytic[i]).isCloseTo(numeric[i], offset(1e-7));
    }
  }

  @Test
  void chartHasDimensionDAndLevenbergMarquardtFindsTheOlsSolution() {
    BaselineProblem pb = FactorBaseline.problem(INSTANCE);
    LocalChart chart = FactorBaseline.exactChart(INSTANCE, 1e-9);
    assertThat(chart.dimension()).isEqualTo(5); // d_base = d (docs/crossover.md §2)
    LocalChart mc = LocalChart.at(pb, 5_000, 1e-9, Streams.of(4));
    assertThat(mc.dimension()).isEqualTo(5);
    int n = 200;
    double[] x = new double[n * 5];
    double[] y = new double[n];
    UniformRandomProvider rng = Streams.of(9);
    pb.design().draw(rng, n, x);
    pb.family().evaluate(pb.truth(), x, n, y);
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    for (int i = 0; i < n; i++) {
      y[i] += pb.sigma() * g.sample();
    }
    LeastSquaresFit.Result fit = LeastSquaresFit.fit(pb.family(), chart, x, y);
    assertThat(fit.converged()).isTrue();
    double[] v = ((FactorFamily) pb.family()).coefficients(fit.phi());
    DMatrixRMaj xm = DMatrixRMaj.wrap(n, 5, x);
    DMatrixRMaj ols = new DMatrixRMaj(5, 1);
    CommonOps_DDRM.solve(xm, DMatrixRMaj.wrap(n, 1, y), ols);
    for (int a = 0; a < 5; a++) {
      assertThat(v[a]).isCloseTo(ols.get(a), offset(1e-7));
    }
  }

  /** The simulated baseline matches σ² d n/(n − d − 1) → σ² d_base within 4 standard errors. */
  @Test
  void simulatedBaselineMatchesSigma2DBase() {
    BaselineProblem pb = FactorBaseline.problem(INSTANCE);
    LocalChart chart = FactorBaseline.exactChart(INSTANCE, 1e-9);
    List<BaselineSimulation.Point> pts = BaselineSimulation.run(
        pb, chart, new long[] {60, 400}, 400, 0, 17, new SequentialRunner());
    double s2 = pb.sigma2();
    for (BaselineSimulation.Point pt : pts) {
      assertThat(pt.notConverged()).isZero();
      double expected = FactorBaseline.olsExpectedScaledExcess(pt.n(), 5, s2);
      assertThat(pt.scaledExcess().value())
          .isCloseTo(expected, offset(4 * pt.scaledExcess().stdError()));
    }
    BaselineSimulation.Point last = pts.get(1);
    assertThat(last.scaledExcess().value())
        .isCloseTo(s2 * 5, offset(4 * last.scaledExcess().stdError() + s2 * 5 * 6.0 / 394));
  }
}
