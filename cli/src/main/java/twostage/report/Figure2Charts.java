package twostage.report;

import com.fasterxml.jackson.databind.JsonNode;
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
import twostage.experiments.Figure2Study;
import twostage.experiments.LimitResult;
import twostage.stats.TrendFit;

/** Draws one panel of Figure 2: estimates with ±1 s.e. bars, the fitted trends and the exact form. */
public final class Figure2Charts {
  private static final Color POINTS = new Color(25, 25, 120);
  private static final Color FIT = new Color(220, 110, 80);
  private static final Color EXACT = new Color(30, 130, 60);

  private Figure2Charts() {}

  /** Writes {@code base}.png and {@code base}.svg. */
  public static void draw(Figure2Study.Panel panel, JsonNode paper, Path base) {
    Charts.save(chart(panel, paper), base);
  }

  /** The panel's chart; {@code paper} holds the paper's digitised points, or is null. */
  static XYChart chart(Figure2Study.Panel panel, JsonNode paper) {
    List<LimitResult> rows = panel.points();
    List<TrendFit> fits = panel.fits();
    Figure2Study.ExactForm exact = panel.exactForm();
    Figure2Study.ExactForm exactK3 = panel.exactFormK3();
    TrendFit paperRangeFit = panel.paperRangeFit();
    boolean logX = !panel.vary().equals("--K");
    boolean logY = panel.vary().equals("--beta");
    String xName = switch (panel.vary()) {
      case "--K" -> "K (number of components)";
      case "--d" -> "d (ambient dimension, log scale)";
      default -> "β (centre scale, log scale)";
    };
    XYChart chart = new XYChartBuilder().width(760).height(680)
        .title("Figure 2" + panel.title().replaceFirst("^\\((\\w)\\) ", "($1): "))
        .xAxisTitle(xName).yAxisTitle("E‖L(Z)‖²" + (logY ? " (log scale)" : "")).build();
    Charts.style(chart);
    var st = chart.getStyler();
    st.setXAxisLogarithmic(logX);
    st.setYAxisLogarithmic(logY);
    st.setLegendPosition(Styler.LegendPosition.OutsideS);
    st.setLegendLayout(Styler.LegendLayout.Vertical);
    st.setMarkerSize(7);
    st.setErrorBarsColorSeriesColor(false);
    st.setErrorBarsColor(POINTS);
    if (!logY) {
      st.setYAxisDecimalPattern("0.000");
    }
    double[] x = rows.stream().mapToDouble(panel::x).toArray();
    double[] y = rows.stream().mapToDouble(r -> r.estimate().mean().value()).toArray();
    double[] se = rows.stream().mapToDouble(r -> r.estimate().mean().stdError()).toArray();
    double lo = x[0];
    double hi = x[x.length - 1];
    double[] grid = new double[60];
    for (int i = 0; i < grid.length; i++) {
      double t = (double) i / (grid.length - 1);
      grid[i] = logX ? lo * Math.pow(hi / lo, t) : lo + (hi - lo) * t;
    }
    for (TrendFit f : fits) {
      if (f.model().equals("rational") && exact != null) {
        continue;
      }
      double[] fy = new double[grid.length];
      for (int i = 0; i < grid.length; i++) {
        fy[i] = f.at(grid[i]);
      }
      XYSeries s = chart.addSeries(label(f), grid, fy);
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
      s.setMarker(SeriesMarkers.NONE);
      Charts.curve(s, f.model().equals("rational") ? SeriesLines.SOLID : SeriesLines.DASH_DASH);
      s.setLineColor(f.model().equals("rational") ? EXACT : FIT);
    }
    if (paperRangeFit != null) {
      int n = 0;
      while (n < grid.length && grid[n] <= 100) {
        n++;
      }
      double[] gx = java.util.Arrays.copyOf(grid, n);
      double[] fy = new double[n];
      for (int i = 0; i < n; i++) {
        fy[i] = paperRangeFit.at(gx[i]);
      }
      XYSeries s = chart.addSeries(String.format(Locale.ROOT,
          "fit a + b log d on d ≤ 100 (paper's range), R² = %.3f", paperRangeFit.rSquared()), gx, fy);
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
      s.setMarker(SeriesMarkers.NONE);
      Charts.curve(s, new java.awt.BasicStroke(2f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER,
          10f, new float[] {10f, 4f}, 0f));
      s.setLineColor(new Color(150, 90, 170));
    }
    if (exact != null) {
      XYSeries s = exactForm(chart, "exact (a + b d)/(d + 1), a = %.4f, b = %.4f", exact, grid);
      s.setLineStyle(SeriesLines.SOLID);
      s.setLineColor(EXACT);
    }
    if (exactK3 != null) {
      XYSeries s = exactForm(chart, "exact form at K = 3: a = %.4f, b = %.4f", exactK3, grid);
      Charts.curve(s, SeriesLines.DASH_DOT);
      s.setLineColor(new Color(120, 120, 120));
    }
    if (paper != null && paper.size() > 0) {
      double[] px = new double[paper.size()];
      double[] py = new double[paper.size()];
      for (int i = 0; i < px.length; i++) {
        px[i] = paper.get(i).get(0).asDouble();
        py[i] = paper.get(i).get(1).asDouble();
      }
      XYSeries s = chart.addSeries("paper's Figure 2, digitised (docs/figure2.md)", px, py);
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      s.setMarker(SeriesMarkers.DIAMOND);
      s.setMarkerColor(new Color(150, 150, 150));
    }
    XYSeries pts = chart.addSeries("Monte Carlo estimate ± 1 s.e. (this work)", x, y, se);
    pts.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    pts.setMarker(SeriesMarkers.CIRCLE);
    pts.setMarkerColor(POINTS);
    Charts.logTicks(chart);
    return chart;
  }

  /** The curve (a + b d)/(d + 1) of {@code form} over {@code grid}, without markers; {@code name} formats a and b. */
  private static XYSeries exactForm(XYChart chart, String name, Figure2Study.ExactForm form, double[] grid) {
    double a = form.a().value();
    double b = form.b().value();
    double[] fy = new double[grid.length];
    for (int i = 0; i < grid.length; i++) {
      fy[i] = (a + b * grid[i]) / (grid[i] + 1);
    }
    XYSeries s = chart.addSeries(String.format(Locale.ROOT, name, a, b), grid, fy);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    s.setMarker(SeriesMarkers.NONE);
    return s;
  }

  private static String label(TrendFit f) {
    double[] c = f.coefficients();
    return switch (f.model()) {
      case "quadratic" -> String.format(Locale.ROOT, "fit aK² + bK + c, R² = %.4f", f.rSquared());
      case "logarithmic" -> String.format(Locale.ROOT, "fit a + b log d, R² = %.3f", f.rSquared());
      case "power" -> String.format(Locale.ROOT, "fit Cβ^p, p = %.2f, R² = %.3f (log-log)", c[1], f.rSquared());
      default -> String.format(Locale.ROOT, "fit (a + b d)/(d + 1), R² = %.4f", f.rSquared());
    };
  }
}
