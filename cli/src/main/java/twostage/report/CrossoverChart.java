package twostage.report;

import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import twostage.experiments.CrossoverStudy;
import twostage.theory.Crossover;

/**
 * The crossover picture (Figure 1 of the paper, with numbers): E[n(R − σ²)] over α on a log axis for
 * two-stage learning with its quantile band, the downstream-only level σ² d_base, the crossover α₀ and
 * the simulated baseline points (which do not depend on α: drawn at spread-out α positions, their n in
 * the legend).
 */
public final class CrossoverChart {
  private CrossoverChart() {}

  /** Writes {@code base}.png and {@code base}.svg. */
  public static void save(Path base, String model, Crossover c, CrossoverStudy.Curves curves,
      List<CrossoverStudy.BaselinePoint> points) {
    Charts.save(chart(model, c, curves, points), base);
  }

  /** The chart that {@link #save} writes. */
  static XYChart chart(String model, Crossover c, CrossoverStudy.Curves curves,
      List<CrossoverStudy.BaselinePoint> points) {
    double[] alpha = curves.alpha();
    double[] twoStage = curves.twoStage();
    double[] lower = curves.lower();
    double[] upper = curves.upper();
    List<Double> band = curves.band();
    XYChart chart = new XYChartBuilder().width(1000).height(720)
        .title("When does pre-training pay? (" + model + ", d_eff = " + c.dEff() + ", d_base = "
            + c.dBase() + ")")
        .xAxisTitle(points.isEmpty() ? "alpha = m / n"
            : "alpha = m / n      (simulated downstream-only points do not depend on alpha; bars: 2 SE)").yAxisTitle("E[ n (R - sigma^2) ]").build();
    Charts.style(chart);
    chart.getStyler().setXAxisLogarithmic(true);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setMarkerSize(7);
    double yMax = Math.max(2.0 * c.downstreamOnly(), 1.5 * c.floor());
    if (yMax <= 0) {
      yMax = 1;
    }
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(yMax);

    int n = alpha.length;
    double[] px = new double[2 * n];
    double[] py = new double[2 * n];
    for (int i = 0; i < n; i++) {
      px[i] = alpha[i];
      py[i] = Math.min(upper[i], 10 * yMax);
      px[2 * n - 1 - i] = alpha[i];
      py[2 * n - 1 - i] = Math.min(lower[i], 10 * yMax);
    }
    XYSeries bandSeries = chart.addSeries(
        String.format(Locale.ROOT, "two-stage %.0f%%-%.0f%% quantiles", 100 * band.get(0), 100 * band.get(1)), px, py);
    bandSeries.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
    bandSeries.setFillColor(new Color(70, 130, 220, 60));
    bandSeries.setLineColor(new Color(70, 130, 220, 60));
    bandSeries.setMarker(SeriesMarkers.NONE);

    double[] clipped = new double[n];
    for (int i = 0; i < n; i++) {
      clipped[i] = Math.min(twoStage[i], 10 * yMax);
    }
    XYSeries two = chart.addSeries(
        String.format(Locale.ROOT, "two-stage: %.3g + %.3g/alpha", c.floor(), c.interactionMean()), alpha, clipped);
    two.setMarker(SeriesMarkers.NONE);
    two.setLineColor(new Color(30, 80, 200));
    two.setLineWidth(2.5f);

    XYSeries down = level(chart, String.format(Locale.ROOT, "downstream-only: sigma^2 d_base = %.3g", c.downstreamOnly()), alpha,
        c.downstreamOnly());
    down.setLineColor(new Color(200, 60, 40));
    down.setLineWidth(2.5f);

    XYSeries floor = level(chart, String.format(Locale.ROOT, "floor sigma^2 d_eff = %.3g", c.floor()), alpha, c.floor());
    floor.setLineColor(Color.GRAY);
    floor.setLineStyle(SeriesLines.DOT_DOT);

    double a0 = c.alpha0();
    if (Double.isFinite(a0) && a0 >= alpha[0] && a0 <= alpha[n - 1]) {
      XYSeries cross = chart.addSeries(String.format(Locale.ROOT, "alpha0 = %.4g", a0),
          new double[] {a0, a0}, new double[] {0, yMax});
      cross.setMarker(SeriesMarkers.NONE);
      cross.setLineColor(Color.BLACK);
      cross.setLineStyle(SeriesLines.DASH_DASH);
      XYSeries dot = chart.addSeries("crossover", new double[] {a0}, new double[] {c.downstreamOnly()});
      dot.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      dot.setMarker(SeriesMarkers.DIAMOND);
      dot.setMarkerColor(Color.BLACK);
      dot.setShowInLegend(false);
    }

    Color[] colours = {new Color(200, 60, 40), new Color(150, 40, 120), new Color(230, 130, 0),
        new Color(20, 140, 60)};
    double la = Math.log(alpha[0]);
    double lb = Math.log(alpha[n - 1]);
    for (int i = 0; i < points.size(); i++) {
      CrossoverStudy.BaselinePoint pt = points.get(i);
      double x = Math.exp(la + (lb - la) * (0.55 + 0.35 * (i + 0.5) / points.size()));
      String capped = pt.notConverged() > 0
          ? String.format(Locale.ROOT, ", %d fits capped", pt.notConverged()) : "";
      XYSeries s = chart.addSeries(
          String.format(Locale.ROOT, "simulated, n=%d: %.3g (SE %.2g)%s", pt.n(),
              pt.scaledExcess().value(), pt.scaledExcess().stdError(), capped),
          new double[] {x}, new double[] {pt.scaledExcess().value()},
          new double[] {2 * pt.scaledExcess().stdError()});
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      s.setMarker(SeriesMarkers.CIRCLE);
      s.setMarkerColor(colours[i % colours.length]);
    }
    Charts.logTicks(chart);
    return chart;
  }

  /** A line without markers at height {@code y} across the range of {@code alpha}. */
  private static XYSeries level(XYChart chart, String name, double[] alpha, double y) {
    XYSeries s = chart.addSeries(name, new double[] {alpha[0], alpha[alpha.length - 1]}, new double[] {y, y});
    s.setMarker(SeriesMarkers.NONE);
    return s;
  }
}
