package twostage.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import twostage.errata.factor.FactorPriorArt;
import twostage.errata.factor.FactorPriorArtRow;
import twostage.report.Json;
import twostage.report.PriorArtView;
import twostage.report.ReportFiles;

/** {@code twostage compare factor}: Ge et al. (2024, Thm 4.4) beside the exact asymptotic term. */
@Command(
    name = "factor",
    mixinStandardHelpOptions = true,
    description = {
      "Ge et al. (2024) beside the exact asymptotic term on the factor model.",
      "Over instances with growing ||A*|| and shrinking sigma_min(A*): Ge et al.'s bound as the paper reads"
          + " it, the exact limit mean, Corollary 6.4 as printed and corrected, and the implied bounds."
    })
public final class CompareFactorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--k", defaultValue = "2", paramLabel = "K", description = "Factors k (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--d", defaultValue = "10", paramLabel = "D", description = "Dimension d (default: ${DEFAULT-VALUE}).")
  int d;

  @Option(names = "--alpha", defaultValue = "2", paramLabel = "A", description = "alpha = m/n (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Option(names = "--out", paramLabel = "DIR", description = "Directory for compare-factor.json and the plots (PNG, SVG).")
  Path out;

  @Mixin RunOptions run;

  @Override
  public Integer call() {
    Check.atLeast(spec, "--k", k, 1);
    Check.rule(spec, d > k, "--d must be > --k, got d=" + d + ", k=" + k);
    Check.rule(spec, d <= 2000, "--d must be <= 2000, got " + d);
    Check.positive(spec, "--alpha", alpha);
    if (out != null) {
      OutputDirectory.usable("--out", out);
    }
    List<FactorPriorArtRow> rows = FactorPriorArt.standardSweep(d, k, alpha, run.seed);
    var root = PriorArtView.factorJson(rows, k, d, alpha, run.seed);
    spec.commandLine().getOut().println(run.json() ? Json.pretty(root) : PriorArtView.factorTable(rows, k, d, alpha));
    if (out != null) {
      ReportFiles.write(out.resolve("compare-factor.json"), Json.pretty(root) + "\n");
      PriorArtView.factorPlots(rows, k, d, alpha, out);
    }
    return 0;
  }
}
