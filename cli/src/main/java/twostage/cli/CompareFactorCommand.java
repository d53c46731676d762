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
import twostage.errata.factor.FactorPriorArt;
import twostage.errata.factor.FactorPriorArtRow;
import twostage.report.Charts;

/** {@code twostage compare factor}: Ge et al. (2024, Thm 4.4) beside the exact asymptotic term. */
@Command(
    name = "factor",
    mixinStandardHelpOptions = true,
    description = {
      "Over instances with growing ||A*|| and shrinking sigma_min(A*): Ge et al.'s bound as the paper",
      "reads it, the exact limit mean, Corollary 6.4 as printed and corrected, and the implied bounds."
    })
public final class CompareFactorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--k", defaultValue = "2", description = "Factors k (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--d", defaultValue = "10", description = "Dimension d (default: ${DEFAULT-VALUE}).")
  int d;

  @Option(names = "--alpha", defaultValue = "2", description = "alpha = m/n (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Option(names = "--out", description = "Directory for compare-factor.json and the plot (PNG, SVG).")
  Path out;

  @Mixin RunOptions run;

  @Override
  public Integer call() {
    Check.atLeast(spec, "--k", k, 1);
    Check.rule(spec, d > k, "--d must be > --k, got d=" + d + ", k=" + k);
    Check.positive(spec, "--alpha", alpha);
    List<FactorPriorArtRow> rows = FactorPriorArt.standardSweep(d, k, alpha, run.seed);
    ObjectNode root = Json.object();
    root.put("model", "factor");
    ObjectNode params = root.putObject("params");
    params.put("k", k);
    params.put("d", d);
    params.put("alpha", alpha);
    params.put("seed", run.seed);
    ArrayNode arr = root.putArray("rows");
    for (FactorPriorArtRow r : rows) {
      ObjectNode o = Json.MAPPER.valueToTree(r);
      o.put("exactOverPaperSharper", r.exactOverPaperSharper());
      o.put("exactOverGe", r.exactOverGe());
      arr.add(o);
    }
    root.put("scaling", FactorPriorArt.SCALING);
    PrintWriter w = spec.commandLine().getOut();
    if (run.format == OutputFormat.JSON) {
      w.println(Json.pretty(root));
    } else {
      w.printf(Locale.ROOT, "twostage compare factor  (d=%d, k=%d, alpha=%s; E_mn scale, constants of <~ set to 1)%n",
          d, k, alpha);
      w.printf(Locale.ROOT, "  %-16s %8s %8s %11s %11s %11s %11s %11s %11s%n", "instance", "||A*||", "s_min",
          "Ge et al.", "exact", "paper 6.4", "corrected", "paper bnd", "exact/pbnd");
      for (FactorPriorArtRow r : rows) {
        w.printf(Locale.ROOT, "  %-16s %8.3g %8.3g %11.4g %11.4g %11.4g %11.4g %11.4g %11.3g%n", r.label(),
            r.opNorm(), r.sigmaMin(), r.geBound(), r.exactMean(), r.paperMean(), r.correctedMean(),
            r.paperSharperBound(), r.exactOverPaperSharper());
      }
      w.println();
      w.println(FactorPriorArt.SCALING);
    }
    if (out != null) {
      try {
        Files.createDirectories(out);
        Files.writeString(out.resolve("compare-factor.json"), Json.pretty(root));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      plot(rows.subList(0, 5), "opNorm", "||A*||_op", out.resolve("compare-factor-norm"));
      plot(rows.subList(5, rows.size()), "sigmaMin", "sigma_min(A*)", out.resolve("compare-factor-sigmamin"));
    }
    return 0;
  }

  private void plot(List<FactorPriorArtRow> rows, String xField, String xLabel, Path base) {
    double[] x = rows.stream().mapToDouble(r -> xField.equals("opNorm") ? r.opNorm() : r.sigmaMin()).toArray();
    XYChart c = new XYChartBuilder().width(760).height(520)
        .title("Factor model, d=" + d + ", k=" + k + ", alpha=" + alpha + ": scaled excess risk terms")
        .xAxisTitle(xLabel).yAxisTitle("E_mn = n(R - sigma^2)  (log scale)").build();
    Charts.style(c);
    c.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true);
    c.addSeries("Ge et al. (Thm 4.4)", x, rows.stream().mapToDouble(FactorPriorArtRow::geBound).toArray())
        .setMarker(SeriesMarkers.SQUARE);
    c.addSeries("exact (engine = corrected)", x, rows.stream().mapToDouble(FactorPriorArtRow::exactMean).toArray())
        .setMarker(SeriesMarkers.CIRCLE);
    c.addSeries("paper Cor. 6.4 as printed", x, rows.stream().mapToDouble(FactorPriorArtRow::paperMean).toArray())
        .setMarker(SeriesMarkers.DIAMOND);
    c.addSeries("paper's 'sharper bound'", x,
        rows.stream().mapToDouble(FactorPriorArtRow::paperSharperBound).toArray()).setMarker(SeriesMarkers.TRIANGLE_UP);
    Charts.save(c, base);
  }
}
