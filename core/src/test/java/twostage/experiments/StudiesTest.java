package twostage.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import twostage.exec.SequentialRunner;
import twostage.exec.ThreadPoolRunner;

/** The studies are pure functions of their specs, whatever the runner, and resume from their stores. */
class StudiesTest {
  @TempDir Path dir;

  private static ModelSpec gmm(String... options) {
    Map<String, String> given = new LinkedHashMap<>();
    given.put("--K", "3");
    given.put("--beta", "1.5");
    given.put("--fisher-samples", "4000");
    given.put("--samples", "8000");
    for (int i = 0; i < options.length; i += 2) {
      given.put(options[i], options[i + 1]);
    }
    return ModelSpec.of(Models.registry().get("gmm"), given, null, null);
  }

  @Test
  void aLimitIsAPureFunctionOfItsSpecWhateverTheThreads() {
    LimitSpec s = new LimitSpec(gmm("--d", "9"), 2.0, LimitSpec.DEFAULT_LEVELS, 5);
    LimitResult a = LimitStudy.run(s, new SequentialRunner());
    LimitResult b;
    try (ThreadPoolRunner run = new ThreadPoolRunner(2)) {
      b = LimitStudy.run(s, run);
    }
    assertThat(b.estimate().mean()).isEqualTo(a.estimate().mean());
    assertThat(b.estimate().interaction().weights()).containsExactly(a.estimate().interaction().weights());
    assertThat(b.law()).isEqualTo(a.law());
  }

  @Test
  void theExactFormReproducesTheValueAtItsOwnD() {
    LimitResult r = LimitStudy.run(new LimitSpec(gmm("--d", "12"), 2.0, LimitSpec.DEFAULT_LEVELS, 5),
        new SequentialRunner());
    Figure2Study.ExactForm f = Figure2Study.exactForm(r);
    assertThat(f.at(12)).isCloseTo(r.estimate().mean().value(), offset(1e-12));
    assertThat(r.estimate().details().get("isotropicMultiplicity")).isEqualTo(12 - 2);
    assertThat(r.estimate().interaction().weights()).hasSize(3 * 12);
  }

  @Test
  void aSweepResumesWithMoreValuesAndEqualsOneRun() {
    SweepSpec few = new SweepSpec(gmm(), "--d", List.of("4", "8"), 2.0, 7);
    SweepSpec all = new SweepSpec(gmm(), "--d", List.of("4", "6", "8"), 2.0, 7);
    SweepStudy.Result first;
    SweepStudy.Result again;
    SweepStudy.Result fresh;
    try (LocalExecutor ex = new LocalExecutor(2); LocalExecutor one = new LocalExecutor(1)) {
      first = SweepStudy.run(few, dir.resolve("a"), ex, Progress.NONE);
      again = SweepStudy.run(all, dir.resolve("a"), ex, Progress.NONE);
      fresh = SweepStudy.run(all, dir.resolve("b"), one, Progress.NONE);
    }
    assertThat(first.computedNow()).isEqualTo(2);
    assertThat(again.computedNow()).isEqualTo(1);
    assertThat(again.values()).containsExactly("4", "6", "8");
    for (int i = 0; i < 3; i++) {
      assertThat(again.points().get(i).estimate().mean()).isEqualTo(fresh.points().get(i).estimate().mean());
    }
  }
}
