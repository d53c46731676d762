package twostage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class LimitFactorAdCommandTest {

  @Test
  void factorAdAgreesWithTheExactFactorLimit() throws Exception {
    String[] inst = {"--instance", "../examples/factor-unequal.json", "--format", "json", "--threads", "2"};
    CliRun exact = CliRun.of(concat(new String[] {"limit", "factor"}, inst));
    CliRun ad = CliRun.of(concat(new String[] {"limit", "factor-ad", "--pretraining-samples", "100000",
        "--samples", "200000", "--pilot", "5000"}, inst));
    assertThat(exact.exit()).as(exact.err()).isZero();
    assertThat(ad.exit()).as(ad.err()).isZero();
    JsonNode e = Json.MAPPER.readTree(exact.out());
    JsonNode a = Json.MAPPER.readTree(ad.out());
    assertThat(a.get("dEff").asInt()).isEqualTo(e.get("dEff").asInt());
    assertThat(a.get("sigma2").asDouble()).isEqualTo(e.get("sigma2").asDouble());
    double se = a.at("/interaction/stdError").asDouble();
    assertThat(se).isPositive();
    assertThat(Math.abs(a.at("/interaction/mean").asDouble() - e.at("/interaction/mean").asDouble()))
        .isLessThan(3 * se);
    assertThat(a.at("/diagnostics/orbitDimension").asInt()).isEqualTo(3);
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
