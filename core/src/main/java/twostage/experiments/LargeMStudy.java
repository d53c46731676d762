package twostage.experiments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import twostage.random.Streams;
import twostage.simulate.FitDiagnostics;
import twostage.simulate.LearnedRepresentation;
import twostage.simulate.PopulationMoments;
import twostage.stats.Estimate;
import twostage.stats.Kolmogorov;
import twostage.stats.Proportions;
import twostage.stats.WeightedChiSquare;

/**
 * The large-m check (the arbiter of closed forms): simulate the pre-training estimator itself at
 * large m and compare m·Rep(ŵ_m) with the law of ‖L(Z)‖² (Theorem 5.1) by the Kolmogorov distance
 * and its 5% critical value. Replicates are resumable tasks.
 */
public final class LargeMStudy {
  /** Levels of the reported quantiles. */
  public static final List<Double> LEVELS = List.of(0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99);

  private LargeMStudy() {}

  /**
   * One replicate.
   *
   * @param scaledRep m·Rep(ŵ_m)
   * @param scaledRepStdError its Monte Carlo standard error (0 when Rep is exact)
   * @param fit the estimator's diagnostics
   * @param statistics the model's statistics of the fit ({@link LearnedRepresentation#statistics()})
   */
  public record Replicate(
      double scaledRep, double scaledRepStdError, FitDiagnostics fit, Map<String, Double> statistics) {}

  /** Replicate {@code index}: pre-training from {@code Streams.of(seed, index)}. */
  public record ReplicateTask(LargeMSpec spec, int index) implements Task<Replicate> {
    @Override
    public String key() {
      return "i=" + index;
    }

    @Override
    public Replicate compute() {
      LearnedRepresentation rep =
          spec.model().pipeline().pretrain(Streams.of(spec.seed(), index), (int) spec.m());
      PopulationMoments pop = rep.population(Streams.of(spec.seed(), index, 2));
      double m = spec.m();
      return new Replicate(m * pop.representationError().value(), m * pop.representationError().stdError(),
          rep.diagnostics(), new LinkedHashMap<>(rep.statistics()));
    }
  }

  /**
   * The check.
   *
   * @param spec what ran
   * @param parameters the instance's description
   * @param limit the interaction the sample is compared with (weights, E‖L(Z)‖² ± standard error)
   * @param scaledRep m·Rep(ŵ_m) per replicate, in replicate order
   * @param mean their mean with standard error sd/√R
   * @param meanZ (mean − E‖L(Z)‖²) / combined standard error
   * @param levels quantile levels
   * @param sampleQuantiles empirical quantiles (type 7)
   * @param lawQuantiles quantiles of ‖L(Z)‖²
   * @param ks sup |ECDF − CDF of ‖L(Z)‖²|
   * @param ksCritical5 the 5% critical value 1.358/√R
   * @param notConverged fits that did not converge
   * @param otherBasin fits in another basin
   * @param maxPasses most passes or iterations of one fit
   * @param statistics mean ± standard error of each model statistic
   * @param computedNow replicates computed by this run
   * @param seconds wall-clock seconds of this run
   */
  public record Result(
      LargeMSpec spec, Map<String, Object> parameters, LimitResult limit, double[] scaledRep, Estimate mean,
      double meanZ, List<Double> levels, List<Double> sampleQuantiles, List<Double> lawQuantiles, double ks,
      double ksCritical5, int notConverged, int otherBasin, int maxPasses, Map<String, Estimate> statistics,
      int computedNow, double seconds) {

    /** True when the Kolmogorov distance is below the 5% critical value. */
    public boolean consistentAt5Percent() {
      return ks <= ksCritical5;
    }
  }

  /**
   * Runs (or resumes) the check; results are stored in {@code dir}, or kept in memory when it is
   * null.
   */
  public static Result run(LargeMSpec spec, Path dir, TaskExecutor executor, Progress progress) {
    long t0 = System.nanoTime();
    LimitResult limit = LimitStudy.run(new LimitSpec(spec.model(), 1.0, LimitSpec.DEFAULT_LEVELS, spec.seed()),
        executor.runner());
    List<ReplicateTask> tasks = new ArrayList<>();
    for (int i = 0; i < spec.reps(); i++) {
      tasks.add(new ReplicateTask(spec, i));
    }
    List<Replicate> reps = new ArrayList<>();
    int computed;
    try (ResultStore<Replicate> store = dir == null ? ResultStore.memory(Replicate.class)
        : ResultStore.open(dir, ResultStore.manifest("study", "check", "model", spec.model(), "m", spec.m(),
            "seed", spec.seed()), Replicate.class)) {
      computed = executor.execute("check " + spec.model().model(), tasks, store, progress);
      tasks.forEach(t -> reps.add(store.get(t.key())));
    }
    int r = reps.size();
    double[] x = new double[r];
    int notConverged = 0;
    int otherBasin = 0;
    int maxPasses = 0;
    TreeSet<String> names = new TreeSet<>();
    for (int i = 0; i < r; i++) {
      Replicate rep = reps.get(i);
      x[i] = rep.scaledRep();
      notConverged += rep.fit().converged() ? 0 : 1;
      otherBasin += rep.fit().otherBasin() ? 1 : 0;
      maxPasses = Math.max(maxPasses, rep.fit().passes());
      names.addAll(rep.statistics().keySet());
    }
    Map<String, Estimate> stats = new LinkedHashMap<>();
    for (String name : names) {
      stats.put(name, Proportions.mean(reps.stream().mapToDouble(p -> p.statistics().getOrDefault(name, Double.NaN)).toArray()));
    }
    Estimate mean = Proportions.mean(x);
    WeightedChiSquare law = new WeightedChiSquare(limit.estimate().interaction().weights());
    double[] sorted = x.clone();
    Arrays.sort(sorted);
    List<Double> sq = new ArrayList<>();
    List<Double> lq = new ArrayList<>();
    for (double p : LEVELS) {
      sq.add(Kolmogorov.quantile(sorted, p));
      lq.add(law.quantile(p));
    }
    Estimate lm = limit.estimate().mean();
    double z = (mean.value() - lm.value()) / Math.hypot(mean.stdError(), lm.stdError());
    return new Result(spec, spec.model().instance().description(), limit, x, mean, z, LEVELS, sq, lq,
        Kolmogorov.distance(sorted, law::cdf), Kolmogorov.criticalValue(r, 0.05), notConverged, otherBasin,
        maxPasses, stats, computed, (System.nanoTime() - t0) / 1e9);
  }
}
