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

  /** Computes the limit with {@code runner} for the parallel Monte Carlo groups. */
  public static LimitResult run(LimitSpec spec, Runner runner) {
    long t0 = System.nanoTime();
    ModelInstance m = spec.model().instance();
    LimitEstimate est = m.limit(spec.model().settings(), spec.seed(), runner);
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
