package twostage.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import twostage.ad.AutomaticDerivatives;
import twostage.ad.ModelAdapters;
import twostage.ad.AdCaseStudy;
import twostage.ad.DifferentiableModel;
import twostage.experiments.Models;
import twostage.spi.CaseStudy;
import twostage.spi.Settings;
import twostage.models.factor.FactorDownstream;
import twostage.models.factor.FactorInstance;
import twostage.models.factor.FactorModel;
import twostage.models.factor.FactorPretraining;
import twostage.random.Streams;
import twostage.theory.DownstreamSampler;
import twostage.theory.ScoreSampler;

/**
 * {@code twostage bench ad}: what automatic differentiation costs against the hand-written factor-model
 * derivatives, per sample on one thread, measured in the same run (read the ratios: timings drift on
 * shared machines). The automatic side is the registered model {@value #AD_MODEL} (the factor model
 * written through the AD API, examples/models, on {@code --model-path}); the hand side is the built-in
 * {@code factor} at the same instance. Both sides draw their x the same way.
 */
@Command(
    name = "ad",
    mixinStandardHelpOptions = true,
    description = {"Cost of automatic against hand-written derivatives (factor model): scores, Hessians, J(x).",
      "Needs the AD factor model: --model-path examples/models/target/classes (or its jar)."})
public final class BenchAdCommand implements Callable<Integer> {
  /** The registered AD model timed against the hand-written factor model. */
  static final String AD_MODEL = "factor-ad";

  @Spec CommandSpec spec;

  @Option(names = "--k", defaultValue = "3", description = "Factors k (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--d", defaultValue = "10", description = "Dimension d (default: ${DEFAULT-VALUE}).")
  int d;

  @Option(names = "--samples", defaultValue = "100000", converter = Counts.class,
      description = "Samples per timing of scores and J; a tenth of them for Hessians (default: ${DEFAULT-VALUE}).")
  long samples;

  @Option(names = "--repeats", defaultValue = "5", description = "Timed repeats; the minimum is reported.")
  int repeats;

  @Override
  public Integer call() {
    Check.atLeast(spec, "--k", k, 1);
    Check.rule(spec, d > k, "--d must be > --k, got d=" + d + ", k=" + k);
    Check.atLeast(spec, "--samples", samples, 100);
    Check.atLeast(spec, "--repeats", repeats, 1);
    if (!Models.registry().names().contains(AD_MODEL)) {
      throw new IllegalArgumentException("bench ad times the registered model '" + AD_MODEL + "' (the factor model"
          + " written through the AD API) against the hand-written factor model, and no model is registered as '"
          + AD_MODEL + "': add --model-path examples/models/target/classes (build it with mvn -pl examples/models"
          + " -am package)");
    }
    CaseStudy study = Models.registry().get(AD_MODEL);
    Settings settings = Settings.parse(study.parameters(),
        java.util.Map.of("--k", Integer.toString(k), "--d", Integer.toString(d), "--instance-seed", "1"));
    var adInstance = study.instance(settings);
    if (!(adInstance instanceof AdCaseStudy.Instance ai)) {
      throw new IllegalArgumentException("model '" + AD_MODEL + "' is not written through the AD API");
    }
    DifferentiableModel ad = ai.differentiable();
    // the hand-written side at the very same instance: factor reads factor-ad's instance file
    FactorInstance inst = ((twostage.models.factor.FactorCaseStudy.Instance)
        Models.registry().get("factor").read(adInstance.toFile(), AD_MODEL)).instance();
    FactorModel model = FactorModel.of(inst);
    int q = d * k;
    int n = (int) samples;
    int nh = Math.max(10, n / 10);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "bench ad: factor model d=%d k=%d (q=%d), %d samples (%d for Hessians), one thread%n",
        d, k, q, n, nh);

    ScoreSampler handScores = FactorPretraining.scoreSampler(model);
    ScoreSampler adScores = ModelAdapters.scores(ad, new AutomaticDerivatives(ad), ad.truth());
    double[] s = new double[n * q];
    row(out, "scores (with sampling x)",
        time(() -> run(() -> handScores.sample(Streams.of(1), n, s, null))) / n,
        time(() -> run(() -> adScores.sample(Streams.of(1), n, s, null))) / n);

    ScoreSampler handHessians = FactorPretraining.mEstimatorSampler(model);
    AutomaticDerivatives auto = new AutomaticDerivatives(ad);
    double[] x = new double[nh * d];
    ad.samplePretraining(Streams.of(2), nh, x);
    double[] hs = new double[q * q];
    double[] sh = new double[nh * q];
    double[] w = ad.truth();
    row(out, "scores + Hessians (per sample)",
        time(() -> run(() -> handHessians.sample(Streams.of(1), nh, sh, hs))) / nh,
        time(() -> run(() -> {
          double[] xi = new double[d];
          double[] g = new double[q];
          for (int i = 0; i < nh; i++) {
            System.arraycopy(x, i * d, xi, 0, d);
            auto.addHessian(w, xi, hs, g);
          }
        })) / nh);

    DownstreamSampler handDown = FactorDownstream.sampler(model);
    DownstreamSampler adDown = ModelAdapters.downstream(ad, auto, w, ad.readout());
    double[] psi = new double[n * k];
    double[] jac = new double[n * q];
    row(out, "features psi + Jacobian J (with sampling x)",
        time(() -> run(() -> handDown.sample(Streams.of(1), n, psi, jac))) / n,
        time(() -> run(() -> adDown.sample(Streams.of(1), n, psi, jac))) / n);
    return 0;
  }

  private long run(Runnable r) {
    long t0 = System.nanoTime();
    r.run();
    return System.nanoTime() - t0;
  }

  private double time(LongSupplier once) {
    once.getAsLong(); // warm-up (the JIT needs more than one pass for the automatic side)
    once.getAsLong();
    long best = Long.MAX_VALUE;
    for (int i = 0; i < repeats; i++) {
      best = Math.min(best, once.getAsLong());
    }
    return best;
  }

  private static void row(PrintWriter out, String name, double handNanos, double adNanos) {
    out.printf(Locale.ROOT, "  %-44s hand %10.0f ns   automatic %10.0f ns   ratio %6.1fx%n",
        name, handNanos, adNanos, adNanos / handNanos);
  }
}
