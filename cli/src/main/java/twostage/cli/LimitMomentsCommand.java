package twostage.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import twostage.ad.ExternalMoments;
import java.util.List;
import twostage.experiments.LimitResult;
import twostage.experiments.LimitSpec;
import twostage.experiments.LimitStudy;
import twostage.report.Json;
import twostage.report.LimitView;
import twostage.spi.LimitEstimate;
import twostage.theory.AsymptoticEngine;
import twostage.theory.DownstreamMoments;
import twostage.theory.Interaction;
import twostage.theory.PretrainingMoments;

/**
 * {@code twostage limit moments --dir DIR --sigma2 S --alpha A}: the law from moment matrices computed
 * elsewhere (numeric CSV, no header; see {@link ExternalMoments}), printed with the fields of every
 * {@code limit} command.
 */
@Command(
    name = "moments",
    mixinStandardHelpOptions = true,
    description = {
      "Limit law from moment matrices computed elsewhere (PyTorch, JAX, R).",
      "Plain numeric CSV files without header in DIR: hessian.csv (H), score-covariance.csv (S), feature-"
          + "gram.csv (E[psi psi']), cross.csv (E[psi J']), jacobian-gram.csv (E[J J']) and optionally orbit.csv "
          + "(columns spanning the orbit tangent)."
    })
public final class LimitMomentsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Directory holding the CSV matrices.")
  Path dir;

  @Option(names = "--sigma2", required = true, paramLabel = "X", description = "Downstream noise variance sigma^2 (>= 0).")
  double sigma2;

  @Option(names = "--alpha", required = true, paramLabel = "A", description = "alpha = lim m/n (> 0).")
  double alpha;

  @Option(names = "--tolerance", defaultValue = "1e-8", paramLabel = "T",
      description = "Relative tolerance of the symmetry and definiteness checks (default: ${DEFAULT-VALUE}).")
  double tolerance;

  @Option(names = "--quantile", split = ",", paramLabel = "P",
      description = "Levels of the quantiles of E_alpha, in (0, 1) (default: 0.5,0.9,0.95,0.99).")
  List<Double> quantiles;

  @Option(names = "--format", defaultValue = "table", paramLabel = "table|json",
      description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Override
  public Integer call() {
    Check.nonNegative(spec, "--sigma2", sigma2);
    Check.positive(spec, "--alpha", alpha);
    Check.rule(spec, tolerance > 0 && tolerance < 1, "--tolerance must be in (0, 1), got " + tolerance);
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("--dir: " + dir + " is not a directory");
    }
    long t0 = System.nanoTime();
    ExternalMoments.Inputs in = read(dir, tolerance);
    Interaction interaction = new AsymptoticEngine().evaluate(in.pretraining(), in.downstream(), in.orbit());
    double seconds = (System.nanoTime() - t0) / 1e9;
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("dir", dir.toString());
    params.put("q", in.pretraining().dimension());
    params.put("p", in.downstream().featureDimension());
    params.put("orbitDimension", in.orbit() == null ? -1 : in.orbit().numCols);
    Map<String, Object> diag = new LinkedHashMap<>();
    diag.put("orbitSource", in.orbit() == null ? "range of H (no orbit.csv)" : ExternalMoments.ORBIT);
    LimitResult r = LimitStudy.result("moments", params, Map.of("--tolerance", Double.toString(tolerance)), sigma2, LimitEstimate.exact(interaction, diag), alpha,
        quantiles == null ? LimitSpec.DEFAULT_LEVELS : LimitSpec.checked(quantiles), seconds);
    spec.commandLine().getOut().println(format == OutputFormat.JSON
        ? Json.pretty(LimitView.json(r, Map.of())) : LimitView.table(r, Map.of()));
    return 0;
  }

  /** Reads and validates the matrices of {@code dir}. */
  static ExternalMoments.Inputs read(Path dir, double tolerance) {
    Path orbit = dir.resolve(ExternalMoments.ORBIT);
    return ExternalMoments.validate(
        matrix(dir, ExternalMoments.HESSIAN),
        matrix(dir, ExternalMoments.SCORE_COVARIANCE),
        matrix(dir, ExternalMoments.FEATURE_GRAM),
        matrix(dir, ExternalMoments.CROSS),
        matrix(dir, ExternalMoments.JACOBIAN_GRAM),
        Files.exists(orbit) ? matrix(dir, ExternalMoments.ORBIT) : null,
        tolerance);
  }

  /** Writes H, S, Σψ, C, E[JJᵀ] and (when not null) the orbit basis into {@code dir}. */
  static void write(Path dir, PretrainingMoments pre, DownstreamMoments down, DMatrixRMaj orbit) {
    try {
      Files.createDirectories(dir);
      write(dir, ExternalMoments.HESSIAN, pre.hessian());
      write(dir, ExternalMoments.SCORE_COVARIANCE, pre.scoreCovariance());
      write(dir, ExternalMoments.FEATURE_GRAM, down.featureGram());
      write(dir, ExternalMoments.CROSS, down.cross());
      write(dir, ExternalMoments.JACOBIAN_GRAM, down.jacobianGram());
      if (orbit != null) {
        write(dir, ExternalMoments.ORBIT, orbit);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write moments to " + dir + ": " + e.getMessage(), e);
    }
  }

  private static void write(Path dir, String name, DMatrixRMaj m) throws IOException {
    try (Writer w = Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8)) {
      ExternalMoments.write(m, w);
    }
  }

  private static DMatrixRMaj matrix(Path dir, String name) {
    Path file = dir.resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("--dir " + dir + ": missing " + name);
    }
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return ExternalMoments.parse(r, file.toString());
    } catch (IOException e) {
      throw new IllegalArgumentException("--dir " + dir + ": cannot read " + name + ": " + e.getMessage());
    }
  }
}
