package twostage.baseline;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import twostage.exec.Runner;
import twostage.random.Streams;
import twostage.stats.Estimate;

/**
 * Simulated downstream-only baseline (the crossover study runs {@link #replicate} as tasks): for each n, independent replicates draw (x_i, y_i), i ≤ n, fit F
 * by {@link LeastSquaresFit} from the truth and record the scaled excess risk n(R − σ²) with
 * R − σ² = E[(f(X; φ̂) − f⋆(X))² | data] for the labels actually drawn (a nonlinear fit cannot average
 * the training-label noise analytically as Proposition B.1 does for OLS; averaging over replicates does
 * it, so the mean estimates E[n(R − σ²)] of (3.4)–(3.5)). R is exact when the problem supplies it,
 * otherwise a fresh population sample of {@code populationSamples} draws per replicate (so its Monte
 * Carlo error is part of the replicate spread and of the standard error).
 *
 * <p>Replicate j at size index i draws from {@code Streams.of(seed, 3, i, j)}: results do not depend on
 * the runner.
 */
public final class BaselineSimulation {
  /** Replicate j at size index i draws from {@code Streams.of(seed, STAGE, i, j)}. */
  public static final long STAGE = 3;

  private BaselineSimulation() {}

  /**
   * Runs the replicates at every n.
   *
   * @param sizes the n values
   * @param replicates replicates per n
   * @param populationSamples population sample per replicate when R is not exact
   */
  public static List<Point> run(
      BaselineProblem problem,
      LocalChart chart,
      long[] sizes,
      int replicates,
      int populationSamples,
      long seed,
      Runner runner) {
    if (replicates < 2) {
      throw new IllegalArgumentException("need at least 2 replicates, got " + replicates);
    }
    List<Point> out = new ArrayList<>();
    for (int i = 0; i < sizes.length; i++) {
      long n = sizes[i];
      if (n < chart.dimension() + 1 || n > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            "n must exceed d_base=" + chart.dimension() + " (and fit in an int), got " + n);
      }
      int idx = i;
      List<Replicate> reps = runner.map(replicates,
          j -> replicate(problem, chart, (int) n, populationSamples, Streams.of(seed, STAGE, idx, j)));
      out.add(summarise(n, reps));
    }
    return out;
  }

  /** One replicate: fit and scaled excess risk. */
  public static Replicate replicate(
      BaselineProblem problem, LocalChart chart, int n, int populationSamples, UniformRandomProvider rng) {
    RegressionFamily f = problem.family();
    int dim = f.inputDimension();
    double[] x = new double[n * dim];
    problem.design().draw(rng, n, x);
    double[] y = new double[n];
    f.evaluate(problem.truth(), x, n, y);
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    for (int i = 0; i < n; i++) {
      y[i] += problem.sigma() * g.sample();
    }
    LeastSquaresFit.Result fit = LeastSquaresFit.fit(f, chart, x, y);
    double excess;
    if (problem.excess() != null) {
      excess = problem.excess().of(fit.phi());
    } else {
      double[] xp = new double[populationSamples * dim];
      problem.design().draw(rng, populationSamples, xp);
      double[] a = new double[populationSamples];
      double[] b = new double[populationSamples];
      f.evaluate(fit.phi(), xp, populationSamples, a);
      f.evaluate(problem.truth(), xp, populationSamples, b);
      double s = 0;
      for (int i = 0; i < populationSamples; i++) {
        double e = a[i] - b[i];
        s += e * e;
      }
      excess = s / populationSamples;
    }
    return new Replicate(n * excess, fit.iterations(), fit.converged());
  }

  /** The summary of the replicates at one n (non-converged fits excluded and counted). */
  public static Point summarise(long n, List<Replicate> reps) {
    double sum = 0;
    double sumSq = 0;
    int used = 0;
    int failed = 0;
    double iterations = 0;
    for (Replicate r : reps) {
      iterations += r.iterations();
      if (!r.converged()) {
        failed++;
        continue;
      }
      sum += r.scaledExcess();
      sumSq += r.scaledExcess() * r.scaledExcess();
      used++;
    }
    double mean = sum / used;
    double var = used > 1 ? Math.max(sumSq - used * mean * mean, 0) / (used - 1) : Double.NaN;
    return new Point(n, new Estimate(mean, Math.sqrt(var / used)), used, failed,
        iterations / reps.size());
  }

  /**
   * One replicate.
   *
   * @param scaledExcess n(R − σ²)
   * @param iterations Levenberg–Marquardt iterations
   * @param converged whether LM converged
   */
  public record Replicate(double scaledExcess, int iterations, boolean converged) {}

  /**
   * The baseline at one n.
   *
   * @param n labeled sample size
   * @param scaledExcess mean of n(R − σ²) over converged replicates, ± standard error
   * @param replicates converged replicates used
   * @param notConverged replicates where LM hit its cap (excluded, reported)
   * @param meanIterations mean LM iterations
   */
  public record Point(
      long n, Estimate scaledExcess, int replicates, int notConverged, double meanIterations) {}
}
