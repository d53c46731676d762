package twostage.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import twostage.models.factor.FactorInstance;
import twostage.models.factor.FactorLimit;
import twostage.errata.factor.FactorClaims;
import twostage.theory.AsymptoticEngine;
import twostage.theory.Interaction;
import twostage.theory.MonteCarloMoments;

/** {@code twostage limit factor}: factor-model pre-training (Section 6.2, Appendix I). */
@Command(
    name = "factor",
    mixinStandardHelpOptions = true,
    description = {
      "Factor model x = A* h + mu, y = beta*^T h + nu; PPCA pre-training; features A^T (I + A A^T)^-1 x.",
      "Prints the engine's limit, Corollary 6.4 as printed (paper) and corrected (closedForm)."
    })
public final class LimitFactorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin FactorOptions factor;

  @Mixin MomentOptions moments;

  @Mixin RunOptions run;

  @Override
  public Integer call() {
    moments.validate(spec);
    double alpha = moments.alpha;
    FactorInstance inst = factor.instance(spec);
    long t0 = System.nanoTime();
    AsymptoticEngine engine = new AsymptoticEngine();
    FactorClaims exact = FactorClaims.of(engine, inst);
    ReportedInteraction reported = moments.interaction(exact.exact(), run, runner -> FactorLimit.monteCarlo(
        engine, inst, moments.preSamples, moments.samples, MonteCarloMoments.DEFAULT_GROUPS, run.seed, runner));
    Interaction interaction = reported.interaction();
    double seconds = (System.nanoTime() - t0) / 1e9;
    Map<String, Object> diag = new LinkedHashMap<>();
    diag.put("orbitDimension", exact.orbitDimension());
    diag.put("parameterDimension", exact.parameterDimension());
    ObjectNode params = factor.params(inst);
    params.put("alpha", alpha);
    params.put("method", moments.method.name().toLowerCase(java.util.Locale.ROOT));
    params.put("seed", run.seed);
    int len = interaction.weights().length;
    ObjectNode extra = Json.object();
    extra.put("paperSigma2", exact.paperSigmaSquared());
    extra.put("sigma2Formula", "sigma_nu^2 + beta*^T (I_k + A*^T A*)^-1 beta* (derived by conditioning)");
    extra.set("paper", ClosedForms.json(exact.paper(), len, exact.paperWeightError()));
    extra.set("closedForm", ClosedForms.json(exact.corrected(), len, exact.correctedWeightError()));
    LimitReport report = new LimitReport("factor", params, exact.sigmaSquared(), alpha, interaction,
        reported.mean(), reported.plugInMean(), reported.samples(), seconds, diag, extra);
    spec.commandLine().getOut().println(
        run.format == OutputFormat.JSON ? Json.pretty(report.json()) : report.table());
    return 0;
  }
}
