package twostage.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import twostage.models.spectral.SpectralInstance;
import twostage.models.spectral.SpectralLimit;
import twostage.models.spectral.SpectralTwoStage;
import twostage.stats.Estimate;
import twostage.theory.Interaction;

/** {@code twostage validate spectral}: the diagonal instance of Corollary 6.3 (Section 6.1). */
@Command(
    name = "spectral",
    mixinStandardHelpOptions = true,
    description = {
      "Linear spectral pre-training on the instance of Corollary 6.3 (Sigma_pre = Sigma_down = I_d,",
      "Sigma+ = diag(1, 1/2, ..., 1/d), beta* = 1_k); empirical minimiser by Newton; downstream exact."
    })
public final class ValidateSpectralCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ValidateOptions opts;

  @Option(names = "--k", defaultValue = "2", description = "Representation dimension k (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--d", defaultValue = "5", description = "Dimension d >= k (default: ${DEFAULT-VALUE}).")
  int d;

  @Option(names = "--sigma", defaultValue = "0.5", description = "Label-noise sd (default: ${DEFAULT-VALUE}).")
  double sigma;

  @Override
  public Integer call() {
    long[] grid = opts.grid(Preset.QUICK_GRID, Preset.PAPER_GRID);
    Integer reps = opts.reps(300, 1000);
    opts.validate(spec, grid, reps);
    Check.atLeast(spec, "--k", k, 1);
    Check.rule(spec, d >= k, "--d must be >= --k, got d=" + d + ", k=" + k);
    Check.nonNegative(spec, "--sigma", sigma);
    for (long n : grid) {
      Check.rule(spec, Math.floor(opts.alpha() * n) >= d,
          "--n: the spectral estimator needs m = floor(alpha n) >= d = " + d + ", got n=" + n);
    }
    SpectralInstance inst = SpectralInstance.corollary63(k, d, sigma);
    Interaction inter = SpectralLimit.exact(inst);
    ObjectNode params = Json.object();
    params.put("k", k);
    params.put("d", d);
    params.put("sigma", sigma);
    List<String> notes = List.of(
        "empirical minimiser of the spectral loss by Newton on the horizontal space (SpectralEstimator)",
        "population moments and Rep exact (Gaussian x, linear features)");
    return new ValidationRun(spec, opts, new SpectralTwoStage(inst), params, notes).run(grid, reps,
        new ValidationRun.Limit(sigma * sigma, inter, Estimate.exact(inter.mean()), "exact (engine)"));
  }
}
