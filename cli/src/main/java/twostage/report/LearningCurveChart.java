package twostage.report;

import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import twostage.experiments.LearningCurveStudy;
import twostage.stats.Estimate;

/**
 * The learning curve on data: the held-out error of the two-stage pipeline over m (mean over splits, bars
 * of 2 standard errors) against the plug-in prediction σ̂²(1 + d_eff/n) + Ê‖L‖²/m with its bootstrap band.
 */
public final class LearningCurveChart {
  private LearningCurveChart() {}

  /** Writes {@code base}.png and {@code base}.svg. */
  public static void save(Path base, String title, LearningCurveStudy.Curve c) {
    List<Integer> grid = c.spec().mGrid();
    int g = grid.size();
    double[] m = grid.stream().mapToDouble(Integer::doubleValue).toArray();
    XYChart chart = new XYChartBuilder().width(1000).height(680).title(title)
        .xAxisTitle("m, unlabeled rows used for pre-training (n = " + c.spec().n() + " labeled rows, "
            + c.spec().splits() + " random splits)")
        .yAxisTitle("held-out mean squared error").build();
    Charts.style(chart);
    chart.getStyler().setXAxisLogarithmic(true);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setMarkerSize(8);
    double[] px = new double[2 * g];
    double[] py = new double[2 * g];
    for (int i = 0; i < g; i++) {
      px[i] = m[i];
      py[i] = c.predictedHigh()[i];
      px[2 * g - 1 - i] = m[i];
      py[2 * g - 1 - i] = c.predictedLow()[i];
    }
    XYSeries band = chart.addSeries(String.format(Locale.ROOT, "plug-in prediction, %s%% bootstrap band",
        Format.percent(c.level())), px, py);
    band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
    band.setFillColor(new Color(70, 130, 220, 60));
    band.setLineColor(new Color(70, 130, 220, 60));
    band.setMarker(SeriesMarkers.NONE);
    XYSeries pred = chart.addSeries(String.format(Locale.ROOT, "plug-in: sigma^2 (1 + d_eff/n) + E||L||^2/m, E||L||^2 = %.3g",
        c.interaction()[0]), m, c.predicted());
    pred.setMarker(SeriesMarkers.NONE);
    pred.setLineColor(new Color(30, 80, 200));
    pred.setLineWidth(2.5f);
    double[] y = c.mse().stream().mapToDouble(Estimate::value).toArray();
    double[] err = c.mse().stream().mapToDouble(e -> 2 * e.stdError()).toArray();
    XYSeries measured = chart.addSeries(String.format(Locale.ROOT, "measured held-out error (fit a + b/m: b = %.3g +/- %.2g)",
        c.measuredSlope().value(), c.measuredSlope().stdError()), m, y, err);
    measured.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    measured.setMarker(SeriesMarkers.CIRCLE);
    measured.setMarkerColor(new Color(200, 60, 40));
    double[] fit = new double[g];
    for (int i = 0; i < g; i++) {
      fit[i] = c.measuredIntercept().value() + c.measuredSlope().value() / m[i];
    }
    XYSeries fitted = chart.addSeries("measured: fitted a + b/m", m, fit);
    fitted.setMarker(SeriesMarkers.NONE);
    fitted.setLineColor(new Color(200, 60, 40));
    Charts.save(chart, base);
  }
}
