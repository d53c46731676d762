package twostage.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import twostage.errata.factor.FactorPriorArt;
import twostage.errata.factor.FactorPriorArtRow;
import twostage.errata.spectral.SpectralPriorArt;
import twostage.errata.spectral.SpectralPriorArtRow;
import twostage.experiments.CrossoverStudy;
import twostage.experiments.Figure2Study;
import twostage.experiments.LimitResult;
import twostage.simulate.Replicate;
import twostage.spi.LimitEstimate;
import twostage.stats.Estimate;
import twostage.stats.TrendFit;
import twostage.theory.Crossover;

/**
 * The report's charts checked on the XChart objects after an off-screen paint: tick labels where their
 * values are drawn and not overlapping, at least three labels on every axis (log axes included), dashed
 * series that come out dashed (so that they match their legend), CDFs within [0, 1], and no two charts
 * of a report sharing a title.
 */
class ReportChartsTest {
  private static final long[] N = {100, 316, 1000, 3162};
  private static final double POINT_MASS = 1.5655;

  /** Replicates whose variance part concentrates at {@link #POINT_MASS} and total part is shifted gamma-like. */
  private static Map<Long, List<Replicate>> replicates(int reps, long seed) {
    Random rnd = new Random(seed);
    Map<Long, List<Replicate>> m = new TreeMap<>();
    for (long n : N) {
      List<Replicate> l = new ArrayList<>();
      for (int i = 0; i < reps; i++) {
        double z = rnd.nextGaussian();
        double pre = 0.18 * (z * z + Math.pow(rnd.nextGaussian(), 2));
        double var = POINT_MASS * (1 + 1.5 * rnd.nextGaussian() / Math.sqrt(n));
        l.add(new Replicate((int) n, (int) (2 * n), i, pre, 0, 0, var, null));
      }
      m.put(n, l);
    }
    return m;
  }

  /** The CDF of S + 0.18 χ²₂ (an exponential with mean 0.36), the total's limit in this fixture. */
  private static final DoubleUnaryOperator TOTAL_LIMIT = x -> x <= POINT_MASS ? 0 : 1 - Math.exp(-(x - POINT_MASS) / 0.36);

  private static List<XYChart> cdfCharts(String model) {
    Map<Long, List<Replicate>> reps = replicates(300, 7);
    return List.of(
        ValidationCharts.cdfChart(model + ": total n(R - sigma^2)", "n(R - sigma^2)", Replicate::total, N, reps,
            TOTAL_LIMIT, Double.NaN),
        ValidationCharts.cdfChart(model + ": pre-training part n Rep", "n Rep", Replicate::pretraining, N, reps,
            x -> x <= 0 ? 0 : 1 - Math.exp(-x / 0.36), Double.NaN),
        ValidationCharts.cdfChart(model + ": variance part n Var_n", "n Var_n", Replicate::variance, N, reps, null,
            POINT_MASS));
  }

  private static XYChart metrics(String model) {
    ObjectNode result = Json.object();
    ArrayNode points = result.putArray("points");
    double[] ks = {0.35, 0.15, 0.09, 0.06};
    for (int i = 0; i < N.length; i++) {
      ObjectNode p = points.addObject();
      p.put("n", N[i]).put("reps", 300).put("ksResolution", 1.358 / Math.sqrt(300));
      for (String name : new String[] {"ksTotal", "ksPretraining", "pVar"}) {
        p.put(name, ks[i]).put(name + "Low", Math.max(0, ks[i] - 0.08)).put(name + "High", ks[i] + 0.08);
      }
    }
    return ValidationCharts.metrics(model, result);
  }

  private static LimitResult point(String key, double x, double y, double se) {
    return new LimitResult("gmm", Map.of(key, x), Map.of(), 0.25, 2.0,
        new LimitEstimate(null, new Estimate(y, se), y, Map.of(), Map.of()), null, 0);
  }

  /** Panels shaped like the paper's: a quadratic in K, the exact rational form in d, a power law in β. */
  private static List<XYChart> figure2() {
    List<LimitResult> a = new ArrayList<>();
    for (int k = 2; k <= 14; k++) {
      a.add(point("K", k, -0.00037 * k * k + 0.0127 * k - 0.0143, 0.0005));
    }
    List<LimitResult> b = new ArrayList<>();
    double[] d = new double[30];
    double[] yb = new double[30];
    for (int i = 0; i < 30; i++) {
      d[i] = Math.round(5 * Math.pow(200, i / 29.0));
      yb[i] = (-0.0465 + 0.0333 * d[i]) / (d[i] + 1);
      b.add(point("d", d[i], yb[i], 0.0002));
    }
    double[] dSmall = Arrays.stream(d).filter(v -> v <= 100).toArray();
    double[] ySmall = Arrays.copyOf(yb, dSmall.length);
    List<LimitResult> c = new ArrayList<>();
    double[] beta = new double[20];
    double[] yc = new double[20];
    for (int i = 0; i < 20; i++) {
      beta[i] = 0.5 * Math.pow(10, i / 19.0);
      yc[i] = 0.16 * Math.pow(beta[i], -3.4);
      c.add(point("beta", beta[i], yc[i], 0.02 * yc[i]));
    }
    double[] ka = a.stream().mapToDouble(r -> ((Number) r.parameters().get("K")).doubleValue()).toArray();
    double[] ya = a.stream().mapToDouble(r -> r.estimate().mean().value()).toArray();
    return List.of(
        Figure2Charts.chart(new Figure2Study.Panel("a", "(a) d = 30, β = 2", "--K", a,
            List.of(TrendFit.quadratic(ka, ya)), null, null, null, Double.NaN), null),
        Figure2Charts.chart(new Figure2Study.Panel("b", "(b) K = 4, β = 2", "--d", b,
            List.of(TrendFit.logarithmic(d, yb), TrendFit.rational(d, yb)), TrendFit.logarithmic(dSmall, ySmall),
            new Figure2Study.ExactForm(new Estimate(-0.0465, 0.001), new Estimate(0.0333, 0.0001)),
            new Figure2Study.ExactForm(new Estimate(-0.0189, 0.001), new Estimate(0.0212, 0.0001)), 0), null),
        Figure2Charts.chart(new Figure2Study.Panel("c", "(c) K = 4, d = 20", "--beta", c,
            List.of(TrendFit.power(beta, yc)), null, null, null, Double.NaN), null));
  }

  private static XYChart crossover(String model, Crossover x) {
    int n = 121;
    double[] alpha = new double[n];
    double[] two = new double[n];
    double[] lo = new double[n];
    double[] hi = new double[n];
    for (int i = 0; i < n; i++) {
      alpha[i] = x.alpha0() / 100 * Math.pow(1e4, i / (n - 1.0));
      two[i] = x.twoStage(alpha[i]);
      lo[i] = x.floor() + 0.5 * x.interactionMean() / alpha[i];
      hi[i] = x.floor() + 1.6 * x.interactionMean() / alpha[i];
    }
    double[] down = new double[n];
    java.util.Arrays.fill(down, x.downstreamOnly());
    CrossoverStudy.Curves curves = new CrossoverStudy.Curves(List.of(0.1, 0.9), alpha, two, lo, hi, down);
    return CrossoverChart.chart(model, x, curves, List.of(
        new CrossoverStudy.BaselinePoint(40, new Estimate(1.05 * x.downstreamOnly(), 0.05), 200, 0, 3, 1, 1)));
  }

  private static List<SpectralPriorArtRow> spectralRows() {
    return SpectralPriorArt.grid(new int[] {1, 2, 4, 8}, new int[] {10, 20, 40, 80}, 0);
  }

  private static List<FactorPriorArtRow> factorRows() {
    return FactorPriorArt.standardSweep(10, 2, 2.0, 1);
  }

  /** Every check that applies to any chart. */
  private static void assertReadable(XYChart c) {
    ChartChecks.paint(c);
    for (boolean x : new boolean[] {true, false}) {
      String axis = c.getTitle() + (x ? ", x axis" : ", y axis");
      assertThat(ChartChecks.misplacedTicks(c, x, 1.5)).as(axis).isEmpty();
      assertThat(ChartChecks.overlappingLabels(c, x)).as(axis).isEmpty();
      assertThat(ChartChecks.ticks(c, x)).as(axis + " labels").hasSizeGreaterThanOrEqualTo(3);
    }
    assertThat(ChartChecks.dashedDrawnSolid(c)).as(c.getTitle()).isEmpty();
  }

  @Test
  void cdfChartsStayWithinZeroAndOneWithTheirLabelsWhereTheirValuesAre() {
    for (XYChart c : cdfCharts("factor")) {
      assertThat(c.getStyler().getYAxisMax()).isEqualTo(1.0);
      assertThat(c.getStyler().getYAxisMin()).isEqualTo(0.0);
      for (XYSeries s : c.getSeriesCollection()) {
        assertThat(Arrays.stream(s.getYData()).min().orElseThrow()).as(s.getName()).isGreaterThanOrEqualTo(0.0);
        assertThat(Arrays.stream(s.getYData()).max().orElseThrow()).as(s.getName()).isLessThanOrEqualTo(1.0);
      }
      assertReadable(c);
      // the label 1.0 is drawn at the height of the CDFs' top
      assertThat(ChartChecks.ticks(c, false)).anySatisfy(t -> {
        assertThat(t.value()).isEqualTo(1.0);
        assertThat(t.screen()).isCloseTo(c.getScreenYFromChart(1.0), org.assertj.core.data.Offset.offset(1.5));
      });
    }
  }

  @Test
  void theLimitIsDashedInThePlotAsInTheLegend() {
    for (XYChart c : cdfCharts("gmm")) {
      XYSeries limit = c.getSeries("limit");
      assertThat(limit.getLineStyle().getDashArray()).as("the legend draws the series' stroke").isNotNull();
      ChartChecks.paint(c);
      assertThat(ChartChecks.dashedDrawnSolid(c)).isEmpty();
    }
  }

  @Test
  void theChecksCatchWhatTheyAreFor() {
    // a dashed polyline sampled every pixel or two is stroked solid
    XYChart dense = new org.knowm.xchart.XYChartBuilder().width(640).height(480).title("dense").build();
    double[] x = new double[300];
    double[] y = new double[300];
    for (int i = 0; i < x.length; i++) {
      x[i] = i;
      y[i] = Math.sin(i / 50.0);
    }
    dense.addSeries("curve", x, y).setLineStyle(Charts.dashed(2f));
    ChartChecks.paint(dense);
    assertThat(ChartChecks.dashedDrawnSolid(dense)).hasSize(1);
    // y values that are all multiples of 1/R: XChart ticks them at k/R and labels them as tenths
    XYChart stepped = new org.knowm.xchart.XYChartBuilder().width(640).height(480).title("stepped").build();
    stepped.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setYAxisDecimalPattern("0.0");
    double[] u = new double[301];
    for (int i = 0; i < u.length; i++) {
      u[i] = i / 300.0;
    }
    stepped.addSeries("ecdf", u, u);
    ChartChecks.paint(stepped);
    assertThat(ChartChecks.misplacedTicks(stepped, false, 1.5)).isNotEmpty();
    // decade-only labels on an axis over 10..80
    XYChart sparse = new org.knowm.xchart.XYChartBuilder().width(640).height(480).title("sparse").build();
    sparse.getStyler().setXAxisLogarithmic(true);
    sparse.addSeries("s", new double[] {10, 20, 40, 80}, new double[] {1, 2, 3, 4});
    ChartChecks.paint(sparse);
    assertThat(ChartChecks.ticks(sparse, true)).hasSizeLessThan(3);
  }

  @Test
  void metricsLabelTheirLogAxisBetweenDecades() {
    XYChart c = metrics("factor");
    assertReadable(c);
    assertThat(ChartChecks.ticks(c, true)).extracting(ChartChecks.Tick::value).contains(100.0, 200.0, 1000.0);
  }

  @Test
  void priorArtChartsAreReadableAndPairEachKsFormsByColour() {
    List<SpectralPriorArtRow> rows = spectralRows();
    assertThat(rows).allSatisfy(r -> assertThat(r.ratioPaper() * r.ratioCorrected()).isFinite().isPositive());
    XYChart spectral = PriorArtView.spectralChart(rows);
    assertReadable(spectral);
    for (int k : new int[] {1, 2, 4, 8}) {
      XYSeries corrected = spectral.getSeries("k=" + k + " corrected");
      XYSeries paper = spectral.getSeries("k=" + k + " paper");
      assertThat(paper.getLineColor()).isEqualTo(corrected.getLineColor());
      assertThat(paper.getLineStyle().getDashArray()).isNotNull();
      assertThat(corrected.getLineStyle().getDashArray()).isNull();
    }
    List<FactorPriorArtRow> f = factorRows();
    assertReadable(PriorArtView.factorChart(f.subList(0, 5), true, 2, 10, 2.0));
    assertReadable(PriorArtView.factorChart(f.subList(5, f.size()), false, 2, 10, 2.0));
  }

  @Test
  void figure2PanelsAreReadableWithTheirFitsDashed() {
    for (XYChart c : figure2()) {
      assertReadable(c);
      assertThat(c.getTitle()).startsWith("Figure 2(");
    }
  }

  @Test
  void crossoverChartsAreReadable() {
    assertReadable(crossover("spectral", new Crossover(0.25, 2, 4, 39.0)));
    assertReadable(crossover("gmm", new Crossover(0.25, 16, 79, 0.0293)));
  }

  @Test
  void everyChartOfAReportHasItsOwnTitle() {
    List<XYChart> all = new ArrayList<>();
    for (String model : new String[] {"gmm", "factor"}) {
      all.addAll(cdfCharts(model));
      all.add(metrics(model));
    }
    all.add(PriorArtView.spectralChart(spectralRows()));
    List<FactorPriorArtRow> f = factorRows();
    all.add(PriorArtView.factorChart(f.subList(0, 5), true, 2, 10, 2.0));
    all.add(PriorArtView.factorChart(f.subList(5, f.size()), false, 2, 10, 2.0));
    all.addAll(figure2());
    all.add(crossover("gmm", new Crossover(0.25, 16, 79, 0.0293)));
    all.add(crossover("spectral", new Crossover(0.25, 2, 4, 39.0)));
    all.add(crossover("factor", new Crossover(2.42, 3, 8, 39.7)));
    assertThat(all.stream().map(XYChart::getTitle)).doesNotHaveDuplicates().doesNotContainNull();
  }
}
