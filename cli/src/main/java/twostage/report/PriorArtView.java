package twostage.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import twostage.errata.factor.FactorPriorArt;
import twostage.errata.factor.FactorPriorArtRow;
import twostage.errata.spectral.SpectralPriorArtRow;

/**
 * How {@code twostage compare} shows the prior-art comparisons: Cabannes et al. (2023) on the
 * spectral model and Ge et al. (2024) on the factor model, beside the exact asymptotic term.
 */
public final class PriorArtView {
  private PriorArtView() {}

  /** The JSON of the spectral comparison. */
  public static ObjectNode spectralJson(List<SpectralPriorArtRow> rows) {
    ObjectNode root = Json.object();
    root.put("model", "spectral");
    ArrayNode arr = root.putArray("rows");
    rows.forEach(r -> arr.add((ObjectNode) Json.MAPPER.valueToTree(r)));
    return root;
  }

  /** The table of the spectral comparison. */
  public static String spectralTable(List<SpectralPriorArtRow> rows) {
    StringBuilder w = new StringBuilder();
    w.append("twostage compare spectral  (Corollary 6.3 instance; pre-training terms on the E_mn scale, alpha = 1)\n");
    w.append(String.format(Locale.ROOT, "  %3s %4s %12s %12s %12s %12s %12s %10s %10s%n", "k", "d", "Cabannes(p)",
        "Cabannes(c)", "E||L||^2 p", "E||L||^2 c", "E||L||^2 ex", "ratio p", "ratio c"));
    for (SpectralPriorArtRow r : rows) {
      w.append(String.format(Locale.ROOT, "  %3d %4d %12.5g %12.5g %12.5g %12.5g %12.5g %10.4g %10.4g%n", r.k(), r.d(),
          r.priorArtPaper(), r.priorArtCorrected(), r.interactionPaper(), r.interactionCorrected(),
          r.interactionExact(), r.ratioPaper(), r.ratioCorrected()));
    }
    w.append("  (p) = the paper's closed forms as printed, (c) = corrected; ex = exact engine (NaN above --engine-cap);"
        + " ratio = Cabannes / E||L||^2.");
    return w.toString();
  }

  /** Plots the spectral ratios against d, a series per k and form. */
  public static void spectralPlot(List<SpectralPriorArtRow> rows, Path base) {
    Charts.save(spectralChart(rows), base);
  }

  private static final Color[] PALETTE = {
    new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40),
    new Color(148, 103, 189), new Color(140, 86, 75)
  };

  /** The ratios against d: a colour per k, the corrected form solid, the paper's form dashed. */
  static XYChart spectralChart(List<SpectralPriorArtRow> rows) {
    XYChart c = new XYChartBuilder().width(760).height(520)
        .title("Spectral model: Cabannes et al. term / exact interaction E||L(Z)||^2")
        .xAxisTitle("d (log scale)").yAxisTitle("ratio (log scale)").build();
    Charts.style(c);
    c.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true);
    int[] ks = rows.stream().mapToInt(SpectralPriorArtRow::k).distinct().toArray();
    for (int i = 0; i < ks.length; i++) {
      int k = ks[i];
      Color colour = PALETTE[i % PALETTE.length];
      List<SpectralPriorArtRow> sub = rows.stream().filter(r -> r.k() == k).toList();
      double[] x = sub.stream().mapToDouble(SpectralPriorArtRow::d).toArray();
      XYSeries corrected = c.addSeries("k=" + k + " corrected", x,
          sub.stream().mapToDouble(SpectralPriorArtRow::ratioCorrected).toArray());
      corrected.setMarker(SeriesMarkers.CIRCLE);
      corrected.setLineColor(colour);
      corrected.setMarkerColor(colour);
      XYSeries paper = c.addSeries("k=" + k + " paper", x,
          sub.stream().mapToDouble(SpectralPriorArtRow::ratioPaper).toArray());
      paper.setMarker(SeriesMarkers.DIAMOND);
      paper.setLineColor(colour);
      paper.setMarkerColor(colour);
      paper.setLineStyle(Charts.dashed(2f));
    }
    Charts.logTicks(c);
    return c;
  }

  /** The JSON of the factor comparison. */
  public static ObjectNode factorJson(List<FactorPriorArtRow> rows, int k, int d, double alpha, long seed) {
    ObjectNode root = Json.object();
    root.put("model", "factor");
    ObjectNode params = root.putObject("params");
    params.put("k", k);
    params.put("d", d);
    params.put("alpha", alpha);
    params.put("seed", seed);
    ArrayNode arr = root.putArray("rows");
    for (FactorPriorArtRow r : rows) {
      ObjectNode o = Json.MAPPER.valueToTree(r);
      o.put("exactOverPaperSharper", r.exactOverPaperSharper());
      o.put("exactOverGe", r.exactOverGe());
      arr.add(o);
    }
    root.put("scaling", FactorPriorArt.SCALING);
    return root;
  }

  /** The table of the factor comparison. */
  public static String factorTable(List<FactorPriorArtRow> rows, int k, int d, double alpha) {
    StringBuilder w = new StringBuilder();
    w.append(String.format(Locale.ROOT,
        "twostage compare factor  (d=%d, k=%d, alpha=%s; E_mn scale, constants of <~ set to 1)%n", d, k, alpha));
    w.append(String.format(Locale.ROOT, "  %-16s %8s %8s %11s %11s %11s %11s %11s %11s%n", "instance", "||A*||", "s_min",
        "Ge et al.", "exact", "paper 6.4", "corrected", "paper bnd", "exact/pbnd"));
    for (FactorPriorArtRow r : rows) {
      w.append(String.format(Locale.ROOT, "  %-16s %8.3g %8.3g %11.4g %11.4g %11.4g %11.4g %11.4g %11.3g%n", r.label(),
          r.opNorm(), r.sigmaMin(), r.geBound(), r.exactMean(), r.paperMean(), r.correctedMean(),
          r.paperSharperBound(), r.exactOverPaperSharper()));
    }
    w.append('\n').append(FactorPriorArt.SCALING);
    return w.toString();
  }

  /**
   * Plots the factor terms against ‖A⋆‖ (the first five rows, growing scale) and against σ_min(A⋆)
   * (the others).
   */
  public static void factorPlots(List<FactorPriorArtRow> rows, int k, int d, double alpha, Path dir) {
    Charts.save(factorChart(rows.subList(0, 5), true, k, d, alpha), dir.resolve("compare-factor-norm"));
    Charts.save(factorChart(rows.subList(5, rows.size()), false, k, d, alpha), dir.resolve("compare-factor-sigmamin"));
  }

  /** The factor terms against ‖A⋆‖ ({@code byNorm}) or against σ_min(A⋆). */
  static XYChart factorChart(List<FactorPriorArtRow> rows, boolean byNorm, int k, int d, double alpha) {
    double[] x = rows.stream().mapToDouble(r -> byNorm ? r.opNorm() : r.sigmaMin()).toArray();
    XYChart c = new XYChartBuilder().width(760).height(520)
        .title(String.format(Locale.ROOT, "Factor model (d=%d, k=%d, alpha=%s): terms as %s", d, k, alpha,
            byNorm ? "||A*|| grows" : "sigma_min(A*) shrinks"))
        .xAxisTitle(byNorm ? "||A*||_op" : "sigma_min(A*)").yAxisTitle("E_mn = n(R - sigma^2)  (log scale)").build();
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
    Charts.logTicks(c);
    return c;
  }
}
