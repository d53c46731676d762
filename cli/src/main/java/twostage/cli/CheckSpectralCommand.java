package twostage.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import twostage.exec.ThreadPoolRunner;
import twostage.errata.ClosedFormLaw;
import twostage.models.spectral.LargeMCheck;
import twostage.errata.spectral.SpectralClaims;
import twostage.models.spectral.SpectralInstance;
import twostage.models.spectral.SpectralLargeM;
import twostage.models.spectral.SpectralLimit;
import twostage.stats.WeightedChiSquare;
import twostage.theory.Interaction;
import twostage.stats.Kolmogorov;

/** {@code twostage check spectral}: the empirical minimiser at large m against the engine's law. */
@Command(
    name = "spectral",
    mixinStandardHelpOptions = true,
    description = {
      "R replicates of m*Rep(M_m) for the empirical minimiser of the spectral loss (Newton on the",
      "horizontal space from the rank-k truncation of empirical moments), against the engine's law."
    })
public final class CheckSpectralCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SpectralOptions spectral;

  @Mixin LargeMOptions largeM;

  @Mixin RunOptions run;

  @Override
  public Integer call() {
    largeM.validate(spec);
    long m = largeM.m;
    int reps = largeM.reps;
    SpectralInstance inst = spectral.instance(spec);
    Check.rule(spec, m >= inst.dimension(), "--m must be >= d = " + inst.dimension() + ", got " + m);
    long t0 = System.nanoTime();
    Interaction exact = SpectralLimit.exact(inst);
    WeightedChiSquare law = new WeightedChiSquare(exact.weights());
    LargeMCheck res;
    try (ThreadPoolRunner runner = new ThreadPoolRunner(run.threads())) {
      res = SpectralLargeM.check(inst, m, reps, run.seed, runner, law::cdf);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    double z = (res.mean().value() - exact.mean()) / res.mean().stdError();
    ObjectNode root = Json.object();
    root.put("model", "spectral");
    ObjectNode params = spectral.params(inst);
    params.put("m", m);
    params.put("reps", reps);
    params.put("seed", run.seed);
    root.set("params", params);
    ObjectNode sample = root.putObject("scaledRep");
    sample.put("mean", res.mean().value());
    sample.put("stdError", res.mean().stdError());
    ObjectNode q = sample.putObject("quantiles");
    ObjectNode eq = Json.object();
    for (int i = 0; i < res.quantileLevels().length; i++) {
      String key = Double.toString(res.quantileLevels()[i]);
      q.put(key, res.quantiles()[i]);
      eq.put(key, law.quantile(res.quantileLevels()[i]));
    }
    ObjectNode eng = root.putObject("engine");
    eng.put("mean", exact.mean());
    eng.set("quantiles", eq);
    eng.put("ks", res.ksDistance());
    eng.put("meanZ", z);
    ClosedFormLaw paperForm = SpectralClaims.of(inst).paperClosedForm();
    double ksPaper = Double.NaN;
    if (paperForm != null) {
      double[] sorted = res.scaledRisks().clone();
      java.util.Arrays.sort(sorted);
      ksPaper = twostage.stats.Kolmogorov.distance(sorted, new WeightedChiSquare(paperForm.weights())::cdf);
      ObjectNode pap = root.putObject("paper");
      pap.put("source", paperForm.source());
      pap.put("mean", paperForm.mean());
      pap.put("ks", ksPaper);
    }
    root.put("ksCritical5", res.ksCritical05());
    root.put("consistentWithEngine", res.consistentAt5Percent());
    ObjectNode opt = root.putObject("optimiser");
    opt.put("maxGradientNorm", res.maxGradientNorm());
    opt.put("maxIterations", res.maxIterations());
    opt.put("notConverged", res.notConverged());
    ObjectNode el = root.putObject("scaledExcessLoss");
    el.put("mean", res.scaledExcessLoss().value());
    el.put("stdError", res.scaledExcessLoss().stdError());
    el.put("engineMean", SpectralLimit.excessLossMean(inst));
    root.put("seconds", seconds);
    PrintWriter out = spec.commandLine().getOut();
    if (run.format == OutputFormat.JSON) {
      out.println(Json.pretty(root));
      return 0;
    }
    out.printf(Locale.ROOT, "twostage check spectral  %s%n", Json.line(params));
    out.printf(Locale.ROOT, "  m*Rep(M_m) mean           %s ± %.2g  (R = %d)%n",
        LimitReport.fmt(res.mean().value()), res.mean().stdError(), reps);
    out.printf(Locale.ROOT, "  engine E||L||^2           %s   (z = %.2f)%n", LimitReport.fmt(exact.mean()), z);
    for (int i = 0; i < res.quantileLevels().length; i++) {
      out.printf(Locale.ROOT, "  quantile %-5s sample %-11s engine %s%n", res.quantileLevels()[i],
          LimitReport.fmt(res.quantiles()[i]), LimitReport.fmt(law.quantile(res.quantileLevels()[i])));
    }
    out.printf(Locale.ROOT, "  Kolmogorov vs engine      %.4f   (5%% critical %.4f: %s)%n", res.ksDistance(),
        res.ksCritical05(), res.consistentAt5Percent() ? "consistent" : "REJECTED");
    if (paperForm != null) {
      out.printf(Locale.ROOT, "  Kolmogorov vs paper       %.4f   (paper %s, mean %s)%n", ksPaper, paperForm.source(),
          LimitReport.fmt(paperForm.mean()));
    }
    out.printf(Locale.ROOT, "  m(L(M_m) - L(M*)) mean    %s ± %.2g   (engine E[Q] %s)%n",
        LimitReport.fmt(res.scaledExcessLoss().value()), res.scaledExcessLoss().stdError(),
        LimitReport.fmt(SpectralLimit.excessLossMean(inst)));
    out.printf(Locale.ROOT, "  optimiser: max gradient norm %.2g, max iterations %d, not converged %d; %.2f s%n",
        res.maxGradientNorm(), res.maxIterations(), res.notConverged(), seconds);
    return 0;
  }
}
