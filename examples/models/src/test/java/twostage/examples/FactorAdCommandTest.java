package twostage.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import twostage.report.Json;

/**
 * {@code factor-ad} (the factor model through the AD API, on --model-path) against the built-in
 * {@code factor} (closed forms) from the command line: the same law, the same baseline, the same pipeline.
 */
class FactorAdCommandTest {
  /** Monte Carlo sizes of factor-ad's law: enough for a standard error of about 1% of E||L||^2. */
  private static final String[] LAW = {"--pretraining-samples", "1e5", "--samples", "2e5", "--pilot-samples", "5000"};

  @TempDir Path dir;

  private static JsonNode json(CliRun r) throws Exception {
    assertThat(r.exit()).as(r.err()).isZero();
    return Json.MAPPER.readTree(r.out());
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** limit factor-ad against limit factor (exact): within 3 standard errors, the same d_eff. */
  private static void sameLaw(String... instance) throws Exception {
    JsonNode exact = json(CliRun.of(concat(new String[] {"limit", "factor", "--format", "json"}, instance)));
    JsonNode ad = json(CliRun.withModels("limit", concat(concat(new String[] {"factor-ad", "--format", "json",
        "--seed", "4"}, instance), LAW)));
    double e = exact.at("/interaction/mean").asDouble();
    double a = ad.at("/interaction/mean").asDouble();
    double se = ad.at("/interaction/stdError").asDouble();
    System.out.printf("limit factor-ad %s: E||L||^2 = %.5g +- %.2g, exact %.5g (%.2f SE)%n",
        String.join(" ", instance), a, se, e, (a - e) / se);
    assertThat(exact.at("/interaction/stdError").asDouble()).isZero();
    assertThat(se).isPositive().isLessThan(0.03 * e);
    assertThat(Math.abs(a - e)).isLessThan(3 * se);
    assertThat(ad.get("dEff").asInt()).isEqualTo(exact.get("dEff").asInt());
    assertThat(ad.get("sigma2").asDouble()).isEqualTo(exact.get("sigma2").asDouble());
    int k = exact.at("/params/k").asInt();
    assertThat(ad.at("/diagnostics/orbitDimension").asInt()).isEqualTo(k * (k - 1) / 2);
  }

  @Test
  void limitAgreesWithTheExactFactorModelOnTheExampleInstance() throws Exception {
    sameLaw("--instance", CliRun.instanceFile("factor-unequal.json"));
  }

  @Test
  void limitAgreesWithTheExactFactorModelOnAGeneratedInstance() throws Exception {
    sameLaw("--k", "3", "--d", "6", "--sigma-nu", "0.3", "--instance-seed", "2");
  }

  @Test
  void validateRunsTheDefaultEstimatorAndAgreesWithFactorsPipeline() throws Exception {
    String[] sizes = {"--n", "100,400", "--reps", "60", "--seed", "5", "--no-progress"};
    CliRun ad = CliRun.withModels("validate", concat(concat(new String[] {"factor-ad", "--out",
        dir.resolve("ad").toString()}, sizes), LAW));
    assertThat(ad.exit()).as(ad.err()).isZero();
    CliRun exact = CliRun.of(concat(new String[] {"validate", "factor", "--out", dir.resolve("exact").toString()},
        sizes));
    assertThat(exact.exit()).as(exact.err()).isZero();
    for (String f : new String[] {"validation.json", "validation.csv", "results.jsonl", "instance.json", "cdf-total.png"}) {
      assertThat(dir.resolve("ad").resolve(f)).as(f).isRegularFile();
    }
    JsonNode a = Json.MAPPER.readTree(dir.resolve("ad/validation.json").toFile());
    JsonNode e = Json.MAPPER.readTree(dir.resolve("exact/validation.json").toFile());
    assertThat(a.get("notes").get(0).asText()).contains("damped Newton").contains("automatic gradient and Hessian");
    for (int i = 0; i < 2; i++) {
      JsonNode pa = a.get("points").get(i);
      JsonNode pe = e.get("points").get(i);
      assertThat(pa.get("notConverged").asInt()).isZero();
      double se = Math.hypot(pa.get("meanPretrainingSE").asDouble(), pe.get("meanPretrainingSE").asDouble());
      assertThat(Math.abs(pa.get("meanPretraining").asDouble() - pe.get("meanPretraining").asDouble()))
          .as("mean n Rep at n = %s", pa.get("n")).isLessThan(3 * se);
    }
    // factor-ad writes factor's instance files: the built-in model reads the instance of the AD run
    CliRun back = CliRun.of("limit", "factor", "--instance", dir.resolve("ad/instance.json").toString(), "--format", "json");
    JsonNode b = json(back);
    assertThat(b.get("sigma2").asDouble()).isEqualTo(a.at("/limit/sigma2").asDouble());
    assertThat(b.get("dEff").asInt()).isEqualTo(a.at("/limit/dEff").asInt()).isEqualTo(2);
  }

  @Test
  void crossoverHasFactorsBaselineRankAndCrossover() throws Exception {
    CliRun ad = CliRun.withModels("crossover", concat(new String[] {"factor-ad", "--out", dir.resolve("ad").toString(),
        "--format", "json", "--no-progress"}, LAW));
    JsonNode a = json(ad);
    JsonNode e = json(CliRun.of("crossover", "factor", "--out", dir.resolve("exact").toString(), "--format", "json",
        "--replicates", "0", "--no-progress"));
    assertThat(Files.exists(dir.resolve("ad/crossover.png"))).isTrue();
    assertThat(a.get("dBase").asInt()).isEqualTo(e.get("dBase").asInt()).isEqualTo(5);
    assertThat(a.get("dEff").asInt()).isEqualTo(e.get("dEff").asInt());
    double se = a.get("alpha0StdError").asDouble();
    assertThat(se).isPositive();
    assertThat(Math.abs(a.get("alpha0").asDouble() - e.get("alpha0").asDouble())).isLessThan(3 * se);
  }
}
