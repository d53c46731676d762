package twostage.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.batik.svggen.SVGGraphics2D;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.w3c.dom.Document;

/** Writes XChart charts as PNG (XChart's encoder) and SVG (Batik's SVGGraphics2D). */
public final class Charts {
  /** Resolution of the PNGs: a chart w points wide is w·DPI/72 pixels wide. */
  public static final int DPI = 110;

  private Charts() {}

  /** Applies the house style: white background, readable fonts, grid. */
  public static void style(XYChart chart) {
    var st = chart.getStyler();
    st.setChartBackgroundColor(Color.WHITE);
    st.setPlotBackgroundColor(Color.WHITE);
    st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    st.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
    st.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    st.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    st.setPlotGridLinesVisible(true);
    st.setPlotGridLinesColor(new Color(225, 225, 225));
  }

  /** A dashed stroke: 7 px dashes, 5 px gaps. */
  public static BasicStroke dashed(float width) {
    return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {7f, 5f}, 0f);
  }

  /**
   * Draws a densely sampled smooth function with {@code stroke} as one path. XChart strokes a polyline
   * one segment at a time, restarting the dash pattern at every point, so a dashed curve sampled every
   * few pixels would come out solid while its legend shows it dashed; a smooth series is one path.
   */
  public static void curve(XYSeries series, BasicStroke stroke) {
    series.setLineStyle(stroke);
    series.setSmooth(true);
  }

  /**
   * Labels the log axes of {@code chart} by the decades they span: every 1..9 multiple of a power of
   * ten below one decade, the 1, 2 and 5 multiples below {@value #DECADE_LABELS_FROM} decades, else the
   * powers of ten only (XChart's default, which left an axis over 10..80 with the single label 10).
   * A tall log axis (over eight decades) loses its horizontal grid, a grey band of minor lines. Call
   * after the series are added.
   */
  public static void logTicks(XYChart chart) {
    var st = chart.getStyler();
    if (st.isXAxisLogarithmic()) {
      double d = decades(chart, true);
      st.setXAxisLogarithmicDecadeOnly(d >= DECADE_LABELS_FROM);
      if (d < DECADE_LABELS_FROM) {
        st.setXAxisTickLabelsFormattingFunction(v -> logLabel(v, d < 1));
      }
    }
    if (st.isYAxisLogarithmic()) {
      double d = decades(chart, false);
      st.setYAxisLogarithmicDecadeOnly(d >= DECADE_LABELS_FROM);
      if (d < DECADE_LABELS_FROM) {
        st.setYAxisTickLabelsFormattingFunction(v -> logLabel(v, d < 1));
      }
      if (d > 8) {
        st.setPlotGridHorizontalLinesVisible(false);
      }
    }
  }

  /** From this many decades on, a log axis is labelled at the powers of ten only. */
  static final double DECADE_LABELS_FROM = 3.0;

  /** The label of a log-axis tick: shown for every mantissa ({@code all}) or for 1, 2 and 5 only. */
  static String logLabel(double v, boolean all) {
    if (!(v > 0)) {
      return "";
    }
    double mantissa = v / Math.pow(10, Math.floor(Math.log10(v) + 1e-9));
    long m = Math.round(mantissa);
    if (Math.abs(mantissa - m) > 1e-6 || !(all || m == 1 || m == 2 || m == 5)) {
      return "";
    }
    return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
  }

  private static double decades(XYChart chart, boolean x) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (XYSeries s : chart.getSeriesCollection()) {
      for (double v : x ? s.getXData() : s.getYData()) {
        if (v > 0 && Double.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    return hi > 0 ? Math.log10(hi / lo) : 0;
  }

  /** Writes {@code base}.png and {@code base}.svg. */
  public static void save(Chart<?, ?> chart, Path base) {
    try {
      if (base.getParent() != null) {
        Files.createDirectories(base.getParent());
      }
      BitmapEncoder.saveBitmapWithDPI(chart, base.toString(), BitmapEncoder.BitmapFormat.PNG, DPI);
      Document doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
          .getDOMImplementation().createDocument("http://www.w3.org/2000/svg", "svg", null);
      SVGGraphics2D g = new SVGGraphics2D(doc);
      g.setSVGCanvasSize(new java.awt.Dimension(chart.getWidth(), chart.getHeight()));
      chart.paint(g, chart.getWidth(), chart.getHeight());
      try (Writer w = new OutputStreamWriter(
          Files.newOutputStream(Path.of(base + ".svg")), StandardCharsets.UTF_8)) {
        g.stream(w, true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write chart " + base, e);
    } catch (javax.xml.parsers.ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }
}
