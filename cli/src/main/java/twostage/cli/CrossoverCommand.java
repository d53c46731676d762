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

/**
 * {@code twostage crossover MODEL}: two-stage learning against downstream-only least squares over α
 * (end of Section 5, Figure 1).
 */
@Command(
    name = "crossover",
    mixinStandardHelpOptions = true,
    description = {
      "When does pre-training pay? sigma^2 d_eff + E||L||^2/alpha (two-stage) against sigma^2 d_base",
      "(downstream-only least squares over the whole class), the crossover alpha0, the quantile band",
      "of the two-stage law and a simulated downstream-only baseline. Writes crossover.json,",
      "crossover.csv and crossover.png/.svg to --out."
    },
    subcommands = {CrossoverCommand.Gmm.class, CrossoverCommand.Factor.class,
        CrossoverCommand.Spectral.class, CrossoverRedrawCommand.class})
public final class CrossoverCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "a model is required: gmm, spectral or factor");
  }

  /** Gaussian mixture (Section 6.3, Appendix K). */
  @Command(name = "gmm", mixinStandardHelpOptions = true,
      description = "Gaussian mixture U* = beta I_{K,d} (Appendix K); interaction by Monte Carlo.")
  static final class Gmm implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin GmmOptions gmm;
    @Mixin CrossoverOptions opts;
    @Mixin RunOptions run;

    @Override
    public Integer call() {
      opts.validate(spec);
      long t0 = System.nanoTime();
      CrossoverSetup s = Setups.gmm(spec, gmm, run, opts.rankTolerance);
      ObjectNode p = gmm.params(run.seed);
      return CrossoverRun.execute(spec, s, p, opts, run, t0);
    }
  }

  /** Factor model (Section 6.2). */
  @Command(name = "factor", mixinStandardHelpOptions = true,
      description = "Factor model x = A* h + mu (Section 6.2); exact moments.")
  static final class Factor implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin FactorOptions factor;
    @Mixin CrossoverOptions opts;
    @Mixin RunOptions run;

    @Override
    public Integer call() {
      opts.validate(spec);
      long t0 = System.nanoTime();
      FactorInstance inst = factor.instance(spec);
      CrossoverSetup s = Setups.factor(inst, opts.rankTolerance);
      ObjectNode p = factor.params(inst);
      p.put("seed", run.seed);
      return CrossoverRun.execute(spec, s, p, opts, run, t0);
    }
  }

  /** Linear spectral model (Section 6.1, Corollary 6.3 instance). */
  @Command(name = "spectral", mixinStandardHelpOptions = true,
      description = "Linear spectral pre-training, Corollary 6.3 instance (Section 6.1); exact moments.")
  static final class Spectral implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin SpectralOptions spectral;
    @Mixin CrossoverOptions opts;
    @Mixin RunOptions run;

    @Override
    public Integer call() {
      opts.validate(spec);
      long t0 = System.nanoTime();
      SpectralInstance inst = spectral.instance(spec);
      CrossoverSetup s = Setups.spectral(inst, opts.rankTolerance);
      ObjectNode p = spectral.params(inst);
      p.put("seed", run.seed);
      return CrossoverRun.execute(spec, s, p, opts, run, t0);
    }
  }
}
