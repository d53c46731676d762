package twostage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import twostage.report.Json;

class ValidateCommandTest {
  @TempDir Path tmp;

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  /** The replicates of a run without their timings, by key. */
  private static Map<String, String> replicates(Path dir) throws Exception {
    Map<String, String> out = new TreeMap<>();
    for (String line : Files.readAllLines(dir.resolve("results.jsonl"))) {
      ObjectNode o = (ObjectNode) Json.MAPPER.readTree(line);
      o.remove("timings");
      out.put(o.get("key").asText(), Json.line(o));
    }
    return out;
  }

  @Test
  void writesValidationJsonResumesAndIgnoresThreads() throws Exception {
    Path a = tmp.resolve("a");
    String[] args = {"validate", "gmm", "--K", "3", "--d", "5", "--n", "40,80", "--reps", "6",
        "--population-samples", "2000", "--fisher-samples", "20000", "--samples", "40000",
        "--no-progress", "--out", a.toString()};
    List<String> one = new ArrayList<>(List.of(args));
    one.addAll(List.of("--threads", "1"));
    CliRun r = run(one.toArray(String[]::new));
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("12 replicates computed");
    JsonNode v = Json.MAPPER.readTree(Files.readString(a.resolve("validation.json")));
    assertThat(v.get("limit").get("dEff").asInt()).isEqualTo(9);
    assertThat(v.get("limit").has("sigma2")).isTrue();
    assertThat(v.get("limit").get("interaction").has("mean")).isTrue();
    JsonNode p = v.get("points").get(0);
    for (String f : List.of("n", "m", "reps", "ksTotal", "ksPretraining", "pVar", "meanTotal",
        "meanPretraining", "meanVariance", "meanLeakage", "failedFits", "ksTotalLow", "pVarHigh")) {
      assertThat(p.has(f)).as(f).isTrue();
    }
    assertThat(p.get("m").asInt()).isEqualTo(80);
    for (String f : List.of("cdf-total.png", "cdf-pretraining.svg", "cdf-variance.png", "metrics.svg")) {
      assertThat(a.resolve(f)).exists();
    }
    // rerun: nothing recomputed, same summary
    CliRun again = run(args);
    assertThat(again.exit()).isZero();
    assertThat(again.out()).contains("0 replicates computed");
    // more threads, fresh directory: the same replicates
    Path b = tmp.resolve("b");
    List<String> two = new ArrayList<>(List.of(args));
    two.set(two.indexOf(a.toString()), b.toString());
    two.addAll(List.of("--threads", "3"));
    CliRun rb = run(two.toArray(String[]::new));
    assertThat(rb.exit()).as(rb.err()).isZero();
    assertThat(replicates(b)).isEqualTo(replicates(a));
  }

  @Test
  void badInputIsRefusedNamingTheOption() {
    Path o = tmp.resolve("bad");
    String out = o.toString();
    Object[][] cases = {
      {new String[] {"validate", "factor", "--n", "100", "--reps", "10", "--alpha", "-1", "--out", out}, "--alpha"},
      {new String[] {"validate", "factor", "--n", "0", "--reps", "10", "--out", out}, "--n"},
      {new String[] {"validate", "factor", "--n", "x", "--reps", "10", "--out", out}, "--n"},
      {new String[] {"validate", "factor", "--reps", "10", "--out", out}, "--n"},
      {new String[] {"validate", "factor", "--n", "100", "--reps", "1", "--out", out}, "--reps"},
      {new String[] {"validate", "factor", "--n", "100,100", "--reps", "5", "--out", out}, "--n"},
      {new String[] {"validate", "factor", "--n", "100", "--reps", "5", "--k", "4", "--d", "3", "--out", out}, "--d"},
      {new String[] {"validate", "gmm", "--n", "100", "--reps", "5", "--K", "4", "--d", "2", "--out", out}, "--d"},
      {new String[] {"validate", "gmm", "--preset", "quick", "--population-samples", "5", "--out", out}, "--population-samples"},
      {new String[] {"validate", "gmm", "--preset", "slow", "--out", out}, "--preset"},
      {new String[] {"validate", "spectral", "--n", "1", "--reps", "5", "--out", out}, "--n"},
      {new String[] {"validate", "factor", "--n", "100", "--reps", "5", "--threads", "0", "--out", out}, "--threads"},
      {new String[] {"validate", "factor", "--n", "100", "--reps", "5"}, "--out"},
    };
    for (Object[] c : cases) {
      CliRun r = run((String[]) c[0]);
      assertThat(r.exit()).as(String.join(" ", (String[]) c[0]) + " -> " + r.err()).isEqualTo(2);
      assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
      assertThat(r.err()).contains((String) c[1]);
    }
  }

  @Test
  void anOutputDirectoryOfAnotherSpecificationIsRefused() {
    Path o = tmp.resolve("spec");
    assertThat(run("validate", "factor", "--n", "50", "--reps", "3", "--no-progress", "--out", o.toString()).exit())
        .isZero();
    CliRun r = run("validate", "factor", "--n", "50", "--reps", "3", "--sigma-nu", "1", "--no-progress",
        "--out", o.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--out");
  }
}
