package twostage.experiments;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import twostage.data.DataEstimate;
import twostage.data.DataSet;
import twostage.exec.Runner;
import twostage.random.Streams;
import twostage.spi.Baseline;
import twostage.spi.DataModel;
import twostage.spi.LimitEstimate;
import twostage.spi.ModelInstance;
import twostage.spi.Settings;
import twostage.stats.Estimate;
import twostage.stats.Interval;
import twostage.stats.Percentiles;
import twostage.stats.Proportions;
import twostage.theory.Crossover;
import twostage.theory.TangentRank;

/**
 * How often the bootstrap intervals of the estimate from data contain the truth (docs/data.md): data
 * sets are drawn from a known instance ({@link DataModel#simulate}), each is estimated with B bootstrap
 * replicates exactly as {@code plan --unlabeled --labeled} does, and the fraction of intervals that
 * contain the true E‖L(Z)‖² and α₀ is reported with its binomial standard error. One task per data set.
 */
public final class DataCoverageStudy {
  private DataCoverageStudy() {}

  /**
   * The experiment.
   *
   * @param model the instance that generates the data (its limit is the truth)
   * @param options canonical values of the model's data options used to estimate
   * @param m unlabeled rows per data set
   * @param n labeled rows per data set
   * @param datasets number of data sets
   * @param bootstrap B per data set
   * @param seed seed of the data sets and of their bootstraps
   */
  public record Spec(ModelSpec model, Map<String, String> options, int m, int n, int datasets, int bootstrap, long seed)
      implements Serializable {
    public Spec {
      options = new LinkedHashMap<>(options);
      if (m < 1 || n < 1) {
        throw new IllegalArgumentException("--m and --n must be >= 1, got " + m + ", " + n);
      }
      if (datasets < 1 || bootstrap < 2) {
        throw new IllegalArgumentException("--datasets must be >= 1 and --bootstrap >= 2, got " + datasets + ", " + bootstrap);
      }
    }
  }

  /**
   * One data set's estimates: the point values and the bootstrap replicate values (successful ones).
   *
   * @param dataset its index
   * @param interaction Ê‖L‖² at the data set
   * @param alpha0 α̂₀ there
   * @param sigma2 σ̂² there
   * @param interactionReplicates Ê‖L‖² over the replicates
   * @param alpha0Replicates α̂₀ over the replicates
   * @param failed replicates that failed
   * @param failure why the point estimate failed (empty when it did not)
   */
  public record DataSetResult(int dataset, double interaction, double alpha0, double sigma2,
      double[] interactionReplicates, double[] alpha0Replicates, int failed, String failure) {}

  /** One data set, its estimate and its bootstrap: a pure function of the spec and the index. */
  public record DataSetTask(Spec spec, int dataset) implements Task<DataSetResult> {
    @Override
    public String key() {
      return "d" + dataset;
    }

    @Override
    public DataSetResult compute() {
      DataModel dm = DataPlanStudy.dataModel(spec.model().caseStudy());
      DataSet data = dm.simulate(spec.model().instance(), spec.m(), spec.n(), Streams.of(spec.seed(), dataset, 0));
      DataPlanStudy.Spec ds = new DataPlanStudy.Spec(spec.model().model(), spec.options(), data, spec.bootstrap(),
          Streams.derive(spec.seed(), dataset, 1), TangentRank.DEFAULT_TOLERANCE);
      DataEstimate point;
      try {
        point = DataPlanStudy.estimate(ds, data, 0);
      } catch (IllegalArgumentException | ArithmeticException e) {
        return new DataSetResult(dataset, Double.NaN, Double.NaN, Double.NaN, new double[0], new double[0], 0,
            e.getMessage());
      }
      List<DataEstimate> reps = new ArrayList<>();
      for (DataPlanStudy.Replicate r : DataPlanStudy.tasks(ds)) {
        reps.add(r.compute());
      }
      List<DataEstimate> ok = reps.stream().filter(DataEstimate::ok).toList();
      return new DataSetResult(dataset, point.interactionMean(), point.crossover().alpha0(), point.sigma2(),
          ok.stream().mapToDouble(DataEstimate::interactionMean).toArray(),
          ok.stream().mapToDouble(e -> e.crossover().alpha0()).toArray(), reps.size() - ok.size(), "");
    }
  }

  /**
   * The truth: E‖L(Z)‖² (with the standard error of a Monte Carlo limit), σ², d_eff, d_base and α₀.
   *
   * @param interaction E‖L(Z)‖²
   * @param alpha0 α₀ (its standard error from that of E‖L‖²)
   */
  public record Truth(Estimate interaction, Estimate alpha0, double sigma2, int dEff, int dBase) {}

  /**
   * Coverage of one interval method for one quantity.
   *
   * @param quantity "interaction" or "alpha0"
   * @param method "percentile" or "basic"
   * @param covered data sets whose interval contains the truth
   * @param datasets data sets with an estimate
   * @param coverage covered/datasets with its binomial standard error √(p(1−p)/N)
   */
  public record Coverage(String quantity, String method, int covered, int datasets, Estimate coverage) {}

  /**
   * The outcome.
   *
   * @param spec the experiment
   * @param level the intervals' nominal coverage
   * @param truth the truth
   * @param coverages per quantity and method
   * @param interactionMean mean of Ê‖L‖² over the data sets, with its standard error
   * @param interactionSd standard deviation of Ê‖L‖² over the data sets
   * @param interactionBootstrapSd mean over the data sets of the bootstrap standard deviation of Ê‖L‖²
   * @param alpha0Mean mean of α̂₀ over the data sets, with its standard error
   * @param failedDatasets data sets whose point estimate failed
   * @param failedReplicates bootstrap replicates that failed, over all data sets
   */
  public record Outcome(Spec spec, double level, Truth truth, List<Coverage> coverages, Estimate interactionMean,
      double interactionSd, double interactionBootstrapSd, Estimate alpha0Mean, int failedDatasets,
      int failedReplicates) {}

  /** The truth at the instance of {@code spec}, with the model's limit settings. */
  public static Truth truth(Spec spec, Runner runner) {
    ModelInstance inst = spec.model().instance();
    Settings s = spec.model().settings();
    LimitEstimate limit = inst.limit(s, spec.seed(), runner);
    Baseline b = inst.baseline(s, TangentRank.DEFAULT_TOLERANCE, spec.seed(), runner);
    Crossover c = limit.crossover(inst.sigma2(), b);
    double scale = c.alpha0() / Math.max(limit.mean().value(), Double.MIN_NORMAL);
    return new Truth(limit.mean(), new Estimate(c.alpha0(), limit.mean().stdError() * scale), inst.sigma2(),
        c.dEff(), c.dBase());
  }

  /** The tasks. */
  public static List<DataSetTask> tasks(Spec spec) {
    List<DataSetTask> out = new ArrayList<>();
    for (int i = 0; i < spec.datasets(); i++) {
      out.add(new DataSetTask(spec, i));
    }
    return out;
  }

  /** What a result directory is made for (the number of data sets may grow). */
  public static Map<String, Object> manifest(Spec spec) {
    return ResultStore.manifest("study", "data-coverage", "model", spec.model(), "options", spec.options(),
        "m", spec.m(), "n", spec.n(), "bootstrap", spec.bootstrap(), "seed", spec.seed());
  }

  /** Runs the data sets missing from {@code store} and summarises. */
  public static Outcome run(Spec spec, double level, TaskExecutor executor, ResultStore<DataSetResult> store,
      Progress progress) {
    Truth truth = truth(spec, executor.runner());
    List<DataSetTask> tasks = tasks(spec);
    executor.execute("coverage " + spec.model().model(), tasks, store, progress);
    List<DataSetResult> results = tasks.stream().map(t -> store.get(t.key())).toList();
    return summarise(spec, level, truth, results);
  }

  /** The coverage of the stored data sets. */
  public static Outcome summarise(Spec spec, double level, Truth truth, List<DataSetResult> results) {
    List<DataSetResult> ok = results.stream().filter(r -> r.failure().isEmpty()).toList();
    List<Coverage> cov = new ArrayList<>();
    cov.add(coverage("interaction", "percentile", ok, r -> r.interaction(), r -> r.interactionReplicates(),
        truth.interaction().value(), level, false));
    cov.add(coverage("interaction", "basic", ok, r -> r.interaction(), r -> r.interactionReplicates(),
        truth.interaction().value(), level, true));
    if (Double.isFinite(truth.alpha0().value())) {
      cov.add(coverage("alpha0", "percentile", ok, r -> r.alpha0(), r -> r.alpha0Replicates(),
          truth.alpha0().value(), level, false));
      cov.add(coverage("alpha0", "basic", ok, r -> r.alpha0(), r -> r.alpha0Replicates(),
          truth.alpha0().value(), level, true));
    }
    double[] est = ok.stream().mapToDouble(DataSetResult::interaction).toArray();
    Estimate mean = Proportions.mean(est);
    double sd = mean.stdError() * Math.sqrt(est.length);
    double bootSd = ok.stream().mapToDouble(r -> Proportions.mean(r.interactionReplicates()).stdError()
        * Math.sqrt(r.interactionReplicates().length)).average().orElse(Double.NaN);
    Estimate a0 = Proportions.mean(ok.stream().mapToDouble(DataSetResult::alpha0).filter(Double::isFinite).toArray());
    int failedReps = results.stream().mapToInt(DataSetResult::failed).sum();
    return new Outcome(spec, level, truth, cov, mean, sd, bootSd, a0, results.size() - ok.size(), failedReps);
  }

  private static Coverage coverage(String quantity, String method, List<DataSetResult> ok,
      ToDoubleFunction<DataSetResult> point, java.util.function.Function<DataSetResult, double[]> reps,
      double truth, double level, boolean basic) {
    int covered = 0;
    int count = 0;
    for (DataSetResult r : ok) {
      double p = point.applyAsDouble(r);
      if (!Double.isFinite(p)) {
        continue;
      }
      Interval i = basic ? Percentiles.basic(p, reps.apply(r), level) : Percentiles.percentile(p, reps.apply(r), level);
      count++;
      if (i.low() <= truth && truth <= i.high()) {
        covered++;
      }
    }
    double f = count == 0 ? Double.NaN : (double) covered / count;
    return new Coverage(quantity, method, covered, count,
        new Estimate(f, count == 0 ? Double.NaN : Math.sqrt(f * (1 - f) / count)));
  }
}
