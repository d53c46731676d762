package twostage.experiments;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import twostage.data.DataEstimate;
import twostage.data.DataSet;
import twostage.data.DataTable;
import twostage.random.Streams;
import twostage.stats.Estimate;
import twostage.stats.Percentiles;
import twostage.stats.Proportions;

/**
 * The prediction from data tested against the data (docs/data.md): the held-out error of the real
 * two-stage pipeline (pre-train on m unlabeled rows, least squares on n labeled rows) as m varies at
 * fixed n, against the plug-in prediction E[R] ≈ σ̂²(1 + d_eff/n) + Ê‖L(Z)‖²/m of Theorem 5.1. A split
 * draws n training rows from the labeled file (the rest are the test rows) and a random order of the
 * unlabeled rows, whose first m pre-train (nested in m, so the curve of one split is smooth); one task
 * per split and m.
 */
public final class LearningCurveStudy {
  private LearningCurveStudy() {}

  /**
   * The experiment.
   *
   * @param model the case study's name
   * @param options canonical values of its data options
   * @param data the two files
   * @param n labeled training rows per split (the other labeled rows are the test rows)
   * @param mGrid unlabeled row counts, increasing
   * @param splits random splits
   * @param seed seed of the splits and of any random start of the estimator
   */
  public record Spec(String model, Map<String, String> options, DataSet data, int n, List<Integer> mGrid, int splits,
      long seed) implements Serializable {
    public Spec {
      options = new LinkedHashMap<>(options);
      mGrid = List.copyOf(mGrid);
      if (n < 2 || n >= data.n()) {
        throw new IllegalArgumentException("--n must be between 2 and the labeled rows - 1 = " + (data.n() - 1)
            + " (the other labeled rows are the test rows), got " + n);
      }
      if (mGrid.isEmpty()) {
        throw new IllegalArgumentException("--m-grid needs at least one value");
      }
      for (int i = 0; i < mGrid.size(); i++) {
        int m = mGrid.get(i);
        if (m < 1 || m > data.m() || (i > 0 && m <= mGrid.get(i - 1))) {
          throw new IllegalArgumentException("--m-grid must increase within [1, " + data.m()
              + "] (the unlabeled rows), got " + mGrid);
        }
      }
      if (splits < 2) {
        throw new IllegalArgumentException("--splits must be >= 2, got " + splits);
      }
    }
  }

  /**
   * The held-out mean squared error of one split at one m.
   *
   * @param split the split
   * @param m unlabeled rows used
   * @param mse mean of (y − ŷ)² over the split's test rows
   */
  public record Point(int split, int m, double mse) {}

  /** One split at one m: a pure function of the spec and its indices. */
  public record PointTask(Spec spec, int split, int m) implements Task<Point> {
    @Override
    public String key() {
      return "s" + split + "m" + m;
    }

    @Override
    public Point compute() {
      DataSet all = spec.data();
      int[] labeled = permutation(all.n(), Streams.of(spec.seed(), split, 0));
      int[] unlabeled = permutation(all.m(), Streams.of(spec.seed(), split, 1));
      int[] train = java.util.Arrays.copyOf(labeled, spec.n());
      int[] test = java.util.Arrays.copyOfRange(labeled, spec.n(), labeled.length);
      double[] y = new double[train.length];
      for (int i = 0; i < train.length; i++) {
        y[i] = all.y()[train[i]];
      }
      DataSet fit = new DataSet(all.unlabeled().rows(java.util.Arrays.copyOf(unlabeled, m)), all.labeled().rows(train), y);
      DataTable at = all.labeled().rows(test);
      double[] pred = DataPlanStudy.dataModel(Models.registry().get(spec.model()))
          .predict(fit, at, twostage.spi.Settings.of(spec.options()), Streams.derive(spec.seed(), split, 2));
      double sse = 0;
      for (int i = 0; i < test.length; i++) {
        double e = all.y()[test[i]] - pred[i];
        sse += e * e;
      }
      return new Point(split, m, sse / test.length);
    }
  }

  private static int[] permutation(int size, UniformRandomProvider rng) {
    int[] p = new int[size];
    for (int i = 0; i < size; i++) {
      p[i] = i;
    }
    for (int i = size - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  /** The tasks, split by split. */
  public static List<PointTask> tasks(Spec spec) {
    List<PointTask> out = new ArrayList<>();
    for (int s = 0; s < spec.splits(); s++) {
      for (int m : spec.mGrid()) {
        out.add(new PointTask(spec, s, m));
      }
    }
    return out;
  }

  /** What a result directory is made for (the number of splits may grow). */
  public static Map<String, Object> manifest(Spec spec) {
    return ResultStore.manifest("study", "learning-curve", "model", spec.model(), "options", spec.options(),
        "data", spec.data().digest(), "n", spec.n(), "seed", spec.seed());
  }

  /**
   * The measured curve and the prediction.
   *
   * @param spec the experiment
   * @param mse per m, the mean held-out error over the splits with its standard error
   * @param measuredSlope b of mse(m) = a + b/m fitted per split by least squares over the grid, mean over
   *     splits ± standard error: the measured counterpart of E‖L(Z)‖²
   * @param measuredIntercept a likewise: the error at m = ∞
   * @param predicted per m, σ̂²(1 + d_eff/n) + Ê‖L‖²/m at the plug-in estimate
   * @param predictedLow per m, the lower end of its bootstrap interval
   * @param predictedHigh per m, the upper end
   * @param interaction Ê‖L(Z)‖² with its bootstrap interval (low, high)
   * @param level the intervals' nominal coverage
   */
  public record Curve(Spec spec, List<Estimate> mse, Estimate measuredSlope, Estimate measuredIntercept,
      double[] predicted, double[] predictedLow, double[] predictedHigh, double[] interaction, double level) {}

  /** Runs the splits missing from {@code store} and compares them with the plug-in {@code plan}. */
  public static Curve run(Spec spec, DataPlanStudy.Result plan, double level, TaskExecutor executor,
      ResultStore<Point> store, Progress progress) {
    List<PointTask> tasks = tasks(spec);
    executor.execute("learning curve " + spec.model(), tasks, store, progress);
    int g = spec.mGrid().size();
    double[][] mse = new double[spec.splits()][g];
    for (PointTask t : tasks) {
      mse[t.split()][spec.mGrid().indexOf(t.m())] = store.get(t.key()).mse();
    }
    List<Estimate> means = new ArrayList<>();
    for (int j = 0; j < g; j++) {
      final int jj = j;
      means.add(Proportions.mean(java.util.Arrays.stream(mse).mapToDouble(r -> r[jj]).toArray()));
    }
    double[] slopes = new double[spec.splits()];
    double[] intercepts = new double[spec.splits()];
    for (int s = 0; s < spec.splits(); s++) {
      double[] ab = fit(spec.mGrid(), mse[s]);
      intercepts[s] = ab[0];
      slopes[s] = ab[1];
    }
    int n = spec.n();
    double[] pred = new double[g];
    double[] lo = new double[g];
    double[] hi = new double[g];
    List<DataEstimate> reps = plan.replicates().stream().filter(DataEstimate::ok).toList();
    for (int j = 0; j < g; j++) {
      int m = spec.mGrid().get(j);
      pred[j] = predict(plan.point(), n, m);
      double[] r = reps.stream().mapToDouble(e -> predict(e, n, m)).toArray();
      lo[j] = Percentiles.quantile(r, (1 - level) / 2);
      hi[j] = Percentiles.quantile(r, (1 + level) / 2);
    }
    double[] inter = reps.stream().mapToDouble(DataEstimate::interactionMean).toArray();
    return new Curve(spec, means, Proportions.mean(slopes), Proportions.mean(intercepts), pred, lo, hi,
        new double[] {plan.point().interactionMean(), Percentiles.quantile(inter, (1 - level) / 2),
            Percentiles.quantile(inter, (1 + level) / 2)}, level);
  }

  /** E[R] ≈ σ² + (σ² d_eff + E‖L‖² n/m)/n (Theorem 5.1 with α = m/n). */
  static double predict(DataEstimate e, int n, int m) {
    return e.sigma2() * (1.0 + (double) e.dEff() / n) + Math.max(e.interactionMean(), 0) / m;
  }

  /** Least squares of y on (1, 1/m): {a, b}. */
  static double[] fit(List<Integer> m, double[] y) {
    int g = m.size();
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    for (int j = 0; j < g; j++) {
      double x = 1.0 / m.get(j);
      sx += x;
      sy += y[j];
      sxx += x * x;
      sxy += x * y[j];
    }
    double b = (g * sxy - sx * sy) / (g * sxx - sx * sx);
    return new double[] {(sy - b * sx) / g, b};
  }
}
