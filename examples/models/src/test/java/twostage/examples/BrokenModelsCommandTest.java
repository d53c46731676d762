package twostage.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The deliberately broken models are refused by every command, exit 2, with what is wrong. */
class BrokenModelsCommandTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "limit broken-features|the features are not equivariant|L does not vanish on the orbit",
    "check-model broken-features|the features are not equivariant|L does not vanish on the orbit",
    "check broken-features --m 1000 --reps 10|the features are not equivariant|L does not vanish on the orbit",
    "limit broken-hessian|H is singular off the orbit: H has 2 null directions|declared group spans 1",
    "check-model broken-hessian|H is singular off the orbit: H has 2 null directions|declared group spans 1",
    "plan broken-hessian --n 100|H is singular off the orbit|not locally identifiable",
    "limit broken-hessian --orbit null-space|H is singular off the orbit|features are not equivariant",
  })
  void refusedWithWhatIsWrong(String args, String first, String second) {
    String[] a = args.split(" ");
    CliRun r = CliRun.withModels(a[0], java.util.Arrays.copyOfRange(a, 1, a.length));
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(2);
    String model = a[1];
    assertThat(r.err()).contains("model '" + model + "': the theory does not apply").contains(first).contains(second);
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("internal error");
  }
}
