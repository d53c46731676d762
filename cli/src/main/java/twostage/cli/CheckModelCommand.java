package twostage.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import twostage.ad.AnalysisOptions;
import twostage.ad.Derivatives;
import twostage.ad.DerivativeCheck;
import twostage.report.Json;
import twostage.ad.DerivativeChecker;
import twostage.ad.DifferentiableModel;
import twostage.ad.ModelAdapters;
import twostage.ad.ModelAnalysis;
import twostage.ad.ModelDiagnostics;
import twostage.ad.Readout;
import twostage.exec.ThreadPoolRunner;
import twostage.random.Streams;

/**
 * {@code twostage check-model NAME}: a model written through the automatic-differentiation API checked
 * before any law is computed: its derivatives against central finite differences (Taylor-remainder
 * slope), then w⋆, θ⋆ and every regularity check of Theorem 5.1. Exit 2 with the failed checks when the
 * theory does not apply or a derivative is wrong.
 */
@Command(
    name = "check-model",
    mixinStandardHelpOptions = true,
    description = {
      "Checks a model written through the AD API (a registered AdCaseStudy).",
      "Derivatives against finite differences, then w*, theta*, the orbit and the regularity checks of "
          + "Theorem 5.1; exit 2 with what is wrong when the theory does not apply."
    })
public final class CheckModelCommand extends ModelCommand {
  /** The command, for the models written through the AD API. */
  public CheckModelCommand() {
    super(Face::new, study -> study instanceof twostage.ad.AdCaseStudy);
  }

  /** {@code twostage check-model MODEL}. */
  @Command(mixinStandardHelpOptions = true)
  static final class Face extends ModelFace {
    @Option(names = "--jitter", defaultValue = "0.01",
        description = "Perturbation of w* where derivatives are checked (default: ${DEFAULT-VALUE}).")
    double jitter;

    @Mixin RunOptions run;

    Face(twostage.spi.CaseStudy study) {
      super(study);
    }

    @Override
    public Integer call() {
      Check.nonNegative(spec, "--jitter", jitter);
      twostage.experiments.ModelSpec ms = model();
      DifferentiableModel model = ((twostage.ad.AdCaseStudy.Instance) ms.instance()).differentiable();
      long pilot = ms.settings().count("--pilot-samples", 20, "one per jackknife group");
      AnalysisOptions options = AnalysisOptions.defaults().withPilot(pilot, pilot);
      Derivatives derivatives = ModelAdapters.derivatives(model);
      ModelAnalysis.Truth truth = ModelAnalysis.truth(model, derivatives, options.truthSamples(), run.seed);
      List<DerivativeCheck> checks = DerivativeChecker.check(model, truth.w(), jitter, Streams.of(run.seed, 21));
      Readout readout = ModelAnalysis.readout(model, derivatives, truth.w(), pilot, run.seed);
      ModelDiagnostics diag;
      try (ThreadPoolRunner runner = new ThreadPoolRunner(run.threads())) {
        diag = ModelAnalysis.diagnose(model, derivatives, truth.w(), readout.theta(), options, run.seed, runner);
      }
      List<String> failures = new java.util.ArrayList<>(diag.failures());
      if (!(readout.residual() <= options.checkTolerance())) {
        failures.add(0, String.format(Locale.ROOT, "f* is not in the span of the features at w* (relative residual %.3g)",
            readout.residual()));
      }
      for (DerivativeCheck c : checks) {
        if (!c.passed()) {
          failures.add(0, String.format(Locale.ROOT, "%s is wrong: relative error %.3g against finite differences,"
              + " Taylor slope %.3g (expected 2)", c.quantity(), c.relativeError(), c.slope()));
        }
      }
      PrintWriter out = spec.commandLine().getOut();
      if (run.json()) {
        out.println(Json.pretty(json(model, truth, readout, checks, diag, failures)));
      } else {
        out.print(table(model, truth, readout, checks, diag));
      }
      out.flush();
      if (!failures.isEmpty()) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(spec.qualifiedName() + ": model '" + model.name() + "': the theory does not apply: "
            + String.join("; ", failures));
        err.flush();
        return 2;
      }
      return 0;
    }

    private static ObjectNode json(DifferentiableModel model, ModelAnalysis.Truth truth, Readout readout,
        List<DerivativeCheck> checks, ModelDiagnostics d, List<String> failures) {
      ObjectNode root = Json.object();
      root.put("model", model.name());
      root.put("parameterDimension", model.parameterDimension());
      root.put("featureDimension", model.featureDimension());
      root.put("maximumLikelihood", model.isMaximumLikelihood());
      root.set("truth", Json.array(truth.w()));
      if (truth.search() != null) {
        ObjectNode s = root.putObject("truthSearch");
        s.put("converged", truth.search().converged());
        s.put("iterations", truth.search().iterations());
        s.put("gradientNorm", truth.search().gradientNorm());
      }
      ObjectNode r = root.putObject("readout");
      r.set("theta", Json.array(readout.theta()));
      r.put("projected", readout.projected());
      r.put("residual", readout.residual());
      ArrayNode dc = root.putArray("derivatives");
      for (DerivativeCheck c : checks) {
        ObjectNode o = dc.addObject();
        o.put("quantity", c.quantity());
        o.put("relativeError", c.relativeError());
        o.put("slope", c.slope());
        o.put("passed", c.passed());
      }
      root.set("diagnostics", Json.MAPPER.valueToTree(diagnostics(d)));
      ArrayNode f = root.putArray("failures");
      failures.forEach(f::add);
      return root;
    }

    private static java.util.Map<String, Object> diagnostics(ModelDiagnostics d) {
      java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
      m.put("orbitSource", d.orbit().source().name());
      m.put("orbitDimension", d.orbit().dimension());
      m.put("orbitMatrix", d.orbit().matrix());
      m.put("orbitTolerance", d.orbit().tolerance());
      m.put("orbitNullity", d.orbit().nullity());
      m.put("orbitEigengap", d.orbit().gap());
      m.put("orbitEigenvalues", d.orbit().eigenvalues());
      m.put("declaredMismatch", d.orbit().declaredMismatch());
      m.put("gradientNorm", d.gradientNorm());
      m.put("gradientExact", d.gradientExact());
      m.put("gradientStatistic", d.gradientStatistic());
      m.put("gradientThreshold", d.gradientThreshold());
      m.put("hessianOffOrbit", d.hessianOffOrbit());
      m.put("hessianThreshold", d.hessianThreshold());
      m.put("hessianOrbitResidual", d.hessianOrbitResidual());
      m.put("scoreOrbitResidual", d.scoreOrbitResidual());
      m.put("equivarianceResidual", d.equivarianceResidual());
      m.put("representationSkewness", d.representationSkewness());
      m.put("orbitInteraction", d.orbitInteraction());
      m.put("dEff", d.dEff());
      m.put("featureDimension", d.featureDimension());
      m.put("activationResidual", d.activationResidual());
      m.put("tolerance", d.tolerance());
      return m;
    }

    private static String table(DifferentiableModel model, ModelAnalysis.Truth truth, Readout readout,
        List<DerivativeCheck> checks, ModelDiagnostics d) {
      StringBuilder b = new StringBuilder();
      b.append(String.format(Locale.ROOT, "twostage check-model %s  (q = %d, p = %d%s)%n", model.name(),
          model.parameterDimension(), model.featureDimension(), model.isMaximumLikelihood() ? ", MLE: H = S" : ""));
      if (truth.search() != null) {
        b.append(String.format(Locale.ROOT, "  w* found by Newton: converged %s in %d iterations, |grad| = %.3g%n",
            truth.search().converged(), truth.search().iterations(), truth.search().gradientNorm()));
      }
      if (readout.projected()) {
        b.append(String.format(Locale.ROOT, "  theta* projected from f* on %d samples, relative residual %.3g%n",
            readout.samples(), readout.residual()));
      }
      b.append("  derivatives (against central differences; Taylor remainder slope should be 2):\n");
      for (DerivativeCheck c : checks) {
        b.append(String.format(Locale.ROOT, "    %-36s rel. error %9.2e  slope %5s  %s%n", c.quantity(),
            c.relativeError(), Double.isNaN(c.slope()) ? "exact" : String.format(Locale.ROOT, "%.3f", c.slope()),
            c.passed() ? "ok" : "FAILED"));
      }
      b.append(String.format(Locale.ROOT, "  orbit: %d directions from %s (null space of %s at tolerance %.0e, eigengap %.3g)%n",
          d.orbit().dimension(), d.orbit().source(), d.orbit().matrix(), d.orbit().tolerance(), d.orbit().gap()));
      diagnostics(d).forEach((k, v) -> {
        if (!k.startsWith("orbit") || k.equals("orbitInteraction")) {
          b.append(String.format(Locale.ROOT, "    %-28s %s%n", k,
              v instanceof Double x ? String.format(Locale.ROOT, "%.4g", x) : String.valueOf(v)));
        }
      });
      List<String> f = d.failures();
      b.append(f.isEmpty() ? "  all regularity checks pass\n" : "  FAILED: " + f.size() + " check(s), see the error\n");
      return b.toString();
    }
  }
}
