package twostage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import twostage.report.Json;

/** plan/limit MODEL --unlabeled --labeled: intervals in table and JSON; bad data refused with exit 2. */
class DataCommandTest {
  @TempDir Path dir;
  Path unlabeled;
  Path labeled;

  @BeforeEach
  void simulate() {
    CliRun r = CliRun.of("simulate-data", "factor", "--m", "3000", "--n", "600", "--out", dir.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    unlabeled = dir.resolve("unlabeled.csv");
    labeled = dir.resolve("labeled.csv");
  }

  @Test
  void planOnDataPrintsEveryQuantityWithItsIntervalAndTheChecks() throws IOException {
    CliRun r = CliRun.of("plan", "factor", "--unlabeled", unlabeled.toString(), "--labeled", labeled.toString(),
        "--bootstrap", "40", "--format", "json", "--no-progress", "--threads", "2");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = Json.MAPPER.readTree(r.out());
    assertThat(j.path("data").path("m").asInt()).isEqualTo(3000);
    assertThat(j.path("data").path("n").asInt()).isEqualTo(600);
    assertThat(j.path("bootstrap").path("replicates").asInt()).isEqualTo(40);
    for (String q : new String[] {"sigma2", "interactionMean", "alpha0", "mNeeded", "informationRatio"}) {
      JsonNode i = j.path(q);
      assertThat(i.path("low").asDouble()).as(q).isLessThanOrEqualTo(i.path("high").asDouble());
      assertThat(i.path("estimate").isNumber()).as(q).isTrue();
    }
    assertThat(j.path("dEff").path("estimate").asInt()).isEqualTo(2);
    assertThat(j.path("dBase").path("estimate").asInt()).isEqualTo(5);
    assertThat(j.path("checks").toString()).contains("information matrix");

    CliRun table = CliRun.of("plan", "factor", "--unlabeled", unlabeled.toString(), "--labeled", labeled.toString(),
        "--bootstrap", "20", "--no-progress", "--target-ratio", "1.5");
    assertThat(table.exit()).as(table.err()).isZero();
    assertThat(table.out()).contains("E||L(Z)||^2", "alpha0", "m needed for ratio 1.5", "90% interval", "checks:");

    CliRun limit = CliRun.of("limit", "factor", "--unlabeled", unlabeled.toString(), "--labeled", labeled.toString(),
        "--bootstrap", "20", "--no-progress", "--alpha", "3");
    assertThat(limit.exit()).as(limit.err()).isZero();
    assertThat(limit.out()).contains("E[n(R - sigma^2)] at alpha = 3.00000", "quantile 90%");
  }

  static Stream<Arguments> badData() {
    return Stream.of(
        Arguments.of("missing value", "x1,x2,x3,x4,x5\n1,2,3,4,5\n1,,3,4,5\n", "u",
            "row 3, column 'x2': missing value"),
        Arguments.of("non-numeric cell", "x1,x2,x3,x4,x5\n1,2,3,4,5\n1,2,abc,4,5\n", "u",
            "row 3, column 'x3': 'abc' is not a decimal number"),
        Arguments.of("ragged row", "x1,x2,x3,x4,x5,y\n1,2,3,4,5,6\n1,2,3,4,5\n", "l",
            "row 3: 5 cells, but the header names 6 columns"),
        Arguments.of("constant column", "x1,x2,x3,x4,x5\n1,2,3,4,5\n2,2,4,5,6\n3,2,1,1,1\n", "u",
            "column 'x2': constant (2.0 in all 3 rows)"),
        Arguments.of("fewer rows than parameters", "x1,x2,x3,x4,x5\n1,2,3,4,5\n2,1,4,5,6\n3,2,1,1,1\n", "u",
            "3 rows, fewer than the 10 pre-training parameters d*k = 5*2"),
        Arguments.of("no label column", "x1,x2,x3,x4,x5\n1,2,3,4,5\n2,1,4,5,6\n", "l", "no column 'y'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badData")
  void badDataIsRefusedWithTheFileTheRowOrColumnAndTheRule(String name, String text, String which, String message)
      throws IOException {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, text);
    Path u = which.equals("u") ? bad : unlabeled;
    Path l = which.equals("l") ? bad : labeled;
    CliRun r = CliRun.of("plan", "factor", "--unlabeled", u.toString(), "--labeled", l.toString(), "--no-progress");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains(bad.toString()).contains(message);
  }

  @Test
  void populationOptionsAreRefusedBesideData() {
    CliRun d = CliRun.of("plan", "factor", "--unlabeled", unlabeled.toString(), "--labeled", labeled.toString(),
        "--d", "7");
    assertThat(d.exit()).isEqualTo(2);
    assertThat(d.err()).contains("--d does not apply with --unlabeled/--labeled (it describes a known population");
    CliRun n = CliRun.of("plan", "factor", "--unlabeled", unlabeled.toString(), "--labeled", labeled.toString(),
        "--n", "100");
    assertThat(n.exit()).isEqualTo(2);
    assertThat(n.err()).contains("--n does not apply with --unlabeled/--labeled");
    CliRun half = CliRun.of("plan", "factor", "--unlabeled", unlabeled.toString());
    assertThat(half.exit()).isEqualTo(2);
    assertThat(half.err()).contains("--unlabeled needs --labeled");
    CliRun noN = CliRun.of("plan", "factor");
    assertThat(noN.exit()).isEqualTo(2);
    assertThat(noN.err()).contains("--n is required");
    CliRun k = CliRun.of("plan", "factor", "--unlabeled", unlabeled.toString(), "--labeled", labeled.toString(),
        "--k", "5", "--bootstrap", "0", "--no-progress");
    assertThat(k.exit()).isEqualTo(2);
    assertThat(k.err()).contains("--k must be between 1 and d - 1 = 4 (d = 5 x columns), got 5");
  }

  @Test
  void theLearningCurveAndTheCoverageCommandsWriteTheirFiles() throws IOException {
    Path lc = dir.resolve("lc");
    CliRun r = CliRun.of("learning-curve", "factor", "--unlabeled", unlabeled.toString(), "--labeled",
        labeled.toString(), "--n", "100", "--m-grid", "100,400,3000", "--splits", "4", "--bootstrap", "10",
        "--out", lc.toString(), "--no-progress", "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = Json.MAPPER.readTree(r.out());
    assertThat(j.path("mse")).hasSize(3);
    assertThat(j.path("testRows").asInt()).isEqualTo(500);
    for (String f : new String[] {"learning-curve.json", "learning-curve.csv", "learning-curve.png", "learning-curve.svg"}) {
      assertThat(lc.resolve(f)).exists();
    }
    assertThat(Files.readAllLines(lc.resolve("learning-curve.csv"))).hasSize(4);
    CliRun bad = CliRun.of("learning-curve", "factor", "--unlabeled", unlabeled.toString(), "--labeled",
        labeled.toString(), "--n", "100", "--m-grid", "400,100", "--out", lc.toString(), "--bootstrap", "0");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("--m-grid must increase within [1, 3000]");

    CliRun cov = CliRun.of("coverage", "factor", "--m", "2000", "--n", "300", "--datasets", "3", "--bootstrap", "10",
        "--no-progress");
    assertThat(cov.exit()).as(cov.err()).isZero();
    assertThat(cov.out()).contains("interaction  percentile", "alpha0       percentile", "truth: E||L||^2 = 0.0126142");
  }
}
