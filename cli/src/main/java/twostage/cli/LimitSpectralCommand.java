package twostage.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import twostage.errata.ClosedFormLaw;
import twostage.models.spectral.SpectralInstance;
import twostage.models.spectral.SpectralLimit;
import twostage.errata.spectral.SpectralClaims;
import twostage.theory.Interaction;
import twostage.theory.MonteCarloMoments;

/** {@code twostage limit spectral}: linear spectral pre-training (Section 6.1, Appendix H). */
@Command(
    name = "spectral",
    mixinStandardHelpOptions = true,
    description = {
      "Linear spectral contrastive pre-training (loss 6.2), downstream least squares on Ax.",
      "Prints the engine's limit, the paper's closed forms (paper) and the corrected ones (closedForm)."
    })
public final class LimitSpectralCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SpectralOptions spectral;

  @Mixin MomentOptions moments;

  @Mixin RunOptions run;

  /** Largest q = kd for which the paper's general route and E[Q] are computed unless asked. */
  static final int PAPER_ROUTES_AUTO_MAX_Q = 100;

  @picocli.CommandLine.Option(names = "--paper-routes", arity = "0..1", fallbackValue = "true",
      description = "Also compute the paper's general route (H.27)+(H.37) and E[Q] = 1/2 tr(H+ S), which cost"
          + " O(q^2 d^2) and O(q^3) (default: only when q = kd <= " + PAPER_ROUTES_AUTO_MAX_Q + ").")
  Boolean paperRoutes;

  @Override
  public Integer call() {
    moments.validate(spec);
    double alpha = moments.alpha;
    SpectralInstance inst = spectral.instance(spec);
    long t0 = System.nanoTime();
    boolean routes = paperRoutes != null ? paperRoutes : inst.parameterDimension() <= PAPER_ROUTES_AUTO_MAX_Q;
    SpectralClaims rep = SpectralClaims.of(inst, routes);
    ReportedInteraction reported = moments.interaction(SpectralLimit.exact(inst), run, runner -> SpectralLimit
        .monteCarlo(inst, moments.preSamples, moments.samples, MonteCarloMoments.DEFAULT_GROUPS, run.seed, runner));
    Interaction interaction = reported.interaction();
    double seconds = (System.nanoTime() - t0) / 1e9;
    ObjectNode params = spectral.params(inst);
    params.put("alpha", alpha);
    params.put("method", moments.method.name().toLowerCase(java.util.Locale.ROOT));
    params.put("seed", run.seed);
    Map<String, Object> diag = new LinkedHashMap<>();
    diag.put("orbitDimension", inst.orbitDimension());
    diag.put("parameterDimension", inst.parameterDimension());
    ObjectNode extra = Json.object();
    ObjectNode paper = extra.putObject("paper");
    paper.set("corollary63OrH39", closedForm(rep.paperClosedForm()));
    paper.set("generalPipelineH27H37", routes ? closedForm(rep.paperPipeline()) : notComputed());
    paper.put("excessLossMeanH41", rep.excessLossPaper());
    ObjectNode corrected = closedForm(rep.correctedClosedForm());
    corrected.put("excessLossMean", rep.excessLossCorrected());
    extra.set("closedForm", corrected);
    if (routes) {
      extra.put("excessLossMeanExact", rep.excessLossExact());
    } else {
      extra.set("excessLossMeanExact", notComputed());
    }
    LimitReport report = new LimitReport("spectral", params, inst.sigma() * inst.sigma(), alpha,
        interaction, reported.mean(), reported.plugInMean(), reported.samples(), seconds, diag, extra);
    spec.commandLine().getOut().println(
        run.format == OutputFormat.JSON ? Json.pretty(report.json()) : report.table());
    return 0;
  }

  private static ObjectNode notComputed() {
    ObjectNode o = Json.object();
    o.put("available", false);
    o.put("why", "not computed for q = kd > " + PAPER_ROUTES_AUTO_MAX_Q + " unless --paper-routes is given");
    return o;
  }

  private static ObjectNode closedForm(ClosedFormLaw f) {
    ObjectNode o = Json.object();
    if (f == null) {
      o.put("available", false);
      o.put("why", "closed form defined only for diagonal instances (Corollary 6.3 / Appendix H.7 setting)");
      return o;
    }
    o.put("available", true);
    o.put("label", f.label());
    o.put("source", f.source());
    o.put("mean", f.mean());
    o.set("weights", Json.array(f.weights()));
    return o;
  }
}
