package twostage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two identical runs on one --out: the second is refused while the first writes. */
class ConcurrentRunTest {
  @TempDir Path tmp;

  @Test
  void aSecondRunOnTheSameOutputIsRefusedAndTheFirstFinishes() throws Exception {
    Path out = tmp.resolve("val");
    String[] args = {"validate", "gmm", "--K", "3", "--d", "5", "--n", "200,400", "--reps", "200",
        "--population-samples", "20000", "--fisher-samples", "20000", "--samples", "40000", "--threads", "1",
        "--no-progress", "--out", out.toString()};
    CompletableFuture<CliRun> first = CompletableFuture.supplyAsync(() -> CliRun.of(args));
    Path results = out.resolve("results.jsonl");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while ((!Files.exists(results) || Files.size(results) == 0) && !first.isDone() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(first.isDone()).as("the first run finished before the second started").isFalse();
    CliRun second = CliRun.of(args);
    assertThat(second.exit()).isEqualTo(2);
    assertThat(second.err()).contains("is being written by another twostage run").contains(out.toString());
    assertThat(second.err().strip().lines()).hasSize(1);
    CliRun done = first.get(120, TimeUnit.SECONDS);
    assertThat(done.exit()).as(done.err()).isZero();
    assertThat(Files.readAllLines(results)).hasSize(400);
    assertThat(CliRun.of(args).out()).contains("0 replicates computed");
  }

  @Test
  void anUnusableOutputIsRefusedBeforeAnyWork() throws Exception {
    Path file = tmp.resolve("a-file");
    Files.writeString(file, "x");
    for (String[] args : new String[][] {
        {"validate", "factor", "--preset", "quick", "--out", file.toString()},
        {"crossover", "factor", "--out", file.toString()},
        {"compare", "factor", "--out", "/proc/x"},
        {"sweep", "gmm", "--vary", "d", "--values", "5", "--out", ""},
        {"check", "factor", "--m", "1e4", "--reps", "10", "--out", file.resolve("sub").toString()}}) {
      long t0 = System.nanoTime();
      CliRun r = CliRun.of(args);
      assertThat(r.exit()).as(String.join(" ", args) + " -> " + r.err()).isEqualTo(2);
      assertThat(r.err()).contains("--out").contains("cannot be used").doesNotContain("Exception");
      assertThat(r.err().strip().lines()).hasSize(1);
      assertThat((System.nanoTime() - t0) / 1e9).as("refused before the work").isLessThan(5);
    }
  }
}
