package twostage.ad;

import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import twostage.exec.Runner;
import twostage.random.Streams;
import twostage.stats.Estimate;
import twostage.stats.Kolmogorov;

/**
 * The large-m check of a model's law against its own estimator: R replicates of m·Rep(ŵ_m), which
 * should be distributed as ‖L(Z)‖² (Theorem 5.1's pre-training term, since
 * m·Rep(ŵ_m) ⇝ ‖L(Z)‖²), summarised by its mean and the Kolmogorov distance to the law's CDF with the
 * 5% critical value. Replicate i fits on {@code Streams.of(seed, i, 0)} and evaluates Rep with
 * {@code Streams.of(seed, i, 1)}: the result does not depend on the runner.
 *
 * @param m pre-training sample size
 * @param values m·Rep(ŵ_m) per replicate
 * @param mean their mean with its standard error
 * @param kolmogorov sup-distance of their ECDF to the law's CDF (NaN without a CDF)
 * @param criticalValue 5% critical value of the Kolmogorov distance for R replicates
 * @param notConverged replicates whose estimator did not converge (kept, reported)
 */
public record LargeMSample(
    long m, double[] values, Estimate mean, double kolmogorov, double criticalValue, int notConverged) {

  /** Runs R replicates; {@code limitCdf} is the CDF of ‖L(Z)‖² (null: no distance). */
  public static LargeMSample run(
      AdTwoStageModel model, int m, int replicates, long seed, Runner runner, DoubleUnaryOperator limitCdf) {
    if (replicates < 2) {
      throw new IllegalArgumentException("replicates must be >= 2, got " + replicates);
    }
    if (m < 1) {
      throw new IllegalArgumentException("m must be >= 1, got " + m);
    }
    List<double[]> out = runner.map(replicates, i -> {
      var rep = model.pretrain(Streams.of(seed, i, 0), m);
      double r = rep.population(Streams.of(seed, i, 1)).representationError().value();
      return new double[] {m * r, rep.diagnostics().converged() ? 0 : 1};
    });
    double[] x = new double[replicates];
    int failed = 0;
    for (int i = 0; i < replicates; i++) {
      x[i] = out.get(i)[0];
      failed += (int) out.get(i)[1];
    }
    double mean = Arrays.stream(x).average().orElse(Double.NaN);
    double ss = 0;
    for (double v : x) {
      ss += (v - mean) * (v - mean);
    }
    double se = Math.sqrt(ss / (replicates - 1) / replicates);
    double ks = limitCdf == null ? Double.NaN : Kolmogorov.distance(x, limitCdf);
    return new LargeMSample(m, x, new Estimate(mean, se), ks, Kolmogorov.criticalValue(replicates, 0.05), failed);
  }
}
