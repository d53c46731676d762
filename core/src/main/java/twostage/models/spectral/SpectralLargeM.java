package twostage.models.spectral;

import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import twostage.exec.Runner;
import twostage.random.Streams;
import twostage.stats.Kolmogorov;
import twostage.stats.Estimate;

/**
 * Simulates the estimator itself at large m: replicate r draws m triples from {@code Streams.of(seed, r)}
 * (so results do not depend on the runner), reduces them in one pass to the sufficient statistics
 * ({@link SpectralStatistics}: O(d⁴) memory, O(m·d⁴) time, data generation dominates), minimises the
 * empirical loss ({@link SpectralEstimator}) and records m·Rep(M̂_m).
 */
public final class SpectralLargeM {
  /** Quantile levels reported. */
  public static final double[] LEVELS = {0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99};

  private SpectralLargeM() {}

  /**
   * Runs the check.
   *
   * @param limitCdf CDF of the limit law of ‖L(Z)‖² (e.g. of Σλ_jχ²₁ with the engine's weights), or
   *     null to skip the Kolmogorov distance
   */
  public static LargeMCheck check(
      SpectralInstance inst, long m, int replicates, long seed, Runner runner, DoubleUnaryOperator limitCdf) {
    if (m < inst.dimension()) {
      throw new IllegalArgumentException("m must be ≥ d = " + inst.dimension() + ", got " + m);
    }
    if (replicates < 2) {
      throw new IllegalArgumentException("replicates must be ≥ 2, got " + replicates);
    }
    List<SpectralFit> fits = runner.map(replicates, r ->
        SpectralEstimator.fit(inst, SpectralStatistics.sample(inst, m, Streams.of(seed, r))));
    double[] scaled = new double[replicates];
    double[] excess = new double[replicates];
    double maxGrad = 0;
    int maxIt = 0;
    int bad = 0;
    for (int r = 0; r < replicates; r++) {
      SpectralFit f = fits.get(r);
      scaled[r] = m * f.rep();
      excess[r] = m * f.excessLoss();
      maxGrad = Math.max(maxGrad, f.gradientNorm());
      maxIt = Math.max(maxIt, f.iterations());
      bad += f.converged() ? 0 : 1;
    }
    double[] sorted = scaled.clone();
    Arrays.sort(sorted);
    double[] q = new double[LEVELS.length];
    for (int i = 0; i < q.length; i++) {
      q[i] = quantile(sorted, LEVELS[i]);
    }
    double ks = limitCdf == null ? Double.NaN : Kolmogorov.distance(sorted, limitCdf);
    return new LargeMCheck(m, replicates, seed, scaled, meanWithError(scaled), LEVELS.clone(), q, ks,
        1.358 / Math.sqrt(replicates), maxGrad, maxIt, bad, meanWithError(excess));
  }


  /** Sample mean with standard error s/√n. */
  static Estimate meanWithError(double[] x) {
    double mean = 0;
    for (double v : x) {
      mean += v;
    }
    mean /= x.length;
    double ss = 0;
    for (double v : x) {
      ss += (v - mean) * (v - mean);
    }
    return new Estimate(mean, Math.sqrt(ss / (x.length - 1) / x.length));
  }

  /** Quantile of a sorted sample by linear interpolation (type 7). */
  static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
