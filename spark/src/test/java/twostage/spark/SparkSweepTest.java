package twostage.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import twostage.exec.SequentialRunner;
import twostage.exec.ThreadPoolRunner;
import twostage.experiments.GmmPoint;
import twostage.experiments.GmmPointResult;

/** SparkSweep on local[2] gives the bits of a local run, in input order. */
class SparkSweepTest {
  private static JavaSparkContext sc;

  @BeforeAll
  static void start() {
    SparkConf conf = new SparkConf()
        .setMaster("local[2]")
        .setAppName("twostage-spark-test")
        .set("spark.ui.enabled", "false")
        .set("spark.driver.host", "127.0.0.1")
        .set("spark.driver.bindAddress", "127.0.0.1");
    sc = new JavaSparkContext(conf);
  }

  @AfterAll
  static void stop() {
    if (sc != null) {
      sc.close();
    }
  }

  /** Small points, deliberately not in cost order, both methods, two seeds. */
  private static List<GmmPoint> points() {
    List<GmmPoint> p = new ArrayList<>();
    p.add(new GmmPoint(2, 5, 2.0, 1.0, 0.5, 400, 600, 4, 7, GmmPoint.Method.REDUCED));
    p.add(new GmmPoint(4, 12, 2.0, 1.0, 0.5, 800, 1200, 5, 1, GmmPoint.Method.REDUCED));
    p.add(new GmmPoint(3, 4, 1.5, 1.0, 0.5, 500, 700, 4, 1, GmmPoint.Method.DIRECT));
    p.add(new GmmPoint(3, 9, 2.5, 0.8, 0.3, 300, 500, 3, 2, GmmPoint.Method.REDUCED));
    p.add(new GmmPoint(2, 5, 2.0, 1.0, 0.5, 400, 600, 4, 8, GmmPoint.Method.REDUCED));
    return p;
  }

  @Test
  void sparkEqualsSequentialAndThreadPoolBitForBit() {
    List<GmmPoint> points = points();
    List<GmmPointResult> spark = SparkSweep.run(sc, points);
    assertThat(spark).hasSize(points.size());
    try (ThreadPoolRunner pool = new ThreadPoolRunner(2)) {
      for (int i = 0; i < points.size(); i++) {
        GmmPoint p = points.get(i);
        GmmPointResult sequential = p.compute(new SequentialRunner());
        GmmPointResult threaded = p.compute(pool);
        assertThat(spark.get(i).point()).as("order, point %d", i).isEqualTo(p);
        assertSameBits(spark.get(i), sequential, "spark vs sequential, point " + i);
        assertSameBits(threaded, sequential, "2 threads vs sequential, point " + i);
      }
    }
    // different seeds give different numbers (the comparison above is not vacuous)
    assertThat(spark.get(0).mean()).isNotEqualTo(spark.get(4).mean());
  }

  @Test
  void emptyListGivesEmptyResult() {
    assertThat(SparkSweep.run(sc, List.of())).isEmpty();
  }

  @Test
  void badPointIsRefusedOnTheDriverWithItsIndex() {
    List<GmmPoint> points = new ArrayList<>(points());
    points.add(1, new GmmPoint(4, 3, 2.0, 1.0, 0.5, 400, 600, 4, 1, GmmPoint.Method.REDUCED));
    assertThatThrownBy(() -> SparkSweep.run(sc, points))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("points[1]")
        .hasMessageContaining("d must be >= K");
    List<GmmPoint> withNull = new ArrayList<>(points());
    withNull.add(null);
    assertThatThrownBy(() -> SparkSweep.run(sc, withNull))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("points[5] is null");
    List<GmmPoint> fewSamples =
        List.of(new GmmPoint(2, 5, 2.0, 1.0, 0.5, 1, 600, 4, 1, GmmPoint.Method.REDUCED));
    assertThatThrownBy(() -> SparkSweep.run(sc, fewSamples))
        .hasMessageContaining("fisherSamples must be >= 2, got 1");
  }

  @Test
  void writesOneJsonLinePerValueInOrder(@TempDir Path dir) throws Exception {
    SweepArgs a = SweepArgs.parse(new String[] {
        "--vary", "d", "--values", "9,3,5", "--K", "3", "--fisher-samples", "300", "--samples", "400",
        "--seed", "5", "--out", dir.resolve("r.jsonl").toString()});
    List<GmmPointResult> results = SparkSweep.run(sc, a.points());
    SparkSweepMain.write(Path.of(a.out()), results);
    List<String> lines = Files.readAllLines(Path.of(a.out()));
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).startsWith("{\"K\":3,\"d\":9,").contains("\"seed\":5", "\"exactForm\"");
    assertThat(lines.get(0)).endsWith(",\"key\":\"" + a.points().get(0).key() + "\"}");
    assertThat(lines.get(1)).startsWith("{\"K\":3,\"d\":3,");
    assertThat(lines.get(2)).startsWith("{\"K\":3,\"d\":5,");
  }

  private static void assertSameBits(GmmPointResult a, GmmPointResult b, String what) {
    // records compare doubles with Double.compare and arrays are compared with Arrays.equals
    // (doubleToLongBits), so equality here is bit for bit; only the wall-clock seconds may differ
    assertThat(a.point()).as(what).isEqualTo(b.point());
    assertThat(a.mean()).as(what + ": mean").isEqualTo(b.mean());
    assertThat(Double.doubleToRawLongBits(a.plugInMean())).as(what + ": plugInMean")
        .isEqualTo(Double.doubleToRawLongBits(b.plugInMean()));
    assertThat(a.dEff()).as(what + ": dEff").isEqualTo(b.dEff());
    assertThat(a.weights()).as(what + ": weights").isEqualTo(b.weights());
    assertThat(a.intrinsicPart()).as(what + ": intrinsicPart").isEqualTo(b.intrinsicPart());
    assertThat(a.perDirection()).as(what + ": perDirection").isEqualTo(b.perDirection());
    assertThat(a.isotropicWeights()).as(what + ": isotropicWeights").isEqualTo(b.isotropicWeights());
    assertThat(a.multiplicity()).as(what + ": multiplicity").isEqualTo(b.multiplicity());
    assertThat(a.exactA()).as(what + ": exactA").isEqualTo(b.exactA());
    assertThat(a.exactB()).as(what + ": exactB").isEqualTo(b.exactB());
  }
}
