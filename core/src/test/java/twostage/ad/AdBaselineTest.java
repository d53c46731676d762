package twostage.ad;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import twostage.exec.SequentialRunner;
import twostage.random.Streams;
import twostage.theory.TangentRank;

class AdBaselineTest {

  @Test
  void directionalDerivativesMatchCentralDifferences() {
    RingModel m = new RingModel();
    AdBaseline f = new AdBaseline(m, new AutomaticDerivatives(m));
    double[] phi = f.parameters(new double[] {0.8}, new double[] {0.9, 0.3}); // away from the truth
    int pp = f.parameterDimension();
    double[] dir = new double[pp];
    for (int a = 0; a < pp; a++) {
      dir[a] = Math.cos(a + 1.0);
    }
    double[] x = new double[5];
    m.sampleDownstream(Streams.of(5), 5, x);
    double[] ad = new double[5];
    f.directionalDerivatives(phi, dir, 1, x, 5, ad);
    double[] fd = new double[5];
    new twostage.baseline.RegressionFamily() { // the interface's default: central differences
      @Override public int inputDimension() { return f.inputDimension(); }
      @Override public int parameterDimension() { return f.parameterDimension(); }
      @Override public void evaluate(double[] p, double[] xs, int c, double[] v) { f.evaluate(p, xs, c, v); }
    }.directionalDerivatives(phi, dir, 1, x, 5, fd);
    for (int i = 0; i < 5; i++) {
      assertThat(Math.abs(ad[i] - fd[i])).isLessThan(1e-8 * Math.max(1, Math.abs(fd[i])));
    }
  }

  @Test
  void baseRankCountsTheDirectionsTheClassCanMove() {
    // F = {theta psi(x; w)}: at (1, w*) its tangent is psi (theta) and 2 x psi (the radial direction of w);
    // the orbit direction of w does not move f, so d_base = 2
    ResolvedModel r = ModelAnalysis.resolve(new RingModel(), AnalysisOptions.defaults().withPilot(2_000, 2_000),
        1, new SequentialRunner());
    TangentRank base = r.baseRank(20_000, TangentRank.DEFAULT_TOLERANCE, 3, new SequentialRunner());
    assertThat(base.rank()).isEqualTo(2);
    assertThat(base.gap()).isGreaterThan(1e6);
    assertThat(r.chart(20_000, TangentRank.DEFAULT_TOLERANCE, 3).dimension()).isEqualTo(2);
  }
}
