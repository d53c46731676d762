package twostage.experiments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import twostage.stats.Estimate;
import twostage.stats.TrendFit;

/**
 * The paper's Figure 2 (Section 6.3, Appendix K): E‖L(Z)‖² of the Appendix K mixture ({@code gmm},
 * unit ‖θ⋆‖, σ = 0.5) over (a) K = 2..14 at d = 30, β = 2; (b) d on a 30-point geometric grid from 5 to
 * 1000 (rounded) plus d = 30 (the point shared with panel a) at K = 4, β = 2; (c) β on a 20-point
 * geometric grid from 0.5 to 5 at K = 4, d = 20. The points by the exact dimension reduction, the
 * paper's descriptive fits (aK² + bK + c, a + b log d, Cβ^p) with R², and for (b) the exact form
 * (a + b d)/(d + 1) (docs/gmm-dimension-reduction.md).
 */
public final class Figure2Study {
  private Figure2Study() {}

  /**
   * The figure's sample sizes and seed.
   *
   * @param preset "quick" or "paper"
   * @param fisherSamples Fisher samples per point
   * @param samples downstream samples per point
   * @param seed random seed of every point
   */
  public record Spec(String preset, long fisherSamples, long samples, long seed) implements java.io.Serializable {
    /** quick: 2e4 Fisher and 1e5 downstream samples; paper: Appendix K's 1e5 and 1e6. */
    public static Spec of(String preset, long seed) {
      return switch (preset) {
        case "quick" -> new Spec(preset, 20_000, 100_000, seed);
        case "paper" -> new Spec(preset, 100_000, 1_000_000, seed);
        default -> throw new IllegalArgumentException("--preset must be quick or paper, got " + preset);
      };
    }
  }

  /**
   * The exact form E‖L‖²(d) = (a + b d)/(d + 1) at fixed K and β.
   *
   * @param a a with its standard error
   * @param b b (the limit d → ∞) with its standard error
   */
  public record ExactForm(Estimate a, Estimate b) {
    /** (a + b d)/(d + 1). */
    public double at(double d) {
      return (a.value() + b.value() * d) / (d + 1);
    }
  }

  /**
   * One panel.
   *
   * @param id "a", "b" or "c"
   * @param title the panel's title
   * @param vary the swept option ("--K", "--d", "--beta")
   * @param points the limits, in order of the swept value
   * @param fits the paper's fitted trends (and, for b, the rational form)
   * @param paperRangeFit b only: the log fit restricted to d ≤ 100 (the paper's plotted range), else null
   * @param exactForm b only: the computed exact form, else null
   * @param exactFormK3 b only: the exact form at K = 3 (from panel a; the paper's panel b follows it)
   * @param maxDeviationFromExact b only: max |point − exact form| in standard errors, else NaN
   */
  public record Panel(
      String id, String title, String vary, List<LimitResult> points, List<TrendFit> fits,
      TrendFit paperRangeFit, ExactForm exactForm, ExactForm exactFormK3, double maxDeviationFromExact) {

    /** The swept value of a point. */
    public double x(LimitResult r) {
      return ((Number) r.parameters().get(vary.substring(2))).doubleValue();
    }
  }

  /**
   * The figure.
   *
   * @param spec sizes and seed
   * @param panels a, b, c
   * @param points points over all panels (the shared point counts twice)
   * @param distinctPoints distinct points computed
   * @param computedNow points computed by this run
   * @param secondsThisRun wall-clock time of this run
   */
  public record Result(
      Spec spec, List<Panel> panels, int points, int distinctPoints, int computedNow, double secondsThisRun) {}

  /** The points of the three panels, by panel id. */
  public static Map<String, List<LimitStudy.Point>> points(Spec spec) {
    Map<String, List<LimitStudy.Point>> out = new LinkedHashMap<>();
    List<LimitStudy.Point> a = new ArrayList<>();
    for (int k = 2; k <= 14; k++) {
      a.add(point(spec, k, 30, 2.0));
    }
    out.put("a", a);
    List<Double> ds = geometric(5, 1000, 30, true);
    ds.add(30.0);
    ds.sort(null);
    List<LimitStudy.Point> b = new ArrayList<>();
    for (double d : ds) {
      b.add(point(spec, 4, (int) d, 2.0));
    }
    out.put("b", b);
    List<LimitStudy.Point> c = new ArrayList<>();
    for (double beta : geometric(0.5, 5, 20, false)) {
      c.add(point(spec, 4, 20, beta));
    }
    out.put("c", c);
    return out;
  }

  /** Runs (or resumes) the figure's points in {@code dir} and fits the panels. */
  public static Result run(Spec spec, Path dir, TaskExecutor executor, Progress progress) {
    long t0 = System.nanoTime();
    Map<String, List<LimitStudy.Point>> byPanel = points(spec);
    List<LimitStudy.Point> all = new ArrayList<>();
    byPanel.values().forEach(all::addAll);
    int computed;
    Map<String, List<LimitResult>> rows = new LinkedHashMap<>();
    Object manifest = ResultStore.manifest("study", "figure2", "fisherSamples", spec.fisherSamples(),
        "samples", spec.samples(), "seed", spec.seed());
    try (ResultStore<LimitResult> store = ResultStore.open(dir, manifest, LimitResult.class)) {
      computed = executor.execute("figure2 " + spec.preset(), all, store, progress);
      byPanel.forEach((id, pts) -> rows.put(id, pts.stream().map(p -> store.get(p.key())).toList()));
    }
    List<Panel> panels = List.of(
        panel("a", "(a) d = 30, β = 2", "--K", rows.get("a"), null),
        panel("b", "(b) K = 4, β = 2", "--d", rows.get("b"), rows.get("a")),
        panel("c", "(c) K = 4, d = 20", "--beta", rows.get("c"), null));
    long distinct = all.stream().map(LimitStudy.Point::key).distinct().count();
    return new Result(spec, panels, all.size(), (int) distinct, computed, (System.nanoTime() - t0) / 1e9);
  }

  private static Panel panel(String id, String title, String vary, List<LimitResult> r, List<LimitResult> panelA) {
    Panel bare = new Panel(id, title, vary, r, List.of(), null, null, null, Double.NaN);
    double[] x = column(r, bare::x);
    double[] y = column(r, p -> p.estimate().mean().value());
    List<TrendFit> fits = new ArrayList<>();
    switch (id) {
      case "a" -> fits.add(TrendFit.quadratic(x, y));
      case "b" -> {
        fits.add(TrendFit.logarithmic(x, y));
        fits.add(TrendFit.rational(x, y));
      }
      default -> fits.add(TrendFit.power(x, y));
    }
    if (!id.equals("b")) {
      return new Panel(id, title, vary, r, fits, null, null, null, Double.NaN);
    }
    List<LimitResult> in = r.stream().filter(p -> bare.x(p) <= 100).toList();
    TrendFit paperRange = TrendFit.logarithmic(column(in, bare::x),
        column(in, p -> p.estimate().mean().value()));
    ExactForm exact = nearest(r, 30);
    ExactForm k3 = panelA.stream().filter(p -> ((Number) p.parameters().get("K")).intValue() == 3)
        .map(Figure2Study::exactForm).findFirst().orElse(null);
    double worst = 0;
    for (LimitResult p : r) {
      double d = bare.x(p);
      double se = p.estimate().mean().stdError();
      double dev = exact == null ? Double.NaN : Math.abs(p.estimate().mean().value() - exact.at(d));
      worst = Math.max(worst, se > 0 ? dev / se : dev == 0 ? 0 : Double.POSITIVE_INFINITY);
    }
    return new Panel(id, title, vary, r, fits, paperRange, exact, k3, exact == null ? Double.NaN : worst);
  }

  /** The exact form of a reduced point (every reduced point of panel b gives the same a and b). */
  static ExactForm exactForm(LimitResult r) {
    Map<String, Object> form = Details.map(r.estimate().details().get("exactForm"));
    if (form == null) {
      return null;
    }
    return new ExactForm(Details.estimate(form.get("a")), Details.estimate(form.get("b")));
  }

  private static ExactForm nearest(List<LimitResult> rows, int d) {
    LimitResult best = null;
    for (LimitResult r : rows) {
      int rd = ((Number) r.parameters().get("d")).intValue();
      if (exactForm(r) != null && (best == null
          || Math.abs(rd - d) < Math.abs(((Number) best.parameters().get("d")).intValue() - d))) {
        best = r;
      }
    }
    return best == null ? null : exactForm(best);
  }

  private static LimitStudy.Point point(Spec spec, int k, int d, double beta) {
    Map<String, String> given = new LinkedHashMap<>();
    given.put("--K", Integer.toString(k));
    given.put("--d", Integer.toString(d));
    given.put("--beta", Double.toString(beta));
    given.put("--theta-norm", "1");
    given.put("--sigma", "0.5");
    given.put("--method", "reduced");
    given.put("--fisher-samples", Long.toString(spec.fisherSamples()));
    given.put("--samples", Long.toString(spec.samples()));
    ModelSpec m = ModelSpec.of(Models.registry().get("gmm"), given, null, null);
    String key = "K=" + k + " d=" + d + " beta=" + beta;
    return new LimitStudy.Point(key, new LimitSpec(m, 2.0, LimitSpec.DEFAULT_LEVELS, spec.seed()),
        m.instance().limitCost(m.settings()));
  }

  /** n geometrically spaced values from a to b (rounded and without repeats when integer). */
  static List<Double> geometric(double a, double b, int n, boolean integer) {
    LinkedHashSet<Double> v = new LinkedHashSet<>();
    for (int i = 0; i < n; i++) {
      double x = i == n - 1 ? b : a * Math.pow(b / a, (double) i / (n - 1));
      v.add(integer ? Math.rint(x) : x);
    }
    return new ArrayList<>(v);
  }

  private static double[] column(List<LimitResult> rows, ToDoubleFunction<LimitResult> f) {
    double[] out = new double[rows.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = f.applyAsDouble(rows.get(i));
    }
    return out;
  }
}
