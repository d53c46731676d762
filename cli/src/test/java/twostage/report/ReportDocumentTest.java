package twostage.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChartBuilder;
import twostage.stats.Estimate;

/** The report's document model: navigation, header cells, captioned figures in their sections. */
class ReportDocumentTest {
  private static ReportDocument sample() {
    ReportDocument doc = new ReportDocument("t <report>");
    doc.preface("Numbers with `code`.");
    doc.section("one", "First & foremost").table(List.of("K", "E‖L(Z)‖²"), List.of(List.of("2", "0.009")))
        .figure("one/a.png", "A caption.", 640, 480);
    doc.section("two", "Second").paragraph("Text.").figure("two/b.png", "Another caption.");
    return doc;
  }

  private static List<String> all(Pattern p, String s) {
    List<String> out = new ArrayList<>();
    Matcher m = p.matcher(s);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void htmlHasAContentsListWhoseLinksAllLandOnASection() {
    String html = sample().html();
    List<String> links = all(Pattern.compile("href=\"#([^\"]+)\""), html);
    List<String> ids = all(Pattern.compile("id=\"([^\"]+)\""), html);
    assertThat(links).contains("one", "two", "top");
    assertThat(ids).containsAll(links).doesNotHaveDuplicates();
    assertThat(html).contains("<nav aria-label=\"Contents\">").contains("<th scope=\"col\">K</th>")
        .contains("<title>t &lt;report&gt;</title>").contains("First &amp; foremost").contains("<code>code</code>");
  }

  @Test
  void figuresSitInTheirSectionsWithNumberedCaptionsAndTheirSize() {
    String html = sample().html();
    int one = html.indexOf("<section id=\"one\">");
    int two = html.indexOf("<section id=\"two\">");
    int a = html.indexOf("src=\"one/a.png\"");
    int b = html.indexOf("src=\"two/b.png\"");
    assertThat(one).isLessThan(a);
    assertThat(a).isLessThan(two);
    assertThat(two).isLessThan(b);
    assertThat(html).contains("width=\"640\" height=\"480\"")
        .contains("<figcaption>Figure 1. A caption.</figcaption>")
        .contains("<figcaption>Figure 2. Another caption.</figcaption>");
    assertThat(html.substring(b - 60, b + 80)).doesNotContain("width=");
  }

  @Test
  void markdownHasTheSameAnchorsAndCaptions() {
    String md = sample().markdown();
    assertThat(md).contains("[First & foremost](#one)", "<a id=\"one\"></a>", "| K | E‖L(Z)‖² |",
        "![A caption.](one/a.png)", "*Figure 2. Another caption.*");
  }

  @Test
  void aFigureIsShownAtTheSizeItWasDrawn(@TempDir Path dir) {
    var chart = new XYChartBuilder().width(640).height(480).title("t").build();
    chart.addSeries("s", new double[] {1, 2}, new double[] {1, 2});
    Charts.save(chart, dir.resolve("c"));
    int[] px = ReproduceReport.pngSize(dir.resolve("c.png"));
    // the PNG is drawn at Charts.DPI, so its pixels are the chart's points times DPI/72
    assertThat(px[0] * 72 / Charts.DPI).isBetween(639, 641);
    assertThat(px[1] * 72 / Charts.DPI).isBetween(479, 481);
    assertThat(ReproduceReport.pngSize(dir.resolve("c.svg"))).containsExactly(0, 0);
  }

  @Test
  void aMixtureAtThetaNormTenSaysSoAndGivesItsValueAtUnitNorm() {
    String note = ReproduceReport.thetaNote(10, new Estimate(2.932, 0.011));
    assertThat(note).contains("‖θ⋆‖ = 10,").contains("10² = 100 times 0.02932 ± 0.00011, its value at unit ‖θ⋆‖");
  }

  @Test
  void parametersAreWrittenWithoutTrailingZeros() {
    assertThat(ReproduceReport.compact(2.0)).isEqualTo("2");
    assertThat(ReproduceReport.compact(0.5)).isEqualTo("0.5");
    assertThat(ReproduceReport.compact(10.0)).isEqualTo("10");
    assertThat(ReproduceReport.compact(0.0293125)).isEqualTo("0.0293125");
    assertThat(ReproduceReport.compact(1.5e-7)).isEqualTo("1.5e-07");
  }
}
