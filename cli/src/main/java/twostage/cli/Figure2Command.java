package twostage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import twostage.experiments.GmmPoint;
import twostage.report.Figure2;
import twostage.report.GmmSweep;
import twostage.theory.MonteCarloMoments;

/** {@code twostage figure2}: the paper's Figure 2 (Appendix K), resumable. */
@Command(
    name = "figure2",
    mixinStandardHelpOptions = true,
    description = {
      "Figure 2 of the paper: E||L(Z)||^2 of the Appendix K mixture over (a) K = 2..14 (d = 30, beta = 2), "
          + "(b) d on a 30-point log grid 5..1000 plus d = 30 (K = 4, beta = 2), (c) beta on a 20-point log "
          + "grid 0.5..5 (K = 4, d = 20), with the paper's fitted trends and, for (b), the exact form "
          + "(a + b d)/(d + 1).",
      "Writes figure2.json, panel-{a,b,c}.csv and panel-{a,b,c}.png/.svg; an interrupted run resumes."
    })
public final class Figure2Command implements Callable<Integer> {
  /** Sample sizes. */
  enum Preset {
    /** About a minute: 2e4 Fisher and 1e5 downstream samples per point. */
    quick(20_000, 100_000),
    /** Appendix K: 1e5 Fisher and 1e6 downstream samples per point. */
    paper(100_000, 1_000_000);

    final long fisher;
    final long samples;

    Preset(long fisher, long samples) {
      this.fisher = fisher;
      this.samples = samples;
    }
  }

  @Spec CommandSpec spec;

  @Option(names = "--preset", defaultValue = "quick", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Preset preset;

  @Option(names = "--out", required = true, description = "Output directory.")
  Path out;

  @Option(names = "--method", defaultValue = "reduced",
      description = "reduced (exact dimension reduction) or direct (all K*d coordinates; infeasible for d = 1000) (default: ${DEFAULT-VALUE}).")
  GmmPoint.Method method;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", description = "Points computed at once (default: all processors). Results do not depend on it.")
  Integer threads;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @Override
  public Integer call() {
    Check.rule(spec, method == GmmPoint.Method.REDUCED,
        "--method direct is infeasible for figure2 (d = 1000 means K*d = 4000 coordinates); use 'sweep gmm --method direct' on small d");
    if (threads != null) {
      Check.atLeast(spec, "--threads", threads, 1);
    }
    int groups = MonteCarloMoments.DEFAULT_GROUPS;
    List<Figure2.Panel> panels = Figure2.panels(preset.fisher, preset.samples, groups, seed, method);
    ObjectNode manifest = Json.object();
    manifest.put("command", "figure2");
    manifest.put("preset", preset.name());
    manifest.put("fisherSamples", preset.fisher);
    manifest.put("samples", preset.samples);
    manifest.put("groups", groups);
    manifest.put("seed", seed);
    manifest.put("method", method.name().toLowerCase(Locale.ROOT));
    GmmSweep.claim(out, manifest);
    List<GmmPoint> all = Figure2.allPoints(panels);
    int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    GmmSweep.Outcome o = GmmSweep.run(all, out, nThreads, "figure2 " + preset, !quiet);
    List<List<JsonNode>> rows = new ArrayList<>();
    int at = 0;
    for (Figure2.Panel p : panels) {
      rows.add(o.results().subList(at, at + p.points().size()));
      at += p.points().size();
    }
    long distinct = all.stream().map(GmmPoint::key).distinct().count();
    ObjectNode header = manifest.deepCopy();
    header.put("points", all.size());
    header.put("distinctPoints", distinct);
    header.put("computedNow", o.computed());
    header.put("secondsThisRun", o.seconds());
    header.put("note", "method 'reduced' = exact dimension reduction (docs/gmm-dimension-reduction.md): "
        + "intrinsic K(K-1) coordinates + (d-K+1) isotropic copies; the point (K=4, d=30, beta=2) is shared by panels a and b");
    Figure2.write(out, panels, rows, header);
    var w = spec.commandLine().getOut();
    w.printf(Locale.ROOT, "figure2 --preset %s: %d points (%d distinct; %d computed now, %d already stored) in %.1f s%n",
        preset, all.size(), distinct, o.computed(), distinct - o.computed(), o.seconds());
    w.printf(Locale.ROOT, "wrote %s/figure2.json, panel-{a,b,c}.csv, panel-{a,b,c}.png/.svg%n", out);
    return 0;
  }
}
