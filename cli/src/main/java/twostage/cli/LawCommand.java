package twostage.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import twostage.report.Json;
import twostage.stats.WeightedChiSquare;

/**
 * {@code twostage law}: the law of S + C·Σ_j λ_j χ²₁ for weights given on the command line or in a
 * file: moments, CDF values and quantiles with their error bounds (docs/weighted-chi-square.md).
 */
@Command(
    name = "law",
    mixinStandardHelpOptions = true,
    description = {
      "The law of S + C * sum_j lambda_j chi2_1(j), with bounds on its errors.",
      "The chi-squares are independent with one degree of freedom. Prints the mean, variance, CDF values "
          + "and quantiles, each with a bound on its error (saddle-point contour inversion, docs/weighted-chi-"
          + "square.md)."
    })
public final class LawCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  /** Where the weights come from: exactly one of the two options. */
  static final class Source {
    @Option(names = "--weights", split = ",", paramLabel = "W",
        description = "Weights lambda_j >= 0, comma separated.")
    double[] weights;

    @Option(names = "--weights-file", paramLabel = "FILE",
        description = "File with one weight a line; blank lines and '#' comments allowed.")
    Path file;
  }

  @Option(names = "--shift", defaultValue = "0", paramLabel = "S", description = "S, added to the sum (default: ${DEFAULT-VALUE}).")
  double shift;

  @Option(names = "--scale", defaultValue = "1", paramLabel = "C", description = "C > 0, multiplies the sum (default: ${DEFAULT-VALUE}).")
  double scale;

  @Option(names = "--cdf", split = ",", paramLabel = "X", description = "Points at which to print P(S + C*Q <= x).")
  double[] cdfAt;

  @Option(names = "--quantile", split = ",", paramLabel = "P", defaultValue = "0.5,0.9,0.95,0.99",
      description = "Probabilities in [0, 1] whose quantiles are printed (default: ${DEFAULT-VALUE}).")
  double[] probabilities;

  @Option(names = "--format", defaultValue = "table", paramLabel = "table|json", description = "table or json (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Override
  public Integer call() throws IOException {
    double[] weights = source.file != null ? readWeights(source.file) : source.weights;
    for (int j = 0; j < weights.length; j++) {
      Check.rule(spec, Double.isFinite(weights[j]) && weights[j] >= 0,
          "--weights: weight " + (j + 1) + " must be finite and >= 0, got " + weights[j]);
    }
    Check.rule(spec, weights.length > 0, "--weights: at least one weight is needed");
    Check.rule(spec, Double.isFinite(shift), "--shift must be finite, got " + shift);
    Check.rule(spec, scale > 0 && Double.isFinite(scale), "--scale must be finite and > 0, got " + scale);
    double[] xs = cdfAt == null ? new double[0] : cdfAt;
    for (double x : xs) {
      Check.rule(spec, !Double.isNaN(x), "--cdf points must be numbers, got NaN");
    }
    for (double p : probabilities) {
      Check.rule(spec, p >= 0 && p <= 1, "--quantile probabilities must be in [0, 1], got " + p);
    }
    WeightedChiSquare law = new WeightedChiSquare(weights);
    ObjectNode out = Json.object();
    out.put("weights", weights.length);
    out.put("positiveWeights", law.positiveWeights());
    out.put("distinctWeights", law.distinctWeights());
    out.put("shift", shift);
    out.put("scale", scale);
    out.put("mean", shift + scale * law.mean());
    out.put("variance", scale * scale * law.variance());
    double worst = 0;
    ArrayNode cdfs = out.putArray("cdf");
    for (double x : xs) {
      WeightedChiSquare.Bounded f = law.cdfWithError((x - shift) / scale);
      worst = Math.max(worst, f.error());
      ObjectNode o = cdfs.addObject();
      o.put("x", x);
      o.put("value", f.value());
      o.put("error", f.error());
    }
    ArrayNode qs = out.putArray("quantiles");
    for (double p : probabilities) {
      double q = law.quantile(p);
      ObjectNode o = qs.addObject();
      o.put("p", p);
      o.put("x", shift + scale * q);
      if (p > 0 && p < 1 && law.positiveWeights() > 0) {
        boolean lower = p <= 0.5;
        WeightedChiSquare.Bounded f = lower ? law.cdfWithError(q) : law.survivalWithError(q);
        double residual = f.value() - (lower ? p : 1 - p);
        o.put("tail", lower ? "lower" : "upper");
        o.put("residual", residual);
        o.put("error", f.error());
        worst = Math.max(worst, Math.abs(residual) + f.error());
      }
    }
    out.put("errorBound", worst);
    PrintWriter w = spec.commandLine().getOut();
    w.println(format == OutputFormat.JSON ? Json.pretty(out) : table(out));
    w.flush();
    return 0;
  }

  /** One weight a line; '#' starts a comment; blank lines are skipped. */
  private double[] readWeights(Path file) throws IOException {
    Check.rule(spec, Files.isRegularFile(file), "--weights-file: " + file + " does not exist or is not a file");
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    double[] w = new double[lines.size()];
    int n = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int hash = line.indexOf('#');
      String text = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (text.isEmpty()) {
        continue;
      }
      String at = "--weights-file: " + file + " line " + (i + 1) + ": ";
      double v;
      try {
        v = Double.parseDouble(text);
      } catch (NumberFormatException e) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            at + "'" + text + "' is not a number (one weight a line, '#' starts a comment)");
      }
      Check.rule(spec, Double.isFinite(v) && v >= 0, at + "weight must be finite and >= 0, got " + text);
      w[n++] = v;
    }
    Check.rule(spec, n > 0, "--weights-file: " + file + " contains no weight");
    return java.util.Arrays.copyOf(w, n);
  }

  private static String table(ObjectNode o) {
    StringBuilder b = new StringBuilder();
    row(b, "law", String.format(Locale.ROOT, "S + C * sum_j lambda_j chi2_1(j),  S = %s,  C = %s",
        num(o.get("shift").asDouble()), num(o.get("scale").asDouble())));
    row(b, "weights", o.get("weights").asInt() + " (" + o.get("positiveWeights").asInt() + " positive, "
        + o.get("distinctWeights").asInt() + " distinct)");
    row(b, "mean", num(o.get("mean").asDouble()));
    row(b, "variance", num(o.get("variance").asDouble()));
    for (var c : o.get("cdf")) {
      row(b, "P(X <= " + num(c.get("x").asDouble()) + ")", String.format(Locale.ROOT, "%.15g  (error <= %.1e)",
          c.get("value").asDouble(), c.get("error").asDouble()));
    }
    for (var q : o.get("quantiles")) {
      String detail = q.has("residual")
          ? String.format(Locale.ROOT, "  (%s tail - target = %.1e, error <= %.1e)", q.get("tail").asText(),
              q.get("residual").asDouble(), q.get("error").asDouble())
          : "";
      row(b, "quantile " + num(q.get("p").asDouble()), num(q.get("x").asDouble()) + detail);
    }
    row(b, "error bound", String.format(Locale.ROOT, "%.1e  (largest CDF error; |F(q) - p| + error for quantiles)",
        o.get("errorBound").asDouble()));
    return b.toString().stripTrailing();
  }

  private static void row(StringBuilder b, String name, String value) {
    b.append(String.format(Locale.ROOT, "  %-26s %s%n", name, value));
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.15g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replace(".e", "e")
        .replaceAll("\\.$", "");
  }
}
