package twostage.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import twostage.experiments.CrossoverSetup;
import twostage.models.factor.FactorInstance;
import twostage.models.spectral.SpectralInstance;
import twostage.theory.Crossover;
import twostage.theory.PretrainingPlan;

/**
 * {@code twostage plan MODEL --n N [--target-ratio R] [--m M]}: how many unlabeled samples make the
 * expected excess risk within R of the floor σ² d_eff, and whether pre-training beats the
 * downstream-only baseline at the user's m.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "How many unlabeled samples m do you need? m = alpha n with",
      "alpha = E||L||^2 / ((ratio - 1) sigma^2 d_eff), and does pre-training beat downstream-only",
      "least squares (sigma^2 d_base) at your m? Asymptotic (Theorem 5.1, end of Section 5)."
    },
    subcommands = {PlanCommand.Gmm.class, PlanCommand.Factor.class, PlanCommand.Spectral.class})
public final class PlanCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "a model is required: gmm, spectral or factor");
  }

  /** Gaussian mixture. */
  @Command(name = "gmm", mixinStandardHelpOptions = true,
      description = "Gaussian mixture U* = beta I_{K,d} (Appendix K); interaction by Monte Carlo.")
  static final class Gmm implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin GmmOptions gmm;
    @Mixin PlanOptions plan;
    @Mixin RunOptions run;

    @Override
    public Integer call() {
      plan.validate(spec);
      CrossoverSetup s = Setups.gmm(spec, gmm, run, plan.rankTolerance);
      return print(spec, s, gmm.params(run.seed), plan, run);
    }
  }

  /** Factor model. */
  @Command(name = "factor", mixinStandardHelpOptions = true,
      description = "Factor model x = A* h + mu (Section 6.2); exact moments.")
  static final class Factor implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin FactorOptions factor;
    @Mixin PlanOptions plan;
    @Mixin RunOptions run;

    @Override
    public Integer call() {
      plan.validate(spec);
      FactorInstance inst = factor.instance(spec);
      return print(spec, Setups.factor(inst, plan.rankTolerance), factor.params(inst), plan, run);
    }
  }

  /** Linear spectral model. */
  @Command(name = "spectral", mixinStandardHelpOptions = true,
      description = "Linear spectral pre-training, Corollary 6.3 instance (Section 6.1); exact moments.")
  static final class Spectral implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin SpectralOptions spectral;
    @Mixin PlanOptions plan;
    @Mixin RunOptions run;

    @Override
    public Integer call() {
      plan.validate(spec);
      SpectralInstance inst = spectral.instance(spec);
      return print(spec, Setups.spectral(inst, plan.rankTolerance), spectral.params(inst), plan, run);
    }
  }

  static int print(CommandSpec spec, CrossoverSetup s, ObjectNode params, PlanOptions o, RunOptions run) {
    Crossover c = s.crossover();
    PretrainingPlan p = PretrainingPlan.of(c, o.n, o.targetRatio, o.m == null ? -1 : o.m,
        s.interaction().horizontalDimension());
    if (run.format == OutputFormat.JSON) {
      ObjectNode j = Json.object();
      j.put("model", s.model());
      j.set("params", params);
      j.put("n", o.n);
      j.put("targetRatio", o.targetRatio);
      j.put("sigma2", c.sigma2());
      j.put("dEff", c.dEff());
      j.put("dBase", c.dBase());
      j.put("interactionMean", s.interactionMean().value());
      j.put("interactionStdError", s.interactionMean().stdError());
      j.put("floor", c.floor());
      j.put("downstreamOnly", c.downstreamOnly());
      j.put("reparametrisationOnly", c.reparametrisationOnly());
      j.put("alpha0", c.alpha0());
      j.put("mCrossover", p.mCrossover());
      j.put("alphaNeeded", p.alphaNeeded());
      j.put("mNeeded", p.mNeeded());
      if (p.hasUserM()) {
        ObjectNode u = j.putObject("atUserM");
        u.put("m", p.userM());
        u.put("alpha", p.userAlpha());
        u.put("expectedScaledExcess", p.userTwoStage());
        u.put("ratioToFloor", p.userRatio());
        u.put("pretrainingPays", p.userPretrainingPays());
      }
      j.set("warnings", Json.MAPPER.valueToTree(p.warnings()));
      j.put("explanation", p.explain());
      spec.commandLine().getOut().println(Json.pretty(j));
    } else {
      spec.commandLine().getOut().println(p.explain());
    }
    return 0;
  }
}
