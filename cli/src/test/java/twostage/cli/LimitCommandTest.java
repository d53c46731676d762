package twostage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import twostage.report.Json;

class LimitCommandTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "limit gmm --K 1 --d 5|--K must be >= 2",
    "limit gmm --K 4 --d 3|--d must be >= --K",
    "limit gmm --K 2 --d 3 --beta 0|--beta must be between 1e-06 and 1000000, got 0",
    "limit gmm --K 2 --d 3 --beta -1|--beta must be between",
    "limit gmm --K 2 --d 3 --beta 1e300|--beta must be between",
    "limit gmm --K 2 --d 3 --beta 1e-300|--beta must be between",
    "limit gmm --K 2 --d 3 --theta-norm 1e300|--theta-norm must be between 1e-30 and 1e+30",
    "limit gmm --K 2 --d 3 --sigma -0.1|--sigma must be between 0 and 1e+30",
    "limit gmm --K 2 --d 3 --alpha 1e-300|--alpha must be between 1e-12 and 1e12",
    "limit gmm --K 2 --d 3 --samples 1e20|--samples must be at most 9e18",
    "limit gmm --K 150 --d 150|needs about 421 GB of memory",
    "limit gmm --d 2147483647|--K 4 --d 2147483647 (the centres and theta* are K x d arrays) needs about",
    "limit spectral --k 2 --d 100000|--d 100000 (the d x d covariances) needs about",
    "limit gmm --quantile 0.5,1|--quantile levels must be in (0, 1)",
    "limit gmm --K 2 --d 3 --alpha 0|--alpha must be > 0",
    "limit gmm --K 2 --d 3 --samples 0|--samples must be >= 20 (one per jackknife group)",
    "limit gmm --K 2 --d 3 --fisher-samples 19|--fisher-samples must be >= 20",
    "limit gmm --K 2 --d 3 --samples 1.5|--samples must be a whole, non-negative number",
    "limit gmm --K 2 --d 3 --frobnicate|Unknown option",
    "limit factor --k 3 --d 3|--d must be > --k",
    "limit spectral --k 2 --d 4 --alpha -2|--alpha must be > 0",
    "limit spectral --instance /nonexistent.json|does not exist",
    "check factor --reps 1|--reps must be >= 2",
  })
  void badInputIsRefusedWithOneLineNamingTheRule(String args, String expected) {
    CliRun r = CliRun.of(args.split(" "));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains(expected);
    assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void gmmJsonHasTheDocumentedFields() throws Exception {
    CliRun r = CliRun.of("limit", "gmm", "--K", "2", "--d", "3", "--fisher-samples", "4000",
        "--samples", "8000", "--threads", "2", "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = Json.MAPPER.readTree(r.out());
    for (String f : new String[] {"model", "params", "dEff", "sigma2", "alpha", "samples", "seconds", "diagnostics"}) {
      assertThat(j.has(f)).as(f).isTrue();
    }
    assertThat(j.get("model").asText()).isEqualTo("gmm");
    assertThat(j.get("dEff").asInt()).isEqualTo(4);
    assertThat(j.get("sigma2").asDouble()).isEqualTo(0.25);
    JsonNode w = j.at("/interaction/weights");
    assertThat(w.size()).isEqualTo(6);
    for (int i = 1; i < w.size(); i++) {
      assertThat(w.get(i).asDouble()).isLessThanOrEqualTo(w.get(i - 1).asDouble());
    }
    assertThat(j.at("/interaction/stdError").asDouble()).isPositive();
    double mean = j.at("/interaction/mean").asDouble();
    assertThat(j.at("/limit/mean").asDouble()).isCloseTo(0.25 * 4 + mean / 2, offset(1e-12));
    for (String q : new String[] {"0.5", "0.9", "0.95", "0.99"}) {
      assertThat(j.at("/limit/quantiles").has(q)).as(q).isTrue();
    }
    assertThat(j.at("/limit/quantiles/0.99").asDouble()).isGreaterThan(j.at("/limit/quantiles/0.5").asDouble());
    for (String d : new String[] {"fisherMinEigenvalue", "eigengap", "featureRank"}) {
      assertThat(j.at("/diagnostics").has(d)).as(d).isTrue();
    }
    assertThat(j.at("/diagnostics/eigengap").asDouble()).isCloseTo(4.0, offset(1e-9));
  }

  @Test
  void sameSeedSameNumbersWhateverTheThreads() throws Exception {
    String[] base = {"limit", "gmm", "--K", "3", "--d", "4", "--fisher-samples", "3000", "--samples", "6000",
        "--format", "json", "--threads"};
    JsonNode one = Json.MAPPER.readTree(CliRun.of(concat(base, "1")).out());
    JsonNode three = Json.MAPPER.readTree(CliRun.of(concat(base, "3")).out());
    assertThat(three.get("interaction")).isEqualTo(one.get("interaction"));
    assertThat(three.get("limit")).isEqualTo(one.get("limit"));
  }

  @Test
  void factorAndSpectralCarryPaperAndCorrectedClosedForms() throws Exception {
    JsonNode f = Json.MAPPER.readTree(CliRun.of("limit", "factor", "--k", "2", "--d", "5", "--format", "json").out());
    assertThat(f.at("/closedForm/mean").asDouble())
        .isCloseTo(f.at("/interaction/mean").asDouble(), offset(1e-9 * f.at("/interaction/mean").asDouble()));
    assertThat(f.at("/paper/mean").isNumber()).isTrue();
    JsonNode s = Json.MAPPER.readTree(CliRun.of("limit", "spectral", "--k", "2", "--d", "4", "--format", "json").out());
    // corrected Cor. 6.3 by hand at (k,d) = (2,4), tau = 5/4: w_j = ½ Σ_i i(1 + i⁻² + τ)((k+j)/(k+j−i))²
    // = (3.25·9/4 + 5·9)/2 = 26.15625 and (3.25·16/9 + 5·4)/2 = 12.8889; the printed form is 2·8.25 per weight
    assertThat(s.at("/interaction/mean").asDouble()).isCloseTo(26.15625 + 116.0 / 9, offset(1e-9));
    assertThat(s.at("/closedForm/mean").asDouble()).isCloseTo(s.at("/interaction/mean").asDouble(), offset(1e-8));
    assertThat(s.at("/paper/corollary63OrH39/mean").asDouble()).isEqualTo(33.0);
  }

  private static String[] concat(String[] a, String b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + 1);
    out[a.length] = b;
    return out;
  }
}
