package twostage.ad;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import twostage.ad.examples.FactorAd;
import twostage.baseline.BaselineProblem;
import twostage.baseline.LocalChart;
import twostage.exec.SequentialRunner;
import twostage.models.factor.FactorBaseline;
import twostage.models.factor.FactorInstance;
import twostage.random.Streams;
import twostage.theory.TangentRank;

class AdBaselineTest {

  @Test
  void factorAdChartHasTheRankOfTheHandWrittenFactorClass() {
    FactorInstance inst = FactorInstance.generated(2, 5, 4);
    AnalysisOptions opt = AnalysisOptions.defaults().withPilot(2_000, 2_000);
    ResolvedModel r = ModelAnalysis.resolve(new FactorAd(inst), opt, 1, new SequentialRunner());
    BaselineProblem problem = AdBaseline.problem(r);
    LocalChart chart = LocalChart.at(problem, 20_000, TangentRank.DEFAULT_TOLERANCE, Streams.of(2));
    LocalChart exact = FactorBaseline.exactChart(inst, TangentRank.DEFAULT_TOLERANCE);
    assertThat(chart.dimension()).isEqualTo(exact.dimension()).isEqualTo(5);
    assertThat(chart.rank().gap()).isGreaterThan(1e6);
  }

  @Test
  void directionalDerivativesMatchCentralDifferences() {
    FactorInstance inst = FactorInstance.generated(2, 4, 4);
    FactorAd m = new FactorAd(inst);
    AdBaseline f = new AdBaseline(m, new AutomaticDerivatives(m));
    double[] phi = f.parameters(m.readout(), m.truth());
    int pp = f.parameterDimension();
    double[] dir = new double[pp];
    for (int a = 0; a < pp; a++) {
      dir[a] = Math.cos(a + 1.0);
    }
    double[] x = new double[3 * 4];
    m.sampleDownstream(Streams.of(5), 3, x);
    double[] ad = new double[3];
    f.directionalDerivatives(phi, dir, 1, x, 3, ad);
    double[] fd = new double[3];
    new twostage.baseline.RegressionFamily() { // the interface's default: central differences
      @Override public int inputDimension() { return f.inputDimension(); }
      @Override public int parameterDimension() { return f.parameterDimension(); }
      @Override public void evaluate(double[] p, double[] xs, int c, double[] v) { f.evaluate(p, xs, c, v); }
    }.directionalDerivatives(phi, dir, 1, x, 3, fd);
    for (int i = 0; i < 3; i++) {
      assertThat(Math.abs(ad[i] - fd[i])).isLessThan(1e-8 * Math.max(1, Math.abs(fd[i])));
    }
  }

  @Test
  void autoencoderBaseRankIsTheDimensionOfAllLinearFunctions() {
    ResolvedModel r = ModelAnalysis.resolve(twostage.ad.examples.TiedAutoencoder.example(),
        AnalysisOptions.defaults().withPilot(2_000, 2_000), 1, new SequentialRunner());
    TangentRank base = r.baseRank(20_000, TangentRank.DEFAULT_TOLERANCE, 3, new SequentialRunner());
    assertThat(base.rank()).isEqualTo(4); // {x -> theta'Ax} is every linear function of x in R^4
    assertThat(base.gap()).isGreaterThan(1e6);
    assertThat(r.chart(20_000, TangentRank.DEFAULT_TOLERANCE, 3).dimension()).isEqualTo(4);
  }
}
