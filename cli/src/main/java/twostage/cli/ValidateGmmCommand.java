package twostage.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import twostage.exec.ThreadPoolRunner;
import twostage.models.mixture.MixtureEm;
import twostage.models.mixture.MixtureInstance;
import twostage.models.mixture.MixtureLimit;
import twostage.models.mixture.MixtureReduction;
import twostage.models.mixture.MixtureTwoStage;
import twostage.theory.Interaction;
import twostage.theory.InteractionEstimate;

/** {@code twostage validate gmm}: Figures 3–4 of Appendix K for the Gaussian mixture. */
@Command(
    name = "gmm",
    mixinStandardHelpOptions = true,
    description = {
      "Gaussian mixture U* = beta I_{K,d}, theta* blocks ~ (1/i) 1_{d+1} (Appendix K); EM pre-training,",
      "population moments by Monte Carlo. Presets: quick (~1 min), paper (K=4, d=20, beta=2, alpha=2,",
      "sigma=0.5, theta-norm=10, n = round(geomspace(100, 1e5, 10)), 1000 replicates)."
    })
public final class ValidateGmmCommand implements Callable<Integer> {
  /** How EM starts. */
  public enum StartOption {
    truth, kmeanspp
  }

  @Spec CommandSpec spec;

  @Mixin ValidateOptions opts;

  @Option(names = "--K", defaultValue = "4", description = "Components K (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--d", defaultValue = "20", description = "Dimension d >= K (default: ${DEFAULT-VALUE}).")
  int d;

  @Option(names = "--beta", defaultValue = "2", description = "u*_i = beta e_i (default: ${DEFAULT-VALUE}).")
  double beta;

  @Option(names = "--theta-norm", defaultValue = "10",
      description = "Norm of theta* (default: ${DEFAULT-VALUE}; the paper does not state it for Figures 3-4).")
  double thetaNorm;

  @Option(names = "--sigma", defaultValue = "0.5", description = "Label-noise sd (default: ${DEFAULT-VALUE}).")
  double sigma;

  @Option(names = "--population-samples", converter = Counts.class,
      description = "Monte Carlo draws from mu_down per replicate (default: 2e5 as in Appendix K; quick: 5e4).")
  Long populationSamples;

  @Option(names = "--start", defaultValue = "truth",
      description = "EM start: truth (local asymptotics of Theorem 5.1) or kmeanspp (default: ${DEFAULT-VALUE}).")
  StartOption start;

  @Option(names = "--restarts", defaultValue = "5", description = "k-means++ restarts (default: ${DEFAULT-VALUE}).")
  int restarts;

  @Option(names = "--em-tolerance", defaultValue = "1e-9",
      description = "EM stops when a step moves no centre coordinate by more than this (default: ${DEFAULT-VALUE}).")
  double emTolerance;

  @Option(names = "--em-max-passes", defaultValue = "2000",
      description = "Cap on EM passes over the data (default: ${DEFAULT-VALUE}).")
  int emMaxPasses;

  @Option(names = "--limit-fisher-samples", converter = Counts.class,
      description = "Draws for the Fisher information of the limit (default: 1e6; quick: 2e5).")
  Long limitFisherSamples;

  @Option(names = "--limit-samples", converter = Counts.class,
      description = "Draws for the downstream moments of the limit (default: 2e6; quick: 4e5).")
  Long limitSamples;

  /** How the limit weights are computed. */
  public enum LimitMethod {
    reduced, direct
  }

  @Option(names = "--limit-method", defaultValue = "reduced",
      description = "Limit weights: reduced (exact reduction to intrinsic coordinates, MixtureReduction) or "
          + "direct (all K d coordinates, MixtureLimit) (default: ${DEFAULT-VALUE}).")
  LimitMethod limitMethod;

  @Override
  public Integer call() {
    long[] grid = opts.grid(Preset.QUICK_GRID, Preset.PAPER_GRID);
    Integer reps = opts.reps(200, 1000);
    opts.validate(spec, grid, reps);
    Check.atLeast(spec, "--K", k, 2);
    Check.rule(spec, d >= k, "--d must be >= --K (centres beta*e_i), got d=" + d + ", K=" + k);
    Check.positive(spec, "--beta", beta);
    Check.positive(spec, "--theta-norm", thetaNorm);
    Check.nonNegative(spec, "--sigma", sigma);
    boolean quick = opts.preset == Preset.QUICK;
    long pop = populationSamples != null ? populationSamples : quick ? 50_000 : 200_000;
    long fisher = limitFisherSamples != null ? limitFisherSamples : quick ? 200_000 : 1_000_000;
    long down = limitSamples != null ? limitSamples : quick ? 400_000 : 2_000_000;
    Check.atLeast(spec, "--population-samples", pop, 100);
    Check.rule(spec, pop <= (1L << 25), "--population-samples must be <= 2^25, got " + pop);
    Check.atLeast(spec, "--restarts", restarts, 1);
    Check.positive(spec, "--em-tolerance", emTolerance);
    Check.atLeast(spec, "--em-max-passes", emMaxPasses, 1);
    Check.atLeast(spec, "--limit-fisher-samples", fisher, 1000);
    Check.atLeast(spec, "--limit-samples", down, 1000);
    for (long n : grid) {
      Check.rule(spec, start == StartOption.truth || Math.floor(opts.alpha() * n) >= k,
          "--n: k-means++ needs m = floor(alpha n) >= K, got n=" + n);
    }

    MixtureInstance inst = MixtureInstance.appendixK(k, d, beta, thetaNorm, sigma);
    MixtureTwoStage.Start s = start == StartOption.truth ? MixtureTwoStage.Start.TRUTH : MixtureTwoStage.Start.KMEANS_PP;
    MixtureTwoStage model = new MixtureTwoStage(inst,
        new MixtureTwoStage.Options(s, restarts, new MixtureEm(emTolerance, emMaxPasses, true), pop));
    ValidationRun.Limit limit;
    try (ThreadPoolRunner runner = new ThreadPoolRunner(opts.threads())) {
      long limitSeed = opts.seed ^ 0x4C494D4954L;
      if (limitMethod == LimitMethod.direct) {
        InteractionEstimate est = MixtureLimit.compute(inst, fisher, down, 20, limitSeed, runner).estimate();
        limit = new ValidationRun.Limit(sigma * sigma, est.interaction(), est.interactionMean(),
            "Monte Carlo over all K d coordinates (MixtureLimit), jackknife bias-corrected mean");
      } else {
        MixtureReduction.Result red = MixtureReduction.compute(inst, fisher, down, 20, limitSeed, runner);
        Interaction in = red.intrinsic();
        Interaction full = new Interaction(red.total().estimate(), red.weights(), in.dEff(), k * d,
            in.diagnostics());
        limit = new ValidationRun.Limit(sigma * sigma, full, red.mean(),
            "Monte Carlo in intrinsic coordinates with the exact isotropic reduction (MixtureReduction), "
                + "jackknife bias-corrected mean");
      }
    }
    List<String> notes = new ArrayList<>();
    notes.add(s == MixtureTwoStage.Start.TRUTH
        ? "EM starts at the true centres U*: the local asymptotics Theorem 5.1 describes; accelerated by "
            + "Fisher scoring when m >= 50 K d, by SQUAREM otherwise; stops when an EM step moves no "
            + "coordinate by more than " + emTolerance
        : "EM starts from k-means++ seeds, best of " + restarts + " restarts by likelihood (SQUAREM); "
            + "stops when an EM step moves no coordinate by more than " + emTolerance);
    notes.add(String.format(Locale.ROOT,
        "theta-norm = %s: the paper does not state the norm of theta* used for Figures 3-4; 10 makes the "
            + "pre-training term visible next to the variance term", thetaNorm));
    notes.add(String.format(Locale.ROOT, "a fit is in another basin when a centre is farther than %.4g "
        + "(half the smallest distance between true centres) from U* after optimal relabelling",
        model.basinRadius()));
    notes.add("population moments and Rep from " + pop + " Monte Carlo draws per replicate (Rep as a mean "
        + "of squared residuals, with its standard error); the limit weights from " + fisher + " Fisher and "
        + down + " downstream draws (jackknife standard error)");
    ObjectNode params = Json.object();
    params.put("K", k);
    params.put("d", d);
    params.put("beta", beta);
    params.put("thetaNorm", thetaNorm);
    params.put("sigma", sigma);
    params.put("populationSamples", pop);
    params.put("start", start.name());
    params.put("restarts", s == MixtureTwoStage.Start.TRUTH ? 1 : restarts);
    params.put("emTolerance", emTolerance);
    params.put("emMaxPasses", emMaxPasses);
    ObjectNode limitParams = Json.object();
    limitParams.put("method", limitMethod.name());
    limitParams.put("fisherSamples", fisher);
    limitParams.put("samples", down);
    ValidationRun run = new ValidationRun(spec, opts, model, params, notes);
    return run.run(grid, reps, limit, limitParams);
  }
}
