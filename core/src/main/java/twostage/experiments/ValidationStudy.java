package twostage.experiments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import twostage.simulate.Replicate;
import twostage.simulate.TwoStageSimulator;
import twostage.simulate.ValidationPoint;
import twostage.spi.LimitEstimate;
import twostage.theory.LimitLaw;

/**
 * The validation study (Appendix K, Figures 3–4): replicates of the real pipeline as resumable tasks,
 * then per n the Kolmogorov distances of n(R − σ²) and n·Rep to the exact CDFs of their limit laws,
 * p_var and the means of every part ({@link ValidationPoint}).
 */
public final class ValidationStudy {
  /** The limit's Monte Carlo streams are derived from seed ^ this, apart from the replicates'. */
  public static final long LIMIT_SALT = 0x4C494D4954L;

  private ValidationStudy() {}

  /** Replicate {@code index} at downstream size {@code n}. */
  public record ReplicateTask(ValidationSpec spec, int n, int index) implements Task<Replicate.Timed> {
    @Override
    public String key() {
      return key(n, index);
    }

    @Override
    public double cost() {
      return n * (1 + spec.alpha());
    }

    @Override
    public Replicate.Timed compute() {
      return new TwoStageSimulator(spec.model().pipeline(), spec.alpha(), spec.seed()).run(n, index);
    }

    static String key(int n, int i) {
      return "n=" + n + "/i=" + i;
    }
  }

  /**
   * The summary at one n.
   *
   * @param summary distances, p_var, means, fit failures
   * @param cpuSecondsPerReplicate mean CPU seconds per replicate, by stage
   */
  public record Point(ValidationPoint summary, Replicate.Timings cpuSecondsPerReplicate) {}

  /**
   * Timing of the run.
   *
   * @param wallSecondsThisRun wall-clock seconds of this run
   * @param replicatesComputedThisRun replicates computed by this run (the others were stored)
   * @param replicateCpuSecondsSum CPU seconds of all replicates (stored ones included)
   * @param replicates all replicates
   */
  public record Timing(
      double wallSecondsThisRun, int replicatesComputedThisRun, double replicateCpuSecondsSum, long replicates) {}

  /**
   * The validation.
   *
   * @param spec what ran
   * @param parameters the instance's description
   * @param notes how the pipeline and the limit were computed
   * @param limit the limit law (σ², d_eff, weights, E‖L(Z)‖² ± standard error)
   * @param epsilon ε of p_var = P(|n·Var_n − σ²d_eff| &gt; ε), 0.05 σ²d_eff (Appendix K)
   * @param points one per n, in the order of {@code spec.n()}
   * @param timing seconds
   */
  public record Result(
      ValidationSpec spec, Map<String, Object> parameters, List<String> notes, LimitResult limit,
      double epsilon, List<Point> points, Timing timing) {}

  /**
   * The result with the replicates behind it (for the ECDF plots).
   *
   * @param result the summary
   * @param replicates per n, in replicate order
   */
  public record Outcome(Result result, Map<Long, List<Replicate>> replicates) {}

  /** Runs (or resumes) the replicates in {@code dir} and summarises them. */
  public static Outcome run(ValidationSpec spec, Path dir, TaskExecutor executor, Progress progress) {
    long t0 = System.nanoTime();
    LimitResult limit = LimitStudy.run(
        new LimitSpec(spec.model(), spec.alpha(), LimitSpec.DEFAULT_LEVELS, spec.seed() ^ LIMIT_SALT),
        executor.runner());
    List<ReplicateTask> tasks = new ArrayList<>();
    for (long n : spec.n()) {
      for (int i = 0; i < spec.reps(); i++) {
        tasks.add(new ReplicateTask(spec, (int) n, i));
      }
    }
    Map<Long, List<Replicate.Timed>> byN = new LinkedHashMap<>();
    int computed;
    Object manifest = ResultStore.manifest("study", "validate", "model", spec.model(), "alpha", spec.alpha(),
        "seed", spec.seed());
    try (ResultStore<Replicate.Timed> store = ResultStore.open(dir, manifest, Replicate.Timed.class)) {
      computed = executor.execute("validate " + spec.model().model(), tasks, store, progress);
      for (long n : spec.n()) {
        List<Replicate.Timed> list = new ArrayList<>();
        for (int i = 0; i < spec.reps(); i++) {
          list.add(store.get(ReplicateTask.key((int) n, i)));
        }
        byN.put(n, list);
      }
    }
    LimitLaw law = limit.limitLaw();
    double varLimit = law.shift();
    double eps = 0.05 * varLimit;
    DoubleUnaryOperator total = law::cdf;
    DoubleUnaryOperator pretraining = law::pretrainingCdf;
    List<Point> points = new ArrayList<>();
    Map<Long, List<Replicate>> reps = new LinkedHashMap<>();
    double cpu = 0;
    long count = 0;
    for (Map.Entry<Long, List<Replicate.Timed>> e : byN.entrySet()) {
      List<Replicate> list = e.getValue().stream().map(Replicate.Timed::replicate).toList();
      double pre = 0;
      double des = 0;
      double pop = 0;
      for (Replicate.Timed t : e.getValue()) {
        pre += t.timings().pretraining() / list.size();
        des += t.timings().design() / list.size();
        pop += t.timings().population() / list.size();
      }
      Replicate.Timings mean = new Replicate.Timings(pre, des, pop);
      points.add(new Point(ValidationPoint.of(list, total, pretraining, varLimit, eps), mean));
      reps.put(e.getKey(), list);
      cpu += mean.total() * list.size();
      count += list.size();
    }
    List<String> notes = new ArrayList<>(spec.model().pipeline().notes());
    notes.add(limitNote(limit.estimate()));
    Timing timing = new Timing((System.nanoTime() - t0) / 1e9, computed, cpu, count);
    Result r = new Result(spec, spec.model().instance().description(), notes, limit, eps, points, timing);
    return new Outcome(r, reps);
  }

  /** How the limit was computed, in one sentence. */
  static String limitNote(LimitEstimate e) {
    if (e.exact()) {
      return "limit law exact (engine on closed-form moments)";
    }
    StringBuilder b = new StringBuilder("limit law by Monte Carlo (");
    e.samples().forEach((k, v) -> b.append(k.equals("jackknifeGroups") ? v + " jackknife groups" : v + " " + k + " draws").append(", "));
    b.setLength(b.length() - 2);
    return b.append("; E||L(Z)||^2 jackknife bias-corrected with its standard error)").toString();
  }
}
