package twostage.report;

import java.awt.BasicStroke;
import java.awt.image.BufferedImage;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.AxesChart;
import org.knowm.xchart.internal.chartpart.AxisTickCalculator;
import org.knowm.xchart.internal.chartpart.Axis_;

/**
 * What a drawn XChart chart can be checked for without comparing pixels: after painting it off screen,
 * where each tick label sits against where its value is drawn, how many labels an axis has, and
 * whether a dashed series comes out dashed.
 */
final class ChartChecks {
  private ChartChecks() {}

  /** Paints {@code chart} off screen, which lays out its axes. */
  static void paint(XYChart chart) {
    BufferedImage img = new BufferedImage(chart.getWidth(), chart.getHeight(), BufferedImage.TYPE_INT_ARGB);
    var g = img.createGraphics();
    chart.paint(g, chart.getWidth(), chart.getHeight());
    g.dispose();
  }

  /** One labelled tick: its text, the value it reads as, and its position on screen (pixels). */
  record Tick(String label, double value, double screen) {}

  /** The labelled ticks of the x axis ({@code x}) or of the y axis of a painted chart. */
  static List<Tick> ticks(XYChart chart, boolean x) {
    Axis_<?, ?> axis = axis(chart, x);
    AxisTickCalculator calc = axis.getAxisTickCalculator();
    var bounds = axis.getBounds();
    List<Tick> ticks = new ArrayList<>();
    for (int i = 0; i < calc.getTickLabels().size(); i++) {
      String label = calc.getTickLabels().get(i);
      if (label == null || label.isBlank()) {
        continue;
      }
      double loc = calc.getTickLocations().get(i);
      double screen = x ? bounds.getX() + loc : bounds.getY() + bounds.getHeight() - loc;
      ticks.add(new Tick(label, Double.parseDouble(label.replace(",", "").toUpperCase(Locale.ROOT)), screen));
    }
    return ticks;
  }

  /** The ticks whose label is drawn more than {@code tolerance} pixels from where its value is plotted. */
  static List<String> misplacedTicks(XYChart chart, boolean x, double tolerance) {
    List<String> bad = new ArrayList<>();
    for (Tick t : ticks(chart, x)) {
      double where = x ? chart.getScreenXFromChart(t.value()) : chart.getScreenYFromChart(t.value());
      if (Math.abs(where - t.screen()) > tolerance) {
        bad.add(String.format(Locale.ROOT, "%s axis label %s at %.1f px, its value at %.1f px", x ? "x" : "y",
            t.label(), t.screen(), where));
      }
    }
    return bad;
  }

  /** The pairs of neighbouring tick labels of an axis whose text would overlap on screen. */
  static List<String> overlappingLabels(XYChart chart, boolean x) {
    var font = chart.getStyler().getAxisTickLabelsFont();
    var frc = new java.awt.font.FontRenderContext(null, true, false);
    List<Tick> ticks = new ArrayList<>(ticks(chart, x));
    ticks.sort(java.util.Comparator.comparingDouble(Tick::screen));
    List<String> bad = new ArrayList<>();
    for (int i = 1; i < ticks.size(); i++) {
      Tick a = ticks.get(i - 1);
      Tick b = ticks.get(i);
      var ra = new java.awt.font.TextLayout(a.label(), font, frc).getBounds();
      var rb = new java.awt.font.TextLayout(b.label(), font, frc).getBounds();
      double need = x ? (ra.getWidth() + rb.getWidth()) / 2 + 2 : (ra.getHeight() + rb.getHeight()) / 2 + 1;
      if (b.screen() - a.screen() < need) {
        bad.add(String.format(Locale.ROOT, "%s axis labels %s and %s %.1f px apart, need %.1f", x ? "x" : "y",
            a.label(), b.label(), b.screen() - a.screen(), need));
      }
    }
    return bad;
  }

  /**
   * The series styled with a dash pattern that come out solid: XChart strokes a polyline segment by
   * segment, restarting the pattern at every point, so a dashed polyline is dashed only where its
   * segments on screen are longer than a dash and its gap. Smooth series are one path.
   */
  static List<String> dashedDrawnSolid(XYChart chart) {
    List<String> bad = new ArrayList<>();
    for (XYSeries s : chart.getSeriesCollection()) {
      BasicStroke stroke = s.getLineStyle();
      if (stroke == null || stroke.getDashArray() == null || s.isSmooth()) {
        continue;
      }
      float[] dash = stroke.getDashArray();
      double period = dash[0] + (dash.length > 1 ? dash[1] : dash[0]);
      double total = 0;
      double dashedPart = 0;
      double[] xs = s.getXData();
      double[] ys = s.getYData();
      for (int i = 1; i < xs.length; i++) {
        if (!Double.isFinite(xs[i - 1] + ys[i - 1] + xs[i] + ys[i])) {
          continue;
        }
        double len = Math.hypot(chart.getScreenXFromChart(xs[i]) - chart.getScreenXFromChart(xs[i - 1]),
            chart.getScreenYFromChart(ys[i]) - chart.getScreenYFromChart(ys[i - 1]));
        total += len;
        if (len >= period) {
          dashedPart += len;
        }
      }
      if (total > 0 && dashedPart < 0.9 * total) {
        bad.add(String.format(Locale.ROOT, "'%s': %.0f%% of its %.0f px in segments shorter than its dash period",
            s.getName(), 100 * (1 - dashedPart / total), total));
      }
    }
    return bad;
  }

  private static Axis_<?, ?> axis(XYChart chart, boolean x) {
    try {
      Method m = AxesChart.class.getDeclaredMethod(x ? "getXAxis" : "getYAxis");
      m.setAccessible(true);
      return (Axis_<?, ?>) m.invoke(chart);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("XChart's axes are not where this check expects them", e);
    }
  }
}
