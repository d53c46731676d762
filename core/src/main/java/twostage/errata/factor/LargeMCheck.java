package twostage.errata.factor;

import twostage.stats.Kolmogorov;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.ejml.data.DMatrixRMaj;
import twostage.exec.Runner;
import twostage.linalg.Sym;
import twostage.random.Streams;
import twostage.stats.Estimate;
import twostage.models.factor.FactorInstance;
import twostage.models.factor.FactorModel;
import twostage.models.factor.Ppca;
import twostage.models.factor.PpcaFit;
import twostage.models.factor.Representation;
import twostage.models.factor.SampleCovariance;

/**
 * The arbiter of Corollary 6.4: for large m, m·Rep(M̂_m) of the PPCA estimator should be distributed
 * as ‖L(Z)‖². Each replicate draws S_m from its Wishart law by the Bartlett decomposition
 * ({@link SampleCovariance#wishart}), so m = 10⁶ costs O(d³) per replicate, fits PPCA (I.4) and
 * evaluates Rep in closed form ({@link Representation}). Replicate i uses {@code Streams.of(seed, i)}:
 * the result is a pure function of (instance, m, replicates, seed), whatever the runner.
 */
public final class LargeMCheck {
  /** Levels of the reported quantiles. */
  public static final double[] PROBABILITIES = {0.05, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99};

  private LargeMCheck() {}

  /** One replicate: (m·Rep(M̂_m), 1 if the truncation bound else 0). */
  public static double[] replicate(FactorModel model, DMatrixRMaj covarianceSqrt, long m, long seed, int i) {
    DMatrixRMaj s = SampleCovariance.wishart(Streams.of(seed, i), covarianceSqrt, m);
    PpcaFit fit = Ppca.fit(s, model.k());
    return new double[] {m * Representation.error(model, fit), fit.truncationBinds() ? 1 : 0};
  }

  /**
   * Runs R replicates at m and summarises them.
   *
   * @param limitCdf CDF of the limit law to compare with (null: no Kolmogorov distance)
   */
  public static LargeMResult run(
      FactorInstance instance, long m, int replicates, long seed, Runner runner, DoubleUnaryOperator limitCdf) {
    if (replicates < 2) {
      throw new IllegalArgumentException("replicates must be >= 2, got " + replicates);
    }
    if (m < instance.d()) {
      throw new IllegalArgumentException("m must be >= d=" + instance.d() + ", got " + m);
    }
    FactorModel model = FactorModel.of(instance);
    DMatrixRMaj root = Sym.sqrtPsd(model.covariance());
    List<double[]> out = runner.map(replicates, i -> replicate(model, root, m, seed, i));
    double[] x = new double[replicates];
    int binds = 0;
    for (int i = 0; i < replicates; i++) {
      x[i] = out.get(i)[0];
      binds += (int) out.get(i)[1];
    }
    double mean = Arrays.stream(x).average().orElse(Double.NaN);
    double ss = 0;
    for (double v : x) {
      ss += (v - mean) * (v - mean);
    }
    double se = Math.sqrt(ss / (replicates - 1) / replicates);
    double[] sorted = x.clone();
    Arrays.sort(sorted);
    double[] q = new double[PROBABILITIES.length];
    for (int j = 0; j < q.length; j++) {
      q[j] = Kolmogorov.quantile(sorted, PROBABILITIES[j]);
    }
    double ks = limitCdf == null ? Double.NaN : Kolmogorov.distance(x, limitCdf);
    return new LargeMResult(
        m, replicates, seed, x, new Estimate(mean, se), PROBABILITIES.clone(), q, ks,
        Kolmogorov.criticalValue(replicates, 0.05), binds);
  }
}
