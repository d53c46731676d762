package twostage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import twostage.report.Json;

class SweepGmmCommandTest {
  @TempDir Path tmp;

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  private static String[] sweep(Path dir, String values, String... extra) {
    List<String> a = new ArrayList<>(List.of("sweep", "gmm", "--vary", "d", "--values", values, "--K", "3",
        "--beta", "1.5", "--fisher-samples", "2000", "--samples", "4000", "--seed", "7", "--no-progress",
        "--threads", "2", "--out", dir.toString()));
    a.addAll(List.of(extra));
    return a.toArray(new String[0]);
  }

  /** Results by key, without the wall-clock field. */
  private static Map<String, String> results(Path dir) throws IOException {
    Map<String, String> m = new TreeMap<>();
    for (String line : Files.readAllLines(dir.resolve("results.jsonl"))) {
      JsonNode n = Json.MAPPER.readTree(line);
      ((com.fasterxml.jackson.databind.node.ObjectNode) n).remove("seconds");
      ((com.fasterxml.jackson.databind.node.ObjectNode) n.get("estimate").get("details")).remove("seconds");
      m.put(n.get("key").asText(), n.toString());
    }
    return m;
  }

  @Test
  void interruptedSweepResumesWithoutRecomputingAndEqualsAnUninterruptedRun() throws IOException {
    Path whole = tmp.resolve("whole");
    CliRun a = run(sweep(whole, "3,5,8,12"));
    assertThat(a.exit()).as(a.err()).isZero();
    assertThat(a.out()).contains("4 points (4 computed now, 0 already stored)");

    Path parts = tmp.resolve("parts");
    assertThat(run(sweep(parts, "3,8")).exit()).isZero();
    // an interruption in the middle of writing a result leaves a torn last line
    Files.writeString(parts.resolve("results.jsonl"), "{\"key\":\"--d=5\",\"model\":\"gm",
        StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    CliRun b = run(sweep(parts, "3,5,8,12"));
    assertThat(b.exit()).as(b.err()).isZero();
    assertThat(b.out()).contains("4 points (2 computed now, 2 already stored)");
    assertThat(results(parts)).isEqualTo(results(whole));
    assertThat(Files.readString(parts.resolve("sweep.csv")).lines()).hasSize(5);

    CliRun again = run(sweep(parts, "3,5,8,12"));
    assertThat(again.out()).contains("(0 computed now, 4 already stored)");
  }

  /** The CLI's direct K·d engine and the reduction agree within Monte Carlo error. */
  @Test
  void directAndReducedMethodsAgree() throws IOException {
    String[] reduced = sweep(tmp.resolve("r"), "4,7");
    String[] direct = sweep(tmp.resolve("x"), "4,7", "--method", "direct");
    for (String[] a : List.of(reduced, direct)) {
      a[11] = "20000"; // --fisher-samples
      a[13] = "40000"; // --samples
    }
    direct[15] = "8"; // --seed: independent streams
    assertThat(run(reduced).exit()).isZero();
    assertThat(run(direct).exit()).isZero();
    List<JsonNode> r = new ArrayList<>();
    List<JsonNode> x = new ArrayList<>();
    for (String line : Files.readAllLines(tmp.resolve("r").resolve("results.jsonl"))) {
      r.add(Json.MAPPER.readTree(line));
    }
    for (String line : Files.readAllLines(tmp.resolve("x").resolve("results.jsonl"))) {
      x.add(Json.MAPPER.readTree(line));
    }
    r.sort(java.util.Comparator.comparingInt(n -> n.at("/parameters/d").asInt()));
    x.sort(java.util.Comparator.comparingInt(n -> n.at("/parameters/d").asInt()));
    for (int i = 0; i < 2; i++) {
      assertThat(x.get(i).at("/estimate/details").has("intrinsicPart")).isFalse();
      assertThat(r.get(i).at("/estimate/details").has("intrinsicPart")).isTrue();
      double se = Math.hypot(r.get(i).at("/estimate/mean/stdError").asDouble(),
          x.get(i).at("/estimate/mean/stdError").asDouble());
      assertThat(Math.abs(r.get(i).at("/estimate/mean/value").asDouble()
          - x.get(i).at("/estimate/mean/value").asDouble())).isLessThan(4 * se);
    }
  }

  @Test
  void refusesADirectoryMadeWithOtherFixedParameters() {
    Path dir = tmp.resolve("d");
    assertThat(run(sweep(dir, "3")).exit()).isZero();
    String[] other = sweep(dir, "3");
    other[9] = "2.5"; // --beta
    CliRun r = run(other);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).contains("--out").contains("--beta=\"1.5\" there, \"2.5\" now");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "sweep gmm --vary d --values 3,4 --K 1 --out X|--K must be >= 2",
    "sweep gmm --vary d --values 2,4 --K 3 --out X|--d must be >= --K",
    "sweep gmm --vary K --values 2..5 --d 4 --out X|--d must be >= --K",
    "sweep gmm --vary K --values 2..5 --K 3 --d 9 --out X|--K must not be given with --vary --K",
    "sweep gmm --vary beta --values geom:0.5,5 --K 3 --d 5 --out X|--values 'geom:0.5,5'",
    "sweep gmm --vary beta --values 1,-2 --K 3 --d 5 --out X|--beta must be between",
    "sweep gmm --vary d --values , --K 3 --out X|--values must hold at least one value",
    "sweep gmm --vary d --values 5 --K 3 --samples 1 --out X|--samples must be >= 20",
    "sweep gmm --vary d --values 5 --K 3 --theta-norm 0 --out X|--theta-norm must be between",
    "sweep gmm --vary d --values 700 --K 3 --method direct --out X|--method direct needs K*d <= 2000",
    "sweep gmm --vary q --values 5 --K 3 --out X|--vary",
    "figure2 --preset huge --out X|--preset",
    "figure2 --preset quick --method direct --out X|Unknown option"
  })
  void badInputExitsWithCode2AndOneLineNamingTheOption(String args, String expected) {
    CliRun r = run(args.replace("X", tmp.resolve("bad").toString()).split(" "));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).contains(expected);
  }
}
