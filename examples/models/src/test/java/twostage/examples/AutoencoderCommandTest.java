package twostage.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import twostage.report.Json;

/**
 * {@code autoencoder}, a model none of the paper's case studies covers, from the command line: its law
 * against its own estimator simulated at large m (the large-m {@code check}), the user-chosen estimator,
 * and the other commands.
 */
class AutoencoderCommandTest {
  private static final String[] LAW = {"--pretraining-samples", "5e4", "--samples", "2e5", "--pilot-samples", "5000"};

  @TempDir Path dir;

  private static JsonNode json(CliRun r) throws Exception {
    assertThat(r.exit()).as(r.err()).isZero();
    return Json.MAPPER.readTree(r.out());
  }

  private static CliRun run(String command, String... args) {
    String[] all = java.util.Arrays.copyOf(args, args.length + LAW.length);
    System.arraycopy(LAW, 0, all, args.length, LAW.length);
    return CliRun.withModels(command, all);
  }

  @Test
  void theLawMatchesItsOwnEstimatorAtLargeM() throws Exception {
    JsonNode j = json(run("check", "autoencoder", "--m", "1e5", "--reps", "400", "--seed", "9", "--format", "json",
        "--no-progress", "--out", dir.resolve("check").toString()));
    double ks = j.at("/engine/ks").asDouble();
    double critical = j.get("ksCritical5").asDouble();
    System.out.printf("check autoencoder: m Rep mean %.4f +- %.4f, law %.4f +- %.4f (z %.2f), KS %.4f (5%% critical %.4f)%n",
        j.at("/scaledRep/mean").asDouble(), j.at("/scaledRep/stdError").asDouble(), j.at("/engine/mean").asDouble(),
        j.at("/engine/stdError").asDouble(), j.at("/engine/meanZ").asDouble(), ks, critical);
    assertThat(critical).isCloseTo(1.358 / Math.sqrt(400), org.assertj.core.data.Offset.offset(1e-3));
    assertThat(ks).isLessThan(critical);
    assertThat(Math.abs(j.at("/engine/meanZ").asDouble())).isLessThan(3);
    assertThat(j.at("/fits/notConverged").asInt()).isZero();
    assertThat(dir.resolve("check/check.json")).isRegularFile();
    assertThat(dir.resolve("check/instance.json")).isRegularFile();
  }

  @Test
  void theUsersOwnEstimatorGivesTheSameReplicates() throws Exception {
    String[] args = {"autoencoder", "--m", "2000", "--reps", "50", "--seed", "3", "--format", "json", "--no-progress"};
    JsonNode newton = json(run("check", args));
    String[] pca = java.util.Arrays.copyOf(args, args.length + 2);
    pca[args.length] = "--estimator";
    pca[args.length + 1] = "pca";
    JsonNode own = json(run("check", pca));
    // principal components minimise the same empirical loss as Newton on the same draws
    double a = newton.at("/scaledRep/mean").asDouble();
    assertThat(own.at("/scaledRep/mean").asDouble()).isCloseTo(a, org.assertj.core.data.Offset.offset(1e-6 * a));
    assertThat(own.at("/engine/ks").asDouble())
        .isCloseTo(newton.at("/engine/ks").asDouble(), org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void anInstanceWrittenByARunIsReadBack() throws Exception {
    JsonNode first = json(run("crossover", "autoencoder", "--lambda-next", "1.5", "--out", dir.resolve("x").toString(),
        "--format", "json", "--no-progress"));
    assertThat(first.get("dBase").asInt()).isEqualTo(4); // every linear function of x in R^4
    assertThat(first.get("dEff").asInt()).isEqualTo(2);
    JsonNode again = json(run("plan", "autoencoder", "--instance", dir.resolve("x/instance.json").toString(),
        "--n", "1000", "--format", "json"));
    assertThat(again.at("/params/eigenvalues/2").asDouble()).isCloseTo(1.5, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(again.get("interactionMean").asDouble()).isEqualTo(first.at("/interaction/mean").asDouble());
    assertThat(again.get("alpha0").asDouble()).isPositive();
  }

  @Test
  void aSweepAlongTheEigengapGrowsAsTheGapCloses() throws Exception {
    CliRun r = run("sweep", "autoencoder", "--vary", "lambda-next", "--values", "1,2", "--out",
        dir.resolve("s").toString(), "--format", "json", "--no-progress");
    JsonNode points = json(r);
    assertThat(points.size()).isEqualTo(2);
    double wide = points.get(0).get("mean").asDouble();
    double narrow = points.get(1).get("mean").asDouble();
    double se = Math.hypot(points.get(0).get("stdError").asDouble(), points.get(1).get("stdError").asDouble());
    assertThat(narrow - wide).isGreaterThan(3 * se);
  }
}
