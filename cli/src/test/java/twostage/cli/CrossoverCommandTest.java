package twostage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import twostage.report.Json;

class CrossoverCommandTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "crossover factor --alpha-range 0,1 --out OUT | --alpha-range",
      "crossover factor --alpha-range 2,1 --out OUT | --alpha-range",
      "crossover spectral --alpha-range 1 --out OUT | --alpha-range",
      "crossover factor --baseline-n 3 --out OUT | --baseline-n",
      "crossover factor --replicates 1 --out OUT | --replicates",
      "plan factor --n 0 | --n",
      "plan factor --n 100 --target-ratio 1 | --target-ratio",
      "plan spectral --n 100 --m 0 | --m"})
  void badInputIsRefusedWithExitCode2(String args, String option, @TempDir Path dir) {
    CliRun r = CliRun.of(args.replace("OUT", dir.toString()).split(" "));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains(option).doesNotContain("Exception");
    assertThat(r.err().strip().lines().count()).isEqualTo(1);
  }

  @Test
  void factorCrossoverWritesJsonCsvAndPlot(@TempDir Path dir) throws Exception {
    CliRun r = CliRun.of("crossover", "factor", "--k", "2", "--d", "5", "--instance-seed", "11",
        "--baseline-n", "100", "--replicates", "20", "--points", "11", "--out", dir.toString());
    assertThat(r.exit()).isZero();
    JsonNode j = Json.MAPPER.readTree(dir.resolve("crossover.json").toFile());
    assertThat(j.get("dBase").asInt()).isEqualTo(5);
    assertThat(j.get("dEff").asInt()).isEqualTo(2);
    double alpha0 = j.get("alpha0").asDouble();
    double mean = j.get("interaction").get("mean").asDouble();
    double s2 = j.get("sigma2").asDouble();
    assertThat(alpha0).isCloseTo(mean / (s2 * 3), org.assertj.core.data.Offset.offset(1e-12));
    assertThat(j.get("curves").get("alpha").size()).isEqualTo(11);
    assertThat(j.get("baselineSimulation").get("points").size()).isEqualTo(1);
    assertThat(Files.size(dir.resolve("crossover.png"))).isGreaterThan(1000);
    assertThat(Files.exists(dir.resolve("crossover.svg"))).isTrue();
    assertThat(Files.readAllLines(dir.resolve("crossover.csv"))).hasSize(12);
    Files.delete(dir.resolve("crossover.png"));
    CliRun redraw = CliRun.of("crossover", "redraw", "--out", dir.toString());
    assertThat(redraw.exit()).isZero();
    assertThat(Files.size(dir.resolve("crossover.png"))).isGreaterThan(1000);
  }

  @Test
  void anIncompleteCrossoverJsonIsRefusedNamingTheFileAndField(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("crossover.json"), "{\"model\": \"factor\", \"sigma2\": 1.0, \"dEff\": 2}");
    CliRun r = CliRun.of("crossover", "redraw", "--out", dir.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("crossover.json is incomplete").contains("'dBase'");
    Files.writeString(dir.resolve("crossover.json"), "{\"model\": \"fac");
    CliRun torn = CliRun.of("crossover", "redraw", "--out", dir.toString());
    assertThat(torn.exit()).isEqualTo(2);
    assertThat(torn.err()).contains("crossover.json is not valid JSON").doesNotContain("Exception:");
  }

  @Test
  void aCorruptRecordInAnOutputDirectoryIsRefusedWithItsLine(@TempDir Path dir) throws Exception {
    String[] args = {"crossover", "factor", "--baseline-n", "100", "--replicates", "4", "--points", "5",
        "--no-progress", "--out", dir.toString()};
    assertThat(CliRun.of(args).exit()).isZero();
    Path results = dir.resolve("baseline").resolve("results.jsonl");
    java.util.List<String> lines = new java.util.ArrayList<>(Files.readAllLines(results));
    lines.set(1, "{\"key\":\"n=100/j=1\"}");
    Files.write(results, lines);
    CliRun r = CliRun.of(args);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("results.jsonl line 2").contains("not a complete");
  }

  @Test
  void planSaysWhetherPretrainingPays() throws Exception {
    CliRun r = CliRun.of("plan", "factor", "--k", "2", "--d", "5", "--instance-seed", "11",
        "--n", "1000", "--m", "3000", "--format", "json");
    assertThat(r.exit()).isZero();
    JsonNode j = Json.MAPPER.readTree(r.out());
    assertThat(j.get("atUserM").get("pretrainingPays").asBoolean()).isTrue();
    assertThat(j.get("mNeeded").asDouble()).isGreaterThan(3000);
    CliRun words = CliRun.of("plan", "factor", "--k", "2", "--d", "5", "--instance-seed", "11",
        "--n", "1000", "--m", "300");
    assertThat(words.out()).contains("does NOT pay");
  }
}
