package twostage.experiments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import twostage.baseline.BaselineSimulation;
import twostage.baseline.LocalChart;
import twostage.exec.Runner;
import twostage.exec.SequentialRunner;
import twostage.random.Streams;
import twostage.spi.Baseline;
import twostage.spi.LimitEstimate;
import twostage.spi.ModelInstance;
import twostage.stats.Estimate;
import twostage.stats.WeightedChiSquare;
import twostage.theory.Crossover;
import twostage.theory.TangentRank;

/**
 * The crossover study: σ² d_eff + E‖L‖²/α (two-stage) against σ² d_base (downstream-only least
 * squares over the whole class), α₀ = E‖L‖²/(σ²(d_base − d_eff)), the quantile band of the two-stage
 * law, and the baseline simulated at finite n (its replicates are resumable tasks).
 */
public final class CrossoverStudy {
  private CrossoverStudy() {}

  /** One baseline replicate: Levenberg–Marquardt over the class from the truth. */
  public record BaselineTask(CrossoverSpec spec, int sizeIndex, long n, int index)
      implements Task<BaselineSimulation.Replicate> {
    @Override
    public String key() {
      return key(n, index);
    }

    static String key(long n, int j) {
      return "n=" + n + "/j=" + j;
    }

    @Override
    public double cost() {
      return n;
    }

    @Override
    public BaselineSimulation.Replicate compute() {
      Runner one = new SequentialRunner();
      return BaselineSimulation.replicate(baseline(spec, one).problem(), chart(spec, one), (int) n,
          (int) spec.population(),
          Streams.of(spec.seed(), BaselineSimulation.STAGE, sizeIndex, index));
    }
  }

  /**
   * The curves over α.
   *
   * @param band the quantile band's probabilities
   * @param alpha α, log-spaced
   * @param twoStage σ² d_eff + E‖L‖²/α
   * @param lower σ² d_eff + q_P(‖L‖²)/α
   * @param upper σ² d_eff + q_Q(‖L‖²)/α
   * @param downstreamOnly σ² d_base
   */
  public record Curves(
      List<Double> band, double[] alpha, double[] twoStage, double[] lower, double[] upper, double[] downstreamOnly) {}

  /**
   * The simulated baseline at one n.
   *
   * @param n labeled size
   * @param scaledExcess mean n(R − σ²) over converged replicates, ± standard error
   * @param replicates converged replicates
   * @param notConverged replicates where LM hit its cap (excluded)
   * @param meanIterations mean LM iterations
   * @param zVsDownstreamOnly (mean − σ² d_base)/standard error
   * @param leastSquaresExpectation σ² d_base n/(n − d_base − 1) for a linear Gaussian class, else NaN
   */
  public record BaselinePoint(
      long n, Estimate scaledExcess, int replicates, int notConverged, double meanIterations,
      double zVsDownstreamOnly, double leastSquaresExpectation) {}

  /**
   * The simulation.
   *
   * @param replicates replicates per n
   * @param chartDimension dimension of the local chart (−1 when not simulated)
   * @param exactRisk whether R is exact (else a population sample per replicate)
   * @param points one per n
   */
  public record Simulation(long replicates, int chartDimension, boolean exactRisk, List<BaselinePoint> points) {}

  /**
   * The crossover.
   *
   * @param spec what ran
   * @param parameters the instance's description
   * @param crossover σ², d_eff, d_base and E‖L‖² (its α₀, floor and baseline)
   * @param dBase d_base with its eigenvalue gap
   * @param limit the interaction (weights, E‖L(Z)‖² ± standard error)
   * @param alpha0StdError standard error of α₀ (NaN when d_base = d_eff)
   * @param curves the curves
   * @param simulation the simulated baseline
   * @param computedNow replicates computed by this run
   * @param seconds wall-clock seconds of this run
   */
  public record Result(
      CrossoverSpec spec, Map<String, Object> parameters, Crossover crossover, TangentRank dBase,
      LimitEstimate limit, double alpha0StdError, Curves curves, Simulation simulation, int computedNow,
      double seconds) {}

  /** Runs (or resumes) the crossover; baseline replicates are stored in {@code dir}. */
  public static Result run(CrossoverSpec spec, Path dir, TaskExecutor executor, Progress progress) {
    long t0 = System.nanoTime();
    ModelInstance m = spec.model().instance();
    LimitEstimate limit = m.limit(spec.model().settings(), spec.seed(), executor.runner());
    Baseline b = baseline(spec, executor.runner());
    Crossover c = limit.crossover(m.sigma2(), b);
    List<Long> sizes = spec.baselineN();
    if (sizes.isEmpty() && b.exactRisk()) {
      sizes = CrossoverSpec.CHEAP_MULTIPLES.stream().map(v -> v * c.dBase()).toList();
    }
    long reps = spec.replicates() >= 0 ? spec.replicates() : b.exactRisk() ? CrossoverSpec.CHEAP_REPLICATES : 0;
    if (reps == 0) {
      sizes = List.of();
    }
    for (long n : sizes) {
      if (n <= c.dBase() + 1) {
        throw new IllegalArgumentException(
            "--baseline-n values must exceed d_base + 1 = " + (c.dBase() + 1) + ", got " + n);
      }
    }
    List<BaselineTask> tasks = new ArrayList<>();
    for (int i = 0; i < sizes.size(); i++) {
      for (int j = 0; j < reps; j++) {
        tasks.add(new BaselineTask(spec, i, sizes.get(i), j));
      }
    }
    List<BaselinePoint> points = new ArrayList<>();
    int computed = 0;
    int chartDimension = -1;
    if (!tasks.isEmpty()) {
      chartDimension = chart(spec, executor.runner()).dimension();
      try (ResultStore<BaselineSimulation.Replicate> store =
          ResultStore.open(dir, ResultStore.manifest("study", "crossover baseline", "model", spec.model(),
              "population", spec.population(), "rankTolerance", spec.rankTolerance(), "seed", spec.seed()),
              BaselineSimulation.Replicate.class)) {
        computed = executor.execute("crossover " + spec.model().model() + " baseline", tasks, store, progress);
        for (long n : sizes) {
          List<BaselineSimulation.Replicate> list = new ArrayList<>();
          for (int j = 0; j < reps; j++) {
            list.add(store.get(BaselineTask.key(n, j)));
          }
          BaselineSimulation.Point p = BaselineSimulation.summarise(n, list);
          points.add(new BaselinePoint(n, p.scaledExcess(), p.replicates(), p.notConverged(), p.meanIterations(),
              (p.scaledExcess().value() - c.downstreamOnly()) / p.scaledExcess().stdError(),
              b.linearGaussian() ? leastSquares(n, c.dBase(), c.sigma2()) : Double.NaN));
        }
      }
    }
    double alpha0Se = c.reparametrisationOnly() ? Double.NaN
        : limit.mean().stdError() / (c.sigma2() * (c.dBase() - c.dEff()));
    return new Result(spec, m.description(), c, b.dBase(), limit, alpha0Se, curves(spec, c, limit),
        new Simulation(reps, chartDimension, b.exactRisk(), points), computed, (System.nanoTime() - t0) / 1e9);
  }

  /** The baseline of the spec's instance, once per process. */
  static Baseline baseline(CrossoverSpec spec, Runner runner) {
    return Models.cached(new ModelSpec.Key("baseline", List.of(spec.model(), spec.rankTolerance(), spec.seed())),
        k -> spec.model().instance().baseline(spec.model().settings(), spec.rankTolerance(), spec.seed(), runner));
  }

  /** The local chart of the spec's baseline, once per process. */
  static LocalChart chart(CrossoverSpec spec, Runner runner) {
    return Models.cached(new ModelSpec.Key("chart", spec), k -> baseline(spec, runner).chart().get());
  }

  /** σ² d n/(n − d − 1): E[n(R − σ²)] of least squares on d Gaussian regressors (∞ when n ≤ d + 1). */
  public static double leastSquares(long n, int d, double sigma2) {
    return n <= d + 1 ? Double.POSITIVE_INFINITY : sigma2 * d * (double) n / (n - d - 1);
  }

  private static Curves curves(CrossoverSpec spec, Crossover c, LimitEstimate limit) {
    double lo;
    double hi;
    List<Double> range = spec.alphaRange();
    if (!range.isEmpty()) {
      lo = range.get(0);
      hi = range.get(1);
    } else if (Double.isFinite(c.alpha0()) && c.alpha0() > 0) {
      lo = c.alpha0() / 100;
      hi = c.alpha0() * 100;
    } else {
      lo = 0.01;
      hi = 100;
    }
    int n = spec.points();
    double[] alpha = new double[n];
    for (int i = 0; i < n; i++) {
      alpha[i] = Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * i / (n - 1));
    }
    double qLow = quantile(limit, spec.band().get(0));
    double qHigh = quantile(limit, spec.band().get(1));
    double[] two = new double[n];
    double[] l = new double[n];
    double[] u = new double[n];
    double[] base = new double[n];
    for (int i = 0; i < n; i++) {
      two[i] = c.twoStage(alpha[i]);
      l[i] = c.floor() + qLow / alpha[i];
      u[i] = c.floor() + qHigh / alpha[i];
      base[i] = c.downstreamOnly();
    }
    return new Curves(spec.band(), alpha, two, l, u, base);
  }

  /** Quantile of ‖L(Z)‖²; 0 when the interaction vanishes. */
  private static double quantile(LimitEstimate limit, double p) {
    double top = 0;
    for (double w : limit.interaction().weights()) {
      top = Math.max(top, w);
    }
    return top == 0 ? 0 : new WeightedChiSquare(limit.interaction().weights()).quantile(p);
  }
}
