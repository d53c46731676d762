package twostage.report;

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
import org.knowm.xchart.internal.chartpart.Chart;
import org.w3c.dom.Document;

/** Writes XChart charts as PNG (XChart's encoder) and SVG (Batik's SVGGraphics2D). */
public final class Charts {
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

  /** Writes {@code base}.png and {@code base}.svg. */
  public static void save(Chart<?, ?> chart, Path base) {
    try {
      if (base.getParent() != null) {
        Files.createDirectories(base.getParent());
      }
      BitmapEncoder.saveBitmapWithDPI(chart, base.toString(), BitmapEncoder.BitmapFormat.PNG, 110);
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
