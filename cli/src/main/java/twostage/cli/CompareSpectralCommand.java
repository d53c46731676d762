package twostage.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import twostage.errata.spectral.SpectralPriorArtRow;
import twostage.errata.spectral.SpectralPriorArt;
import twostage.report.Charts;

/** {@code twostage compare spectral}: Cabannes et al. (2023, Thm 4) beside the exact interaction. */
@Command(
    name = "spectral",
    mixinStandardHelpOptions = true,
    description = {
      "On the Corollary 6.3 instance over a grid of (k, d): the pre-training term of Cabannes et al.",
      "(2023, Thm 4) as Appendix H.7 instantiates it, ||R^-1/2 beta*||^2 E[Q], beside E||L(Z)||^2 (paper and corrected)."
    })
public final class CompareSpectralCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--ks", split = ",", defaultValue = "1,2,4,8", description = "Values of k (default: ${DEFAULT-VALUE}).")
  int[] ks;

  @Option(names = "--ds", split = ",", defaultValue = "10,20,40,80", description = "Values of d (default: ${DEFAULT-VALUE}).")
  int[] ds;

  @Option(names = "--engine-cap", defaultValue = "120",
      description = "Run the exact engine only when k*d <= this (default: ${DEFAULT-VALUE}).")
  int engineCap;

  @Option(names = "--out", description = "Directory for compare-spectral.json and the plot (PNG, SVG).")
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
    List<SpectralPriorArtRow> rows = SpectralPriorArt.grid(ks, ds, engineCap);
    ObjectNode root = Json.object();
    root.put("model", "spectral");
    ArrayNode arr = root.putArray("rows");
    rows.forEach(r -> arr.add((ObjectNode) Json.MAPPER.valueToTree(r)));
    PrintWriter w = spec.commandLine().getOut();
    if (run.format == OutputFormat.JSON) {
      w.println(Json.pretty(root));
    } else {
      w.println("twostage compare spectral  (Corollary 6.3 instance; pre-training terms on the E_mn scale, alpha = 1)");
      w.printf(Locale.ROOT, "  %3s %4s %12s %12s %12s %12s %12s %10s %10s%n", "k", "d", "Cabannes(p)",
          "Cabannes(c)", "E||L||^2 p", "E||L||^2 c", "E||L||^2 ex", "ratio p", "ratio c");
      for (SpectralPriorArtRow r : rows) {
        if (r.k() >= r.d()) {
          continue;
        }
        w.printf(Locale.ROOT, "  %3d %4d %12.5g %12.5g %12.5g %12.5g %12.5g %10.4g %10.4g%n", r.k(), r.d(),
            r.priorArtPaper(), r.priorArtCorrected(), r.interactionPaper(), r.interactionCorrected(),
            r.interactionExact(), r.ratioPaper(), r.ratioCorrected());
      }
      w.println("  (p) = the paper's closed forms as printed, (c) = corrected; ex = exact engine (NaN above --engine-cap);"
          + " ratio = Cabannes / E||L||^2.");
    }
    if (out != null) {
      try {
        Files.createDirectories(out);
        Files.writeString(out.resolve("compare-spectral.json"), Json.pretty(root));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      plot(rows, out.resolve("compare-spectral"));
    }
    return 0;
  }

  private void plot(List<SpectralPriorArtRow> rows, Path base) {
    XYChart c = new XYChartBuilder().width(760).height(520)
        .title("Spectral model: Cabannes et al. term / exact interaction E||L(Z)||^2")
        .xAxisTitle("d").yAxisTitle("ratio (log scale)").build();
    Charts.style(c);
    c.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true);
    for (int k : ks) {
      List<SpectralPriorArtRow> sub = rows.stream().filter(r -> r.k() == k && r.k() < r.d()).toList();
      if (sub.isEmpty()) {
        continue;
      }
      double[] x = sub.stream().mapToDouble(SpectralPriorArtRow::d).toArray();
      c.addSeries("k=" + k + " corrected", x, sub.stream().mapToDouble(SpectralPriorArtRow::ratioCorrected).toArray())
          .setMarker(SeriesMarkers.CIRCLE);
      c.addSeries("k=" + k + " paper", x, sub.stream().mapToDouble(SpectralPriorArtRow::ratioPaper).toArray())
          .setMarker(SeriesMarkers.DIAMOND);
    }
    Charts.save(c, base);
  }
}
