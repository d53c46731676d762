package twostage.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import twostage.simulate.Replicate;

/**
 * Charts of a {@code validate} run, drawn from the stored replicates: the empirical CDFs of the total
 * n(R − σ²), of n·Rep and of n·Var_n for up to four representative n with the limit laws dashed in
 * black (Figure 3), and the Kolmogorov distances and p_var against n with 95% bars (Figure 4).
 */
public final class ValidationCharts {
  private static final Color[] PALETTE = {
    new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40)
  };

  private ValidationCharts() {}

  /** Writes cdf-total, cdf-pretraining, cdf-variance and metrics (.png and .svg) into {@code dir}. */
  public static void write(
      Path dir,
      String model,
      Map<Long, List<Replicate>> replicates,
      double varianceLimit,
      DoubleUnaryOperator pretrainingCdf,
      DoubleUnaryOperator totalCdf,
      JsonNode result) {
    long[] shown = representative(replicates.keySet().stream().mapToLong(Long::longValue).toArray());
    Charts.save(cdfChart(model + ": total n(R - sigma^2)", "n(R - sigma^2)", Replicate::total, shown, replicates,
        totalCdf, Double.NaN), dir.resolve("cdf-total"));
    Charts.save(cdfChart(model + ": pre-training part n Rep", "n Rep (pre-training interaction term)",
        Replicate::pretraining, shown, replicates, pretrainingCdf, Double.NaN), dir.resolve("cdf-pretraining"));
    Charts.save(cdfChart(model + ": variance part n Var_n", "n Var_n (well-specified OLS term)", Replicate::variance,
        shown, replicates, null, varianceLimit), dir.resolve("cdf-variance"));
    Charts.save(metrics(model, result), dir.resolve("metrics"));
  }

  /** Up to four n spread over the grid (first, ~1/3, ~2/3, last), sorted. */
  static long[] representative(long[] grid) {
    long[] sorted = grid.clone();
    Arrays.sort(sorted);
    if (sorted.length <= 4) {
      return sorted;
    }
    int last = sorted.length - 1;
    return new long[] {sorted[0], sorted[Math.round(last / 3f)], sorted[Math.round(2 * last / 3f)], sorted[last]};
  }

  /**
   * The empirical CDFs of {@code field} at the {@code shown} n beside the limit CDF {@code limit} (or,
   * when it is null, the point mass at {@code pointMass}), dashed in black.
   */
  static XYChart cdfChart(String title, String xTitle, ToDoubleFunction<Replicate> field, long[] shown,
      Map<Long, List<Replicate>> replicates, DoubleUnaryOperator limit, double pointMass) {
    XYChart chart = new XYChartBuilder().width(640).height(480).title(title).xAxisTitle(xTitle)
        .yAxisTitle("CDF").build();
    Charts.style(chart);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
    chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
    chart.getStyler().setYAxisDecimalPattern("0.0");
    List<double[]> samples = new ArrayList<>();
    for (long n : shown) {
      double[] v = replicates.get(n).stream().mapToDouble(field).toArray();
      Arrays.sort(v);
      samples.add(v);
    }
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double[] v : samples) {
      lo = Math.min(lo, v[(int) (0.002 * (v.length - 1))]);
      hi = Math.max(hi, v[(int) Math.ceil(0.998 * (v.length - 1))]);
    }
    if (!Double.isNaN(pointMass)) {
      lo = Math.min(lo, pointMass);
      hi = Math.max(hi, pointMass);
    }
    double pad = 0.03 * (hi - lo);
    lo -= pad;
    hi += pad;
    // The limit goes first: were the first y values those of an empirical CDF (multiples of 1/R),
    // XChart would take them for equally spaced categories and put a tick at every k/R labelled as
    // the nearest tenth, so that the label 1.0 sat about 3% below the CDFs' top.
    XYSeries lim;
    if (limit != null) {
      int grid = 300;
      double[] lx = new double[grid];
      double[] ly = new double[grid];
      for (int i = 0; i < grid; i++) {
        lx[i] = lo + (hi - lo) * i / (grid - 1);
        ly[i] = Math.min(1, Math.max(0, limit.applyAsDouble(lx[i])));
      }
      lim = chart.addSeries("limit", lx, ly);
      Charts.curve(lim, Charts.dashed(2.5f));
    } else {
      lim = chart.addSeries("limit", new double[] {lo, pointMass, pointMass, hi}, new double[] {0, 0, 1, 1});
      lim.setLineStyle(Charts.dashed(2.5f));
    }
    lim.setMarker(SeriesMarkers.NONE);
    lim.setLineColor(Color.BLACK);
    for (int s = 0; s < shown.length; s++) {
      double[] v = samples.get(s);
      double[] x = new double[v.length + 2];
      double[] y = new double[v.length + 2];
      x[0] = lo;
      for (int i = 0; i < v.length; i++) {
        x[i + 1] = Math.min(Math.max(v[i], lo), hi);
        y[i + 1] = (i + 1.0) / v.length;
      }
      x[v.length + 1] = hi;
      y[v.length + 1] = 1.0;
      XYSeries series = chart.addSeries("n = " + shown[s], x, y);
      series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
      series.setMarker(SeriesMarkers.NONE);
      series.setLineColor(PALETTE[s % PALETTE.length]);
      series.setLineWidth(1.5f);
    }
    chart.getStyler().setXAxisMin(lo).setXAxisMax(hi);
    return chart;
  }

  /** Kolmogorov distances and p_var against n with their 95% intervals (Figure 4). */
  static XYChart metrics(String model, JsonNode result) {
    XYChart chart = new XYChartBuilder().width(720).height(480)
        .title(model + ": CDF-based convergence metrics (bars: 95% intervals)")
        .xAxisTitle("downstream sample size n").yAxisTitle("distance / tail probability").build();
    Charts.style(chart);
    chart.getStyler().setXAxisLogarithmic(true);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
    JsonNode points = result.get("points");
    int count = points.size();
    double[] n = new double[count];
    String[] names = {"ksTotal", "ksPretraining", "pVar"};
    String[] labels = {"KS distance: total", "KS distance: pre-training", "p_var = P(|n Var_n - s2 d_eff| > eps)"};
    for (int s = 0; s < names.length; s++) {
      double[] y = new double[count];
      double[] bx = new double[3 * count];
      double[] by = new double[3 * count];
      for (int i = 0; i < count; i++) {
        JsonNode p = points.get(i);
        n[i] = p.get("n").asDouble();
        y[i] = p.get(names[s]).asDouble();
        // the 95% interval as a vertical segment (NaN breaks the line between segments)
        double dx = 1 + 0.012 * (s - 1);
        bx[3 * i] = n[i] * dx;
        bx[3 * i + 1] = n[i] * dx;
        bx[3 * i + 2] = Double.NaN;
        by[3 * i] = p.get(names[s] + "Low").asDouble();
        by[3 * i + 1] = p.get(names[s] + "High").asDouble();
        by[3 * i + 2] = Double.NaN;
      }
      XYSeries series = chart.addSeries(labels[s], n.clone(), y);
      series.setLineColor(PALETTE[s]);
      series.setMarkerColor(PALETTE[s]);
      XYSeries bars = chart.addSeries(labels[s] + " 95%", bx, by);
      bars.setMarker(SeriesMarkers.NONE);
      bars.setLineColor(PALETTE[s]);
      bars.setShowInLegend(false);
    }
    double res = points.get(0).get("ksResolution").asDouble();
    XYSeries r = chart.addSeries("KS resolution 1.358/sqrt(R), " + points.get(0).get("reps").asInt() + " reps",
        new double[] {n[0], n[count - 1]}, new double[] {res, res});
    r.setMarker(SeriesMarkers.NONE);
    r.setLineColor(Color.GRAY);
    r.setLineStyle(Charts.dashed(1.5f));
    Charts.logTicks(chart);
    return chart;
  }
}
