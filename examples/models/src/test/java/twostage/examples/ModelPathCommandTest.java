package twostage.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The models reach the command line through --model-path only, as a user's jar would. */
class ModelPathCommandTest {

  @Test
  void theModelsAreNotOnTheClassPath() {
    assertThatThrownBy(() -> Class.forName("twostage.examples.FactorAd")).isInstanceOf(ClassNotFoundException.class);
    CliRun r = CliRun.of("limit", "factor-ad");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("factor-ad");
  }

  @Test
  void withTheModelPathEveryCommandHasTheModels() {
    for (String command : new String[] {"limit", "validate", "check", "crossover", "plan", "sweep", "check-model"}) {
      CliRun r = CliRun.withModels(command, "--help");
      assertThat(r.exit()).as(command).isZero();
      assertThat(r.out()).as(command).contains("factor-ad").contains("autoencoder").contains("broken-features")
          .contains("broken-hessian");
    }
    assertThat(CliRun.withModels("check-model", "--help").out()).doesNotContain("gmm"); // AD models only
  }

  @Test
  void aMissingModelPathIsBadInput() {
    CliRun r = CliRun.of("limit", "--model-path", "no/such/dir", "factor");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--model-path").contains("does not exist");
  }

  @Test
  void theBenchTimesTheRegisteredAdModelAgainstTheHandWrittenOne() {
    CliRun r = CliRun.withModels("bench", "ad", "--samples", "2000", "--repeats", "1");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("scores (with sampling x)").contains("scores + Hessians").contains("ratio");
    CliRun without = CliRun.of("bench", "ad", "--samples", "2000", "--repeats", "1");
    assertThat(without.exit()).isEqualTo(2);
    assertThat(without.err()).contains("--model-path");
  }
}
