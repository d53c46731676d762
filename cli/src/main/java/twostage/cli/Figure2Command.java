package twostage.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import twostage.experiments.Figure2Study;
import twostage.report.Figure2View;
import twostage.report.Json;

/** {@code twostage figure2}: the paper's Figure 2 (Appendix K), resumable. */
@Command(
    name = "figure2",
    mixinStandardHelpOptions = true,
    description = {
      "Figure 2 of the paper: E||L(Z)||^2 of the Appendix K mixture along K, d and beta.",
      "(a) K = 2..14 (d = 30, beta = 2), (b) d on a 30-point log grid 5..1000 plus d = 30 (K = 4, beta = "
          + "2), (c) beta on a 20-point log grid 0.5..5 (K = 4, d = 20), with the paper's fitted trends and, for "
          + "(b), the exact form (a + b d)/(d + 1).",
      "Writes figure2.json, panel-{a,b,c}.csv and panel-{a,b,c}.png/.svg; an interrupted run resumes."
    })
public final class Figure2Command implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--preset", defaultValue = "quick", paramLabel = "quick|paper",
      description = "quick: 2e4 Fisher and 1e5 downstream samples per point; paper: Appendix K's 1e5 and 1e6 "
          + "(default: ${DEFAULT-VALUE}).")
  String preset;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
  Path out;

  @Mixin RunOptions run;

  @Override
  public Integer call() {
    Figure2Study.Spec fs = Figure2Study.Spec.of(preset, run.seed);
    OutputDirectory.usable("--out", out);
    Figure2Study.Result r = run.execute((ex, progress) -> Figure2Study.run(fs, out, ex, progress));
    var json = Figure2View.write(out, r);
    var w = spec.commandLine().getOut();
    if (run.json()) {
      w.println(Json.pretty(json));
      return 0;
    }
    w.printf(Locale.ROOT, "figure2 --preset %s: %d points (%d distinct; %d computed now, %d already stored) in %.1f s%n",
        preset, r.points(), r.distinctPoints(), r.computedNow(), r.distinctPoints() - r.computedNow(),
        r.secondsThisRun());
    w.printf(Locale.ROOT, "wrote %s/figure2.json, panel-{a,b,c}.csv, panel-{a,b,c}.png/.svg%n", out);
    return 0;
  }
}
