package twostage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class CheckModelCommandTest {

  @Test
  void theAutoencoderPassesEveryCheck() throws Exception {
    CliRun r = CliRun.of("check-model", "tied-autoencoder", "--pilot", "4000", "--threads", "1", "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = Json.MAPPER.readTree(r.out());
    assertThat(j.get("failures").size()).isZero();
    assertThat(j.at("/diagnostics/orbitDimension").asInt()).isEqualTo(1);
    assertThat(j.at("/truthSearch/converged").asBoolean()).isTrue();
    for (JsonNode c : j.get("derivatives")) {
      assertThat(c.get("passed").asBoolean()).as(c.toString()).isTrue();
    }
  }

  @Test
  void brokenModelsExitTwoSayingWhatIsWrong() {
    CliRun f = CliRun.of("check-model", "broken-features", "--pilot", "4000", "--threads", "1");
    assertThat(f.exit()).isEqualTo(2);
    assertThat(f.err()).contains("the features are not equivariant").contains("L does not vanish");
    CliRun h = CliRun.of("check-model", "broken-hessian", "--pilot", "4000", "--threads", "1");
    assertThat(h.exit()).isEqualTo(2);
    assertThat(h.err()).contains("H is singular off the orbit");
    CliRun u = CliRun.of("check-model", "no-such-model");
    assertThat(u.exit()).isEqualTo(2);
    assertThat(u.err()).contains("unknown model 'no-such-model'").contains("factor-ad");
  }
}
