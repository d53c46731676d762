package twostage.models.mixture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import twostage.data.DataEstimate;
import twostage.data.DataSet;
import twostage.data.LeanEstimateAssert;
import twostage.exec.SequentialRunner;
import twostage.random.Streams;
import twostage.spi.ModelInstance;
import twostage.spi.PlugIn;
import twostage.spi.Settings;
import twostage.stats.Estimate;
import twostage.stats.Proportions;
import twostage.theory.AsymptoticEngine;
import twostage.theory.PretrainingMoments;

/**
 * The mixture on data: Ĥ is the derivative of the mean score, Ĥ − Ŝ vanishes for identity covariances,
 * and the readout-noise correction removes the plug-in's bias.
 */
class MixtureDataTest {
  private static final MixtureCaseStudy STUDY = new MixtureCaseStudy();
  private static final MixtureData DATA = new MixtureData();
  private static final Map<String, String> SMALL = Map.of("--K", "3", "--d", "4");

  private static ModelInstance instance() {
    return STUDY.instance(Settings.parse(STUDY.parameters(), SMALL));
  }

  /** (1/m) Σ ∇ℓ(U; x): block i is −mean ρ_i(x)(x − u_i). */
  private static double[] meanScore(double[][] u, double[] x, int m) {
    int k = u.length;
    int d = u[0].length;
    double[] half = Posteriors.halfNorms(u);
    double[] rho = new double[k];
    double[] out = new double[k * d];
    for (int r = 0; r < m; r++) {
      Posteriors.compute(u, half, x, r * d, rho);
      for (int i = 0; i < k; i++) {
        for (int a = 0; a < d; a++) {
          out[i * d + a] -= rho[i] * (x[r * d + a] - u[i][a]) / m;
        }
      }
    }
    return out;
  }

  @Test
  void theEmpiricalHessianIsTheDerivativeOfTheMeanScore() {
    DataSet data = DATA.simulate(instance(), 4000, 10, Streams.of(5));
    double[][] u = instance() instanceof MixtureCaseStudy.Instance mi ? mi.instance().centres() : null;
    u[0][1] += 0.1; // anywhere, not only at a stationary point
    int m = data.m();
    double[] x = data.unlabeled().values();
    PretrainingMoments pm = MixtureData.pretraining(u, x, m);
    int k = u.length;
    int d = u[0].length;
    double step = 1e-5;
    double worst = 0;
    double scale = 0;
    for (int r = 0; r < k * d; r++) {
      double[][] plus = copy(u);
      double[][] minus = copy(u);
      plus[r / d][r % d] += step;
      minus[r / d][r % d] -= step;
      double[] sp = meanScore(plus, x, m);
      double[] sm = meanScore(minus, x, m);
      for (int c = 0; c < k * d; c++) {
        worst = Math.max(worst, Math.abs((sp[c] - sm[c]) / (2 * step) - pm.hessian().get(c, r)));
        scale = Math.max(scale, Math.abs(pm.hessian().get(c, r)));
      }
    }
    assertThat(worst).isLessThan(1e-7 * scale);
  }

  @Test
  void theCorrectedPlugInIsUnbiasedWhereThePlainOneIsNot() {
    ModelInstance inst = instance();
    Settings limit = Settings.parse(STUDY.parameters(), Map.of("--K", "3", "--d", "4", "--fisher-samples", "400000",
        "--samples", "2000000"));
    Estimate truth = inst.limit(limit, 1, new SequentialRunner()).mean();
    int sets = 30;
    double[] corrected = new double[sets];
    double[] plain = new double[sets];
    for (int i = 0; i < sets; i++) {
      DataSet data = DATA.simulate(inst, 5_000, 1_000, Streams.of(17, i));
      PlugIn p = DATA.plugIn(data, Settings.parse(DATA.dataParameters(), Map.of("--K", "3", "--restarts", "2")), i);
      DataEstimate e = DataEstimate.of(p, new AsymptoticEngine(), 1e-9);
      corrected[i] = e.interactionMean();
      plain[i] = e.uncorrectedMean();
    }
    Estimate c = Proportions.mean(corrected);
    Estimate u = Proportions.mean(plain);
    double se = Math.hypot(c.stdError(), truth.stdError());
    // 30 independent data sets: within 4 standard errors unless biased
    assertThat(Math.abs(c.value() - truth.value())).isLessThan(4 * se);
    // the plain plug-in carries the noise of theta-hat: tr(M Cov) > 0, many standard errors above the truth
    assertThat(u.value() - truth.value()).isGreaterThan(4 * Math.hypot(u.stdError(), truth.stdError()));
  }

  @Test
  void theLeanEstimateEqualsTheEnginesInteraction() {
    DataSet data = DATA.simulate(instance(), 3000, 500, Streams.of(8));
    PlugIn p = DATA.plugIn(data, Settings.parse(DATA.dataParameters(), Map.of("--K", "3")), 0);
    LeanEstimateAssert.assertLeanEqualsEngine(p);
  }

  private static double[][] copy(double[][] a) {
    double[][] out = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i].clone();
    }
    return out;
  }
}
