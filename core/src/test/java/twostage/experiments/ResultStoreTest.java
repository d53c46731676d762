package twostage.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import twostage.stats.Estimate;

/** The one resumable store: records survive, other specs and second writers are refused, corruption is named. */
class ResultStoreTest {
  @TempDir Path dir;

  private static final Map<String, Object> SPEC = Map.of("study", "test", "seed", 3);

  @Test
  void recordsSurviveReopeningAndKeepTheirValues() {
    try (ResultStore<Estimate> s = ResultStore.open(dir, SPEC, Estimate.class)) {
      s.append("a", new Estimate(1.5, 0.25));
      s.append("b", new Estimate(Double.NaN, 0));
    }
    try (ResultStore<Estimate> s = ResultStore.open(dir, SPEC, Estimate.class)) {
      assertThat(s.size()).isEqualTo(2);
      assertThat(s.get("a")).isEqualTo(new Estimate(1.5, 0.25));
      assertThat(s.get("b").value()).isNaN();
      assertThat(s.has("c")).isFalse();
    }
  }

  @Test
  void anotherSpecIsRefusedNamingTheField() {
    ResultStore.open(dir, SPEC, Estimate.class).close();
    assertThatThrownBy(() -> ResultStore.open(dir, Map.of("study", "test", "seed", 4), Estimate.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("seed=3 there, 4 now");
  }

  @Test
  void aSecondWriterIsRefusedWhileTheFirstHoldsTheLock() {
    try (ResultStore<Estimate> first = ResultStore.open(dir, SPEC, Estimate.class)) {
      assertThatThrownBy(() -> ResultStore.open(dir, SPEC, Estimate.class))
          .isInstanceOf(ResultStore.StoreBusyException.class)
          .hasMessageContaining("another twostage run");
    }
    ResultStore.open(dir, SPEC, Estimate.class).close();
  }

  @Test
  void aTornLastLineIsDroppedAndItsTaskRecomputed() throws Exception {
    try (ResultStore<Estimate> s = ResultStore.open(dir, SPEC, Estimate.class)) {
      s.append("a", new Estimate(1, 0));
    }
    Files.writeString(dir.resolve(ResultStore.RESULTS), "{\"key\":\"b\",\"val", StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    try (ResultStore<Estimate> s = ResultStore.open(dir, SPEC, Estimate.class)) {
      assertThat(s.dropped()).isEqualTo(1);
      assertThat(s.has("b")).isFalse();
      s.append("b", new Estimate(2, 0));
    }
    assertThat(Files.readAllLines(dir.resolve(ResultStore.RESULTS))).hasSize(2);
  }

  @Test
  void anIncompleteRecordInTheMiddleIsRefusedWithItsLine() throws Exception {
    ResultStore.open(dir, SPEC, Estimate.class).close();
    Files.writeString(dir.resolve(ResultStore.RESULTS),
        "{\"key\":\"a\",\"value\":1.0,\"stdError\":0.0}\n{\"key\":\"b\"}\n{\"key\":\"c\",\"value\":1.0,\"stdError\":0.0}\n");
    assertThatThrownBy(() -> ResultStore.open(dir, SPEC, Estimate.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("results.jsonl line 2")
        .hasMessageContaining("not a complete Estimate");
  }

  @Test
  void aTornManifestWithoutResultsIsRewrittenAndWithResultsRefused() throws Exception {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(ResultStore.MANIFEST), "{\"study\": \"te");
    ResultStore.open(dir, SPEC, Estimate.class).close();
    try (ResultStore<Estimate> s = ResultStore.open(dir, SPEC, Estimate.class)) {
      s.append("a", new Estimate(1, 0));
    }
    Files.writeString(dir.resolve(ResultStore.MANIFEST), "{\"study\": \"te");
    assertThatThrownBy(() -> ResultStore.open(dir, SPEC, Estimate.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("manifest.json is not a valid manifest");
  }

  @Test
  void aFileInPlaceOfTheDirectoryIsRefused() throws Exception {
    Path file = dir.resolve("f");
    Files.writeString(file, "x");
    assertThatThrownBy(() -> ResultStore.open(file, SPEC, Estimate.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--out " + file);
  }
}
