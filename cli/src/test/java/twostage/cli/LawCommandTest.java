package twostage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import twostage.report.Json;

class LawCommandTest {

  /**
   * S + C·χ²₂ with λ = (1, 1): P(χ²₂ ≤ t) = 1 − e^{−t/2}, so the p-quantile is S − 2C log(1 − p)
   * and the CDF at v is 1 − e^{−(v − S)/(2C)}; mean S + 2C, variance 4C².
   */
  @Test
  void jsonReportsMomentsCdfAndQuantilesOfTheAffineLaw() throws Exception {
    CliRun r = CliRun.of("law", "--weights", "1,1", "--shift", "3", "--scale", "0.5",
        "--cdf", "3.5,5", "--quantile", "0.1,0.5,0.999", "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = Json.MAPPER.readTree(r.out());
    assertThat(j.get("weights").asInt()).isEqualTo(2);
    assertThat(j.get("distinctWeights").asInt()).isEqualTo(1);
    assertThat(j.get("mean").asDouble()).isCloseTo(4, offset(1e-15));
    assertThat(j.get("variance").asDouble()).isCloseTo(1, offset(1e-15));
    double[] xs = {3.5, 5};
    for (int i = 0; i < 2; i++) {
      JsonNode c = j.get("cdf").get(i);
      assertThat(c.get("x").asDouble()).isEqualTo(xs[i]);
      assertThat(c.get("value").asDouble()).isCloseTo(-Math.expm1(-(xs[i] - 3) / 1.0), offset(1e-15));
      assertThat(c.get("error").asDouble()).isLessThan(1e-14);
    }
    double[] ps = {0.1, 0.5, 0.999};
    for (int i = 0; i < 3; i++) {
      JsonNode q = j.get("quantiles").get(i);
      assertThat(q.get("p").asDouble()).isEqualTo(ps[i]);
      assertThat(q.get("x").asDouble()).isCloseTo(3 - Math.log1p(-ps[i]), offset(1e-13));
    }
    assertThat(j.get("errorBound").asDouble()).isLessThan(1e-13);
  }

  /** The mixture's structure: one weight of multiplicity 4997 plus a few distinct ones, from a file. */
  @Test
  void tableFromAWeightsFileWithCommentsAndManyEqualWeights(@TempDir Path dir) throws Exception {
    StringBuilder b = new StringBuilder("# isotropic weight, multiplicity 4997\n\n");
    for (int i = 0; i < 4997; i++) {
      b.append("5.0e-6\n");
    }
    b.append("3.4e-6  # intrinsic\n2.7e-6\n");
    Path f = dir.resolve("w.txt");
    Files.writeString(f, b.toString());
    CliRun r = CliRun.of("law", "--weights-file", f.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("4999 (4999 positive, 3 distinct)").contains("quantile 0.5")
        .contains("quantile 0.99").contains("error bound");
    CliRun json = CliRun.of("law", "--weights-file", f.toString(), "--format", "json");
    JsonNode j = Json.MAPPER.readTree(json.out());
    assertThat(j.get("errorBound").asDouble()).isLessThan(1e-12);
    assertThat(j.get("quantiles")).hasSize(4);
  }

  /**
   * Issue 13: `limit gmm --K 4 --d 1000` exited 1 ("inversion did not converge"). It succeeds now,
   * and `law` on the printed weights with S = σ²d_eff, C = 1/α gives the same quantiles (the
   * mixture's F(q_p) = p is checked against Imhof's integral in the core tests, for the d = 5000
   * weights too; d = 5000 is not run here: the d×d eigendecomposition of SubspaceGeometry.atTruth
   * takes minutes).
   */
  @Test
  void limitGmmAtDimensionThousandSucceedsAndAgreesWithLaw(@TempDir Path dir) throws Exception {
    String d = "1000";
    CliRun r = CliRun.of("limit", "gmm", "--K", "4", "--d", d, "--fisher-samples", "2000",
        "--samples", "20000", "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = Json.MAPPER.readTree(r.out());
    JsonNode weights = j.get("interaction").get("weights");
    assertThat(weights.size()).isEqualTo(4 * Integer.parseInt(d));
    StringBuilder file = new StringBuilder();
    weights.forEach(w -> file.append(w.asDouble()).append('\n'));
    Path f = dir.resolve("weights.txt");
    Files.writeString(f, file.toString());
    double shift = j.get("limit").get("shift").asDouble();
    double scale = 1 / j.get("alpha").asDouble();
    CliRun law = CliRun.of("law", "--weights-file", f.toString(), "--shift", Double.toString(shift),
        "--scale", Double.toString(scale), "--format", "json");
    assertThat(law.exit()).as(law.err()).isZero();
    JsonNode l = Json.MAPPER.readTree(law.out());
    assertThat(l.get("distinctWeights").asInt()).isLessThanOrEqualTo(16);
    double previous = shift;
    for (JsonNode q : l.get("quantiles")) {
      double limitQuantile = j.get("limit").get("quantiles").get(Double.toString(q.get("p").asDouble())).asDouble();
      assertThat(q.get("x").asDouble()).isCloseTo(limitQuantile, offset(1e-14 * limitQuantile));
      assertThat(q.get("x").asDouble()).isGreaterThan(previous);
      previous = q.get("x").asDouble();
    }
    assertThat(l.get("errorBound").asDouble()).isLessThan(1e-12);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "law|Missing required argument (specify one of these)",
    "law --weights 1,-2|--weights: weight 2 must be finite and >= 0, got -2.0",
    "law --weights 1,x|'x'",
    "law --weights 1 --scale 0|--scale must be finite and > 0",
    "law --weights 1 --quantile 1.5|--quantile probabilities must be in [0, 1], got 1.5",
    "law --weights 1 --weights-file w.txt|mutually exclusive",
    "law --weights-file /nonexistent/w.txt|does not exist",
  })
  void badInputIsRefusedWithExitTwo(String args, String expected) {
    CliRun r = CliRun.of(args.split(" "));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains(expected);
    assertThat(r.err()).doesNotContain("\tat ");
  }

  @Test
  void badLineInTheFileIsNamedWithItsNumberAndRule(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("w.txt");
    Files.writeString(f, "# weights\n1.5\n\n2,5\n");
    CliRun r = CliRun.of("law", "--weights-file", f.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains(f + " line 4: '2,5' is not a number");
    Files.writeString(f, "1\n-1e-3\n");
    CliRun neg = CliRun.of("law", "--weights-file", f.toString());
    assertThat(neg.exit()).isEqualTo(2);
    assertThat(neg.err()).contains("line 2: weight must be finite and >= 0");
    Files.writeString(f, "# nothing\n\n");
    assertThat(CliRun.of("law", "--weights-file", f.toString()).err()).contains("contains no weight");
  }
}
