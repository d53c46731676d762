package twostage.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import twostage.models.factor.FactorInstance;
import twostage.models.factor.FactorLimit;
import twostage.models.factor.FactorModel;
import twostage.models.factor.FactorTwoStage;
import twostage.stats.Estimate;
import twostage.theory.AsymptoticEngine;
import twostage.theory.Interaction;

/** {@code twostage validate factor}: the factor model of Section 6.2 (PPCA pre-training). */
@Command(
    name = "factor",
    mixinStandardHelpOptions = true,
    description = {
      "Factor model x = A* h + mu, y = beta*' h + nu with Gaussian A*, beta* drawn from --instance-seed;",
      "PPCA pre-training; everything downstream exact (Gaussian, linear features)."
    })
public final class ValidateFactorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ValidateOptions opts;

  @Option(names = "--k", defaultValue = "3", description = "Factors k (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--d", defaultValue = "10", description = "Dimension d >= k (default: ${DEFAULT-VALUE}).")
  int d;

  @Option(names = "--instance-seed", defaultValue = "1", description = "Seed of A*, beta* (default: ${DEFAULT-VALUE}).")
  long instanceSeed;

  @Option(names = "--sigma", defaultValue = "0.5",
      description = "sd of nu in y = beta*' h + nu (default: ${DEFAULT-VALUE}); the label noise is "
          + "sigma^2 = sd^2 + beta*'(I + A*'A*)^-1 beta*.")
  double sigmaNu;

  @Override
  public Integer call() {
    long[] grid = opts.grid(Preset.QUICK_GRID, Preset.PAPER_GRID);
    Integer reps = opts.reps(300, 1000);
    opts.validate(spec, grid, reps);
    Check.atLeast(spec, "--k", k, 1);
    Check.rule(spec, d >= k, "--d must be >= --k, got d=" + d + ", k=" + k);
    Check.nonNegative(spec, "--sigma", sigmaNu);
    FactorInstance inst = FactorInstance.generated(k, d, instanceSeed, sigmaNu);
    FactorTwoStage model = new FactorTwoStage(inst);
    FactorModel fm = model.model();
    Interaction inter = FactorLimit.exactInteraction(new AsymptoticEngine(), fm);
    ObjectNode params = Json.object();
    params.put("k", k);
    params.put("d", d);
    params.put("instanceSeed", instanceSeed);
    params.put("sigmaNu", sigmaNu);
    List<String> notes = List.of(
        "PPCA (Lemma I.1) on S_m drawn from its Wishart law (m >= d) or from m draws (m < d)",
        "sigma^2 = sigma_nu^2 + beta*'(I + A*'A*)^-1 beta* = " + fm.sigmaSquared()
            + " (derived; see docs/errata.md)",
        "population moments and Rep exact; design drawn as n Gaussian vectors (psi(x), f*(x))");
    return new ValidationRun(spec, opts, model, params, notes).run(grid, reps,
        new ValidationRun.Limit(fm.sigmaSquared(), inter, Estimate.exact(inter.mean()), "exact (engine)"));
  }
}
