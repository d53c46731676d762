package twostage.experiments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The sweep study: one resumable limit task per value of the swept parameter. */
public final class SweepStudy {
  private SweepStudy() {}

  /**
   * The sweep's results.
   *
   * @param spec what was swept
   * @param points one limit per distinct value, in the order of the values
   * @param computedNow points computed by this run (the others were stored)
   * @param seconds wall-clock time of this run
   */
  public record Result(SweepSpec spec, List<LimitResult> points, int computedNow, double seconds) {}

  /** Runs (or resumes) the sweep in {@code dir}. */
  public static Result run(SweepSpec spec, Path dir, TaskExecutor executor, Progress progress) {
    long t0 = System.nanoTime();
    List<LimitStudy.Point> points = spec.points();
    try (ResultStore<LimitResult> store = ResultStore.open(dir, spec, LimitResult.class)) {
      int computed = executor.execute("sweep " + spec.model().model() + " " + spec.vary(), points, store, progress);
      List<LimitResult> out = new ArrayList<>();
      for (LimitStudy.Point p : points) {
        out.add(store.get(p.key()));
      }
      return new Result(spec, out, computed, (System.nanoTime() - t0) / 1e9);
    }
  }
}
