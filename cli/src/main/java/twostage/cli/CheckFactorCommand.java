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
import twostage.errata.factor.FactorCheck;
import twostage.errata.factor.FactorCheckResult;
import twostage.models.factor.FactorInstance;
import twostage.errata.factor.LargeMResult;

/** {@code twostage check factor}: PPCA at large m against the engine's law and Corollary 6.4. */
@Command(
    name = "factor",
    mixinStandardHelpOptions = true,
    description = {
      "R replicates of m*Rep(M_m) for the PPCA estimator (sample covariance drawn from its Wishart law),",
      "compared with the engine's law and with Corollary 6.4 as printed (Kolmogorov distances)."
    })
public final class CheckFactorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin FactorOptions factor;

  @Mixin LargeMOptions largeM;

  @Mixin RunOptions run;

  @Override
  public Integer call() {
    largeM.validate(spec);
    long m = largeM.m;
    int reps = largeM.reps;
    FactorInstance inst = factor.instance(spec);
    long t0 = System.nanoTime();
    FactorCheckResult res;
    try (ThreadPoolRunner runner = new ThreadPoolRunner(run.threads())) {
      res = FactorCheck.run(inst, m, reps, run.seed, runner);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    LargeMResult s = res.sample();
    ObjectNode root = Json.object();
    root.put("model", "factor");
    ObjectNode params = factor.params(inst);
    params.put("m", m);
    params.put("reps", reps);
    params.put("seed", run.seed);
    root.set("params", params);
    ObjectNode sample = root.putObject("scaledRep");
    sample.put("mean", s.mean().value());
    sample.put("stdError", s.mean().stdError());
    ObjectNode q = sample.putObject("quantiles");
    for (int i = 0; i < s.probabilities().length; i++) {
      q.put(Double.toString(s.probabilities()[i]), s.quantiles()[i]);
    }
    sample.put("truncationBinds", s.truncationBinds());
    ObjectNode eng = root.putObject("engine");
    eng.put("mean", res.limit().exact().mean());
    ObjectNode eq = eng.putObject("quantiles");
    for (double p : s.probabilities()) {
      eq.put(Double.toString(p), res.engineLaw().quantile(p));
    }
    eng.put("ks", s.ksDistance());
    eng.put("meanZ", res.meanZ());
    ObjectNode pap = root.putObject("paper");
    pap.put("mean", res.limit().paper().mean());
    pap.put("ks", res.ksPaper());
    root.put("ksCritical5", s.ksCritical5());
    root.put("consistentWithEngine", s.consistentAt5Percent());
    root.put("seconds", seconds);
    PrintWriter out = spec.commandLine().getOut();
    if (run.format == OutputFormat.JSON) {
      out.println(Json.pretty(root));
    } else {
      out.printf(Locale.ROOT, "twostage check factor  %s%n", Json.line(params));
      out.printf(Locale.ROOT, "  m*Rep(M_m) mean          %s ± %.2g  (R = %d)%n",
          LimitReport.fmt(s.mean().value()), s.mean().stdError(), reps);
      out.printf(Locale.ROOT, "  engine E||L||^2          %s   (z = %.2f)%n",
          LimitReport.fmt(res.limit().exact().mean()), res.meanZ());
      out.printf(Locale.ROOT, "  paper (Cor. 6.4) mean    %s%n", LimitReport.fmt(res.limit().paper().mean()));
      for (int i = 0; i < s.probabilities().length; i++) {
        out.printf(Locale.ROOT, "  quantile %-5s sample %s  engine %s%n", s.probabilities()[i],
            LimitReport.fmt(s.quantiles()[i]), LimitReport.fmt(res.engineLaw().quantile(s.probabilities()[i])));
      }
      out.printf(Locale.ROOT, "  Kolmogorov vs engine     %.4f   (5%% critical %.4f: %s)%n", s.ksDistance(),
          s.ksCritical5(), s.consistentAt5Percent() ? "consistent" : "REJECTED");
      out.printf(Locale.ROOT, "  Kolmogorov vs paper      %.4f%n", res.ksPaper());
      out.printf(Locale.ROOT, "  truncation (l_i - 1)_+ bound in %d replicates; %.2f s%n", s.truncationBinds(), seconds);
    }
    return 0;
  }
}
