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
   * @param values the distinct values (canonical), in order
   * @param points one limit per value
   * @param computedNow points computed by this run (the others were stored)
   * @param seconds wall-clock time of this run
   */
  public record Result(SweepSpec spec, List<String> values, List<LimitResult> points, int computedNow, double seconds) {}

  /** Runs (or resumes) the sweep in {@code dir}. */
  public static Result run(SweepSpec spec, Path dir, TaskExecutor executor, Progress progress) {
    long t0 = System.nanoTime();
    List<LimitStudy.Point> points = spec.points();
    java.util.Map<String, String> fixed = new java.util.LinkedHashMap<>(spec.model().options());
    fixed.remove(spec.vary());
    Object manifest = ResultStore.manifest("study", "sweep", "model", spec.model().model(), "options", fixed,
        "instanceFile", spec.model().instanceFile(), "vary", spec.vary(), "alpha", spec.alpha(), "seed", spec.seed());
    try (ResultStore<LimitResult> store = ResultStore.open(dir, manifest, LimitResult.class)) {
      int computed = executor.execute("sweep " + spec.model().model() + " " + spec.vary(), points, store, progress);
      List<LimitResult> out = new ArrayList<>();
      List<String> values = new ArrayList<>();
      for (LimitStudy.Point p : points) {
        out.add(store.get(p.key()));
        values.add(p.key().substring(spec.vary().length() + 1));
      }
      return new Result(spec, values, out, computed, (System.nanoTime() - t0) / 1e9);
    }
  }
}
