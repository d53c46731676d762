package twostage.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaSparkContext;
import twostage.exec.SequentialRunner;
import twostage.experiments.GmmPoint;
import twostage.experiments.GmmPointResult;

/**
 * Runs a list of {@link GmmPoint}s on a Spark cluster, one point per task. Each task computes its
 * point with a {@link SequentialRunner}; since a point is a pure function of its fields, the results
 * are bit for bit those of a local run (only {@link GmmPointResult#seconds()} differs).
 */
public final class SparkSweep {
  private SparkSweep() {}

  /**
   * Computes every point on {@code sc} and returns the results in the order of {@code points}.
   * Points are handed to Spark most expensive first ({@link GmmPoint#cost()}) so that the long tasks
   * start early; the order of the returned list does not depend on that.
   *
   * @throws IllegalArgumentException naming the index and the rule when a point is null or invalid
   *     (checked on the driver, before any task is launched); a failure inside a task reaches the
   *     caller as Spark's {@code SparkException}, whose message carries the task's exception
   */
  public static List<GmmPointResult> run(JavaSparkContext sc, List<GmmPoint> points) {
    Objects.requireNonNull(sc, "sc");
    Objects.requireNonNull(points, "points");
    for (int i = 0; i < points.size(); i++) {
      check(i, points.get(i));
    }
    if (points.isEmpty()) {
      return List.of();
    }
    Integer[] order = costOrder(points);
    List<GmmPoint> shipped = new ArrayList<>(points.size());
    for (int i : order) {
      shipped.add(points.get(i));
    }
    List<GmmPointResult> computed =
        sc.parallelize(shipped, shipped.size()).map(SparkSweep::computeOne).collect();
    GmmPointResult[] out = new GmmPointResult[points.size()];
    for (int j = 0; j < order.length; j++) {
      out[order[j]] = computed.get(j);
    }
    return Arrays.asList(out);
  }

  /** What one executor task does: the point on a single thread. */
  static GmmPointResult computeOne(GmmPoint point) {
    return point.compute(new SequentialRunner());
  }

  private static Integer[] costOrder(List<GmmPoint> points) {
    Integer[] order = new Integer[points.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    // stable sort: equal costs keep their input order
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> points.get(i).cost()).reversed());
    return order;
  }

  private static void check(int index, GmmPoint p) {
    if (p == null) {
      throw new IllegalArgumentException("points[" + index + "] is null");
    }
    try {
      p.instance();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("points[" + index + "]: " + e.getMessage(), e);
    }
    rule(index, p.method() != null, "method must be given");
    rule(index, p.fisherSamples() >= 2, "fisherSamples must be >= 2, got " + p.fisherSamples());
    rule(index, p.samples() >= 2, "samples must be >= 2, got " + p.samples());
    rule(index, p.groups() >= 2, "groups must be >= 2, got " + p.groups());
    rule(index, p.groups() <= Math.min(p.fisherSamples(), p.samples()),
        "groups must be <= the sample sizes, got groups=" + p.groups());
    rule(index, p.sigma() >= 0 && Double.isFinite(p.sigma()),
        "sigma must be >= 0 and finite, got " + p.sigma());
  }

  private static void rule(int index, boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException("points[" + index + "]: " + message);
    }
  }
}
