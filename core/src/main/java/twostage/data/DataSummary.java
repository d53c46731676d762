package twostage.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import twostage.experiments.DataPlanStudy;
import twostage.stats.Interval;
import twostage.stats.Percentiles;
import twostage.theory.LimitLaw;

/**
 * What {@code plan} and {@code limit} print from data: every quantity of the plug-in limit at the data
 * as given, each with its percentile bootstrap interval at {@code level} (docs/data.md).
 *
 * @param m unlabeled rows
 * @param n labeled rows
 * @param alpha α at which the law is evaluated (m/n unless asked otherwise)
 * @param targetRatio the plan's acceptable E[E_α]/(σ² d_eff)
 * @param level the intervals' nominal coverage
 * @param replicates bootstrap replicates asked for
 * @param failed replicates on which the estimate failed (excluded from the intervals, reported)
 * @param dEff d_eff at the data, with the range over the replicates in its interval
 * @param dBase d_base at the data, likewise
 * @param sigma2 σ̂²
 * @param interactionMean Ê‖L(Z)‖² (readout-noise corrected)
 * @param floor σ̂² d_eff
 * @param lawMean E[E_α] = σ² d_eff + E‖L‖²/α
 * @param levels probabilities of the quantiles
 * @param quantiles quantiles of E_α
 * @param alpha0 α₀ = E‖L‖²/(σ²(d_base − d_eff)) (NaN when d_base = d_eff)
 * @param mCrossover α₀ n
 * @param alphaNeeded α at which E[E_α] = ratio · σ² d_eff
 * @param mNeeded ⌈α n⌉ for the target
 * @param informationRatio tr(Ĥ⁻¹Ŝ)/h (1 for a well-specified likelihood)
 */
public record DataSummary(
    int m, int n, double alpha, double targetRatio, double level, int replicates, int failed,
    Interval dEff, Interval dBase, Interval sigma2, Interval interactionMean, Interval floor, Interval lawMean,
    List<Double> levels, List<Interval> quantiles, Interval alpha0, Interval mCrossover, Interval alphaNeeded,
    Interval mNeeded, Interval informationRatio) {

  /**
   * The summary of a data study.
   *
   * @param alpha α for the law, or NaN for m/n
   */
  public static DataSummary of(DataPlanStudy.Result r, double alpha, double targetRatio, double level,
      List<Double> levels) {
    if (!(targetRatio > 1) || Double.isInfinite(targetRatio)) {
      throw new IllegalArgumentException("--target-ratio must be > 1 and finite, got " + targetRatio);
    }
    int m = r.spec().data().m();
    int n = r.spec().data().n();
    double a = Double.isNaN(alpha) ? (double) m / n : alpha;
    DataEstimate p = r.point();
    List<DataEstimate> ok = r.replicates().stream().filter(DataEstimate::ok).toList();
    List<Interval> qs = new ArrayList<>();
    for (double lv : levels) {
      qs.add(interval(p, ok, level, e -> quantile(e, a, lv)));
    }
    return new DataSummary(m, n, a, targetRatio, level, r.replicates().size(), r.failures().size(),
        range(p.dEff(), ok, DataEstimate::dEff), range(p.dBase(), ok, DataEstimate::dBase),
        interval(p, ok, level, DataEstimate::sigma2),
        interval(p, ok, level, DataEstimate::interactionMean),
        interval(p, ok, level, e -> e.crossover().floor()),
        interval(p, ok, level, e -> e.crossover().floor() + e.crossover().interactionMean() / a),
        List.copyOf(levels), qs,
        interval(p, ok, level, e -> e.crossover().alpha0()),
        interval(p, ok, level, e -> e.crossover().alpha0() * n),
        interval(p, ok, level, e -> e.crossover().alphaForRatio(targetRatio)),
        interval(p, ok, level, e -> Math.ceil(e.crossover().alphaForRatio(targetRatio) * n)),
        interval(p, ok, level, DataEstimate::informationRatio));
  }

  /** The p-quantile of E_α = σ² d_eff + α⁻¹Σλ_jχ²₁ at one estimate. */
  static double quantile(DataEstimate e, double alpha, double p) {
    if (Arrays.stream(e.weights()).allMatch(w -> w == 0)) {
      return e.sigma2() * e.dEff();
    }
    return new LimitLaw(e.sigma2(), e.dEff(), alpha, e.weights()).quantile(p);
  }

  private static Interval interval(
      DataEstimate point, List<DataEstimate> reps, double level, ToDoubleFunction<DataEstimate> f) {
    return Percentiles.percentile(f.applyAsDouble(point), reps.stream().mapToDouble(f).toArray(), level);
  }

  private static Interval range(int point, List<DataEstimate> reps, ToDoubleFunction<DataEstimate> f) {
    double lo = reps.stream().mapToDouble(f).min().orElse(Double.NaN);
    double hi = reps.stream().mapToDouble(f).max().orElse(Double.NaN);
    return new Interval(point, lo, hi);
  }
}
