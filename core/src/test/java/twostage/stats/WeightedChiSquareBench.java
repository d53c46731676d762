package twostage.stats;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Timings of {@link WeightedChiSquare} (not a test: run by hand, one JVM, after a warm-up):
 * <pre>
 * mvn -B -q -ntp -pl core -am test-compile
 * java -cp "core/target/test-classes:core/target/classes:cli/target/lib/*" \
 *     twostage.stats.WeightedChiSquareBench [maxWeights]
 * </pre>
 * For each law it prints the wall time of one CDF (median of the points E[Q] ± k·sd) and of one
 * quantile (mean over 12 probabilities from 10⁻¹⁰ to 1 − 10⁻¹⁰), and the largest |F(q_p) − p|
 * relative to min(p, 1 − p) with the largest reported bound.
 */
public final class WeightedChiSquareBench {
  private static final double[] PS = {
    1e-10, 1e-4, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 0.999, 1 - 1e-6, 1 - 1e-10};

  private WeightedChiSquareBench() {}

  public static void main(String[] args) {
    int max = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    SplittableRandom rng = new SplittableRandom(2026);
    run("warm-up", uniform(rng, 2000), false);
    for (int n = 1000; n <= max; n *= 10) {
      run("uniform(0,1) n=" + n, uniform(rng, n), true);
      run("12 decades n=" + n, decades(n), true);
    }
    double[] equal = new double[5000];
    Arrays.fill(equal, 1.0);
    run("5000 equal (Gamma path)", equal, true);
    double[] mixture = new double[4 * 4997 + 12];
    double[] iso = {5.03e-6, 9.99e-7, 6.04e-7, 1.47e-21};
    int o = 0;
    for (double v : iso) {
      for (int i = 0; i < 4997; i++) {
        mixture[o++] = v;
      }
    }
    for (int i = 0; i < 12; i++) {
      mixture[o++] = 3.4e-6 / (i + 1);
    }
    run("mixture d=5000 (16 distinct)", mixture, true);
  }

  private static double[] uniform(SplittableRandom rng, int n) {
    double[] w = new double[n];
    for (int j = 0; j < n; j++) {
      w[j] = rng.nextDouble();
    }
    return w;
  }

  private static double[] decades(int n) {
    double[] w = new double[n];
    for (int j = 0; j < n; j++) {
      w[j] = Math.pow(10, -12.0 * j / (n - 1));
    }
    return w;
  }

  private static void run(String name, double[] w, boolean print) {
    WeightedChiSquare q = new WeightedChiSquare(w);
    double sd = Math.sqrt(q.variance());
    long t0 = System.nanoTime();
    int cdfs = 0;
    for (double k : new double[] {-3, -1, 0, 1, 3, 6}) {
      double x = q.mean() + k * sd;
      if (x > 0) {
        q.cdf(x);
        cdfs++;
      }
    }
    double cdfMs = (System.nanoTime() - t0) / 1e6 / cdfs;
    long t1 = System.nanoTime();
    double worst = 0;
    double bound = 0;
    for (double p : PS) {
      double x = q.quantile(p);
      WeightedChiSquare.Bounded f = p <= 0.5 ? q.cdfWithError(x) : q.survivalWithError(x);
      double target = Math.min(p, 1 - p);
      worst = Math.max(worst, Math.abs(f.value() - target) / target);
      bound = Math.max(bound, f.error() / target);
    }
    double quantileMs = (System.nanoTime() - t1) / 1e6 / PS.length;
    if (print) {
      System.out.printf(Locale.ROOT, "%-30s distinct=%6d  cdf %8.1f ms  quantile %8.1f ms  "
          + "max rel|F(q)-p| %.1e  max rel bound %.1e%n", name, q.distinctWeights(), cdfMs,
          quantileMs, worst, bound);
    }
  }
}
