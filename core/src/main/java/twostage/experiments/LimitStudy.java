package twostage.experiments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import twostage.exec.Runner;
import twostage.spi.LimitEstimate;
import twostage.spi.ModelInstance;
import twostage.spi.Parameter;
import twostage.theory.LimitLaw;

/** The limit study: the law of E_α at one instance (what {@code twostage limit MODEL} prints). */
public final class LimitStudy {
  private LimitStudy() {}

  /** Multiply-adds per second and thread assumed by the time estimates (a conservative rate). */
  public static final double RATE = 1e9;

  /** Longest estimated time of one limit that is attempted. */
  public static final double MAX_SECONDS = 86_400;

  /** Computes the limit with {@code runner} for the parallel Monte Carlo groups. */
  public static LimitResult run(LimitSpec spec, Runner runner) {
    long t0 = System.nanoTime();
    ModelInstance m = check(spec.model(), runner.parallelism());
    LimitEstimate est;
    try {
      est = m.limit(spec.model().settings(), spec.seed(), runner);
    } catch (twostage.theory.RegularityException e) {
      String msg = e.getMessage();
      throw new twostage.theory.RegularityException(msg.contains("the theory does not apply")
          ? msg + " (with " + options(spec.model()) + ")"
          : "the theory does not apply to " + spec.model().model() + " with " + options(spec.model()) + ": " + msg);
    }
    Map<String, String> settings = new LinkedHashMap<>();
    for (Parameter p : spec.model().caseStudy().parameters()) {
      if (p.role() == Parameter.Role.LIMIT) {
        settings.put(p.name(), spec.model().options().get(p.name()));
      }
    }
    settings.put("--seed", Long.toString(spec.seed()));
    return result(m.model(), m.description(), settings, m.sigma2(), est, spec.alpha(), spec.levels(),
        (System.nanoTime() - t0) / 1e9);
  }

  /**
   * The instance of {@code model}, after checking that its limit fits the heap and a day.
   *
   * @throws IllegalArgumentException naming the options, the estimate and the limit
   */
  public static ModelInstance check(ModelSpec model, int threads) {
    ModelInstance m = model.instance();
    String what = "the limit of " + model.model() + " with " + options(model);
    twostage.spi.Resources.requireHeap(m.limitMemory(model.settings()), what);
    double seconds = estimatedSeconds(model, threads);
    if (seconds > MAX_SECONDS) {
      throw new IllegalArgumentException(what + " would take about " + twostage.spi.Resources.duration(seconds)
          + " (estimated at 1e9 multiply-adds per second and thread): use smaller values");
    }
    return m;
  }

  /** The estimated wall-clock seconds of the limit on {@code threads} threads. */
  public static double estimatedSeconds(ModelSpec model, int threads) {
    return model.instance().limitCost(model.settings()) / (RATE * Math.max(1, threads));
  }

  /** The spec's instance and limit options as typed on the command line. */
  static String options(ModelSpec model) {
    StringBuilder b = new StringBuilder();
    if (model.instanceSource() != null) {
      b.append("--instance ").append(model.instanceSource());
    }
    for (Parameter p : model.caseStudy().parameters()) {
      String v = model.options().get(p.name());
      if (v != null && p.role() != Parameter.Role.PIPELINE) {
        b.append(b.length() == 0 ? "" : " ").append(p.name()).append(' ').append(v);
      }
    }
    return b.toString();
  }

  /**
   * The result for an already computed estimate.
   *
   * @param settings how it was computed (option values), for the output
   */
  public static LimitResult result(String model, Map<String, Object> parameters, Map<String, String> settings,
      double sigma2, LimitEstimate est, double alpha, List<Double> levels, double seconds) {
    LimitLaw law = LimitLaw.of(sigma2, alpha, est.interaction());
    List<Double> q = new ArrayList<>();
    for (double p : levels) {
      q.add(law.quantile(p));
    }
    LimitResult.Law summary = new LimitResult.Law(law.shift(), law.shift() + est.mean().value() / alpha,
        est.mean().stdError() / alpha, law.variance(), levels, q);
    return new LimitResult(model, parameters, settings, sigma2, alpha, est, summary, seconds);
  }

  /** A task that computes one limit on a single thread (one point of a sweep). */
  public record Point(String key, LimitSpec spec, double cost) implements Task<LimitResult> {
    @Override
    public LimitResult compute() {
      return run(spec, new twostage.exec.SequentialRunner());
    }
  }
}
