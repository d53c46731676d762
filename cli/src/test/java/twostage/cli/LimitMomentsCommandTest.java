package twostage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import twostage.report.Json;

class LimitMomentsCommandTest {

  @Test
  void momentsExportedFromLimitFactorReproduceIt(@TempDir Path dir) throws Exception {
    CliRun factor = CliRun.of("limit", "factor", "--instance", "../examples/factor-unequal.json",
        "--alpha", "2", "--export-moments", dir.toString(), "--format", "json");
    assertThat(factor.exit()).as(factor.err()).isZero();
    JsonNode f = Json.MAPPER.readTree(factor.out());
    CliRun moments = CliRun.of("limit", "moments", "--dir", dir.toString(), "--sigma2",
        f.get("sigma2").asText(), "--alpha", "2", "--format", "json");
    assertThat(moments.exit()).as(moments.err()).isZero();
    JsonNode m = Json.MAPPER.readTree(moments.out());
    double mean = f.at("/interaction/mean").asDouble();
    assertThat(Math.abs(m.at("/interaction/mean").asDouble() - mean)).isLessThan(1e-9 * mean);
    assertThat(m.get("dEff").asInt()).isEqualTo(f.get("dEff").asInt());
    JsonNode fw = f.at("/interaction/weights");
    JsonNode mw = m.at("/interaction/weights");
    assertThat(mw.size()).isEqualTo(fw.size());
    for (int i = 0; i < fw.size(); i++) {
      assertThat(Math.abs(mw.get(i).asDouble() - fw.get(i).asDouble())).isLessThan(1e-9 * fw.get(0).asDouble());
    }
    assertThat(Math.abs(m.at("/limit/mean").asDouble() - f.at("/limit/mean").asDouble()))
        .isLessThan(1e-9 * f.at("/limit/mean").asDouble());
  }

  @Test
  void badMatricesAreRefusedWithTheFileAndTheRule(@TempDir Path dir) throws Exception {
    CliRun.of("limit", "factor", "--k", "2", "--d", "4", "--export-moments", dir.toString());
    Files.writeString(dir.resolve("score-covariance.csv"), "1,2\n3,4\n");
    CliRun r = CliRun.of("limit", "moments", "--dir", dir.toString(), "--sigma2", "0.3", "--alpha", "1");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("score-covariance.csv: is 2 x 2, expected 8 x 8");
    Files.delete(dir.resolve("hessian.csv"));
    r = CliRun.of("limit", "moments", "--dir", dir.toString(), "--sigma2", "0.3", "--alpha", "1");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("missing hessian.csv");
  }
}
