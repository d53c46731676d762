package twostage.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import twostage.errata.spectral.SpectralPriorArt;
import twostage.errata.spectral.SpectralPriorArtRow;
import twostage.report.Json;
import twostage.report.PriorArtView;
import twostage.report.ReportFiles;

/** {@code twostage compare spectral}: Cabannes et al. (2023, Thm 4) beside the exact interaction. */
@Command(
    name = "spectral",
    mixinStandardHelpOptions = true,
    description = {
      "Cabannes et al. (2023) beside the exact asymptotic term on the spectral model.",
      "On the Corollary 6.3 instance over a grid of (k, d): the pre-training term of Cabannes et al. (2023,"
          + " Thm 4) as Appendix H.7 instantiates it, ||R^-1/2 beta*||^2 E[Q], beside E||L(Z)||^2 (paper and "
          + "corrected)."
    })
public final class CompareSpectralCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--ks", split = ",", defaultValue = "1,2,4,8", paramLabel = "K", description = "Values of k (default: ${DEFAULT-VALUE}).")
  int[] ks;

  @Option(names = "--ds", split = ",", defaultValue = "10,20,40,80", paramLabel = "D", description = "Values of d (default: ${DEFAULT-VALUE}).")
  int[] ds;

  @Option(names = "--engine-cap", defaultValue = "120", paramLabel = "Q",
      description = "Run the exact engine only when k*d <= this (default: ${DEFAULT-VALUE}).")
  int engineCap;

  @Option(names = "--out", paramLabel = "DIR", description = "Directory for compare-spectral.json and the plot (PNG, SVG).")
  Path out;

  @Mixin RunOptions run;

  @Override
  public Integer call() {
    for (int k : ks) {
      Check.atLeast(spec, "--ks", k, 1);
    }
    for (int d : ds) {
      Check.atLeast(spec, "--ds", d, 2);
    }
    Check.atLeast(spec, "--engine-cap", engineCap, 0);
    if (out != null) {
      OutputDirectory.usable("--out", out);
    }
    List<SpectralPriorArtRow> rows = SpectralPriorArt.grid(ks, ds, engineCap);
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("--ks and --ds give no pair with k < d (the model needs d > k)");
    }
    var root = PriorArtView.spectralJson(rows);
    spec.commandLine().getOut().println(run.json() ? Json.pretty(root) : PriorArtView.spectralTable(rows));
    if (out != null) {
      ReportFiles.write(out.resolve("compare-spectral.json"), Json.pretty(root) + "\n");
      PriorArtView.spectralPlot(rows, out.resolve("compare-spectral"));
    }
    return 0;
  }
}
