package twostage.models.mixture;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import twostage.baseline.BaselineProblem;
import twostage.baseline.LocalChart;
import twostage.exec.Runner;
import twostage.random.Streams;
import twostage.simulate.TwoStageModel;
import twostage.spi.Baseline;
import twostage.spi.AbstractCaseStudy;
import twostage.spi.InstanceFile;
import twostage.spi.LimitEstimate;
import twostage.spi.ModelInstance;
import twostage.spi.Parameter;
import twostage.spi.Parameter.Role;
import twostage.spi.Settings;
import twostage.stats.GroupedSums;
import twostage.stats.Jackknife;
import twostage.theory.DownstreamMoments;
import twostage.theory.Interaction;
import twostage.theory.InteractionEstimate;
import twostage.theory.MonteCarloMoments;
import twostage.theory.TangentRank;

/**
 * The Gaussian mixture of Section 6.3 (Appendices J–K) as the registered case study {@code gmm}: K
 * equally weighted N(u⋆_i, I_d), EM pre-training, subspace-aware features (6.4). The generated
 * instance is Appendix K's (U⋆ = β I_{K,d}, θ⋆ blocks ∝ (1/i)1_{d+1} scaled to {@code --theta-norm});
 * an instance file gives the same five numbers {"K", "d", "beta", "thetaNorm", "sigma"} or a general
 * mixture {"centres" (K×d), "theta" (K×d), "bias" (K), "sigma"}. The limit is Monte Carlo: by the
 * exact dimension reduction (docs/gmm-dimension-reduction.md; cost independent of d) or directly on
 * all K·d centre coordinates.
 */
public final class MixtureCaseStudy extends AbstractCaseStudy {
  /** Largest K·d of {@code --method direct}: its moments are (K·d)² per jackknife group. */
  public static final long DIRECT_MAX_COORDINATES = 2000;

  /** Draws of [ψ; J] for d_base (far more than p + q; the same streams as the limit's moments). */
  static final long RANK_SAMPLES = 200_000;

  /** Design points of the local chart of the downstream-only class. */
  static final int CHART_SAMPLES = 20_000;

  static final List<Parameter> PARAMETERS = List.of(
      Parameter.integer("--K", 4, "Number of components K (>= 2)."),
      Parameter.integer("--d", 20, "Ambient dimension d (>= K)."),
      Parameter.real("--beta", 2, "Centre scale: u*_i = beta e_i.").range(1e-6, 1e6),
      Parameter.real("--theta-norm", 1, "Euclidean norm of theta* in ambient coordinates.").range(1e-30, 1e30),
      Parameter.real("--sigma", 0.5, "Label-noise standard deviation.").range(0, 1e30),
      Parameter.choice("--method", "reduced", List.of("reduced", "direct"), Role.LIMIT,
          "reduced: exact reduction to the K(K-1) intrinsic coordinates plus d-K+1 isotropic copies "
              + "(cost independent of d); direct: the engine on all K*d centre coordinates."),
      Parameter.count("--fisher-samples", 100_000, Role.LIMIT, "Monte Carlo samples for the Fisher information."),
      Parameter.count("--samples", 1_000_000, Role.LIMIT, "Monte Carlo samples for the downstream moments."),
      Parameter.choice("--start", "truth", List.of("truth", "kmeanspp"), Role.PIPELINE,
          "EM start: truth (the local asymptotics of Theorem 5.1) or kmeanspp."),
      Parameter.count("--restarts", 5, Role.PIPELINE, "k-means++ restarts (with --start kmeanspp)."),
      new Parameter("--em-tolerance", Parameter.Kind.REAL, "1e-9", List.of(), Role.PIPELINE,
          "EM stops when a step moves no centre coordinate by more than this.").range(1e-15, 1),
      Parameter.count("--em-max-passes", 2000, Role.PIPELINE, "Cap on EM passes over the data."),
      Parameter.count("--population-samples", 200_000, Role.PIPELINE,
          "Monte Carlo draws from mu_down per replicate for the population moments and Rep (Appendix K: 2e5)."));

  /** The registered case study {@code gmm}. */
  public MixtureCaseStudy() {
    super("gmm",
        "Gaussian mixture U* = beta I_{K,d}, theta* blocks ~ (1/i) 1_{d+1} (Section 6.3, Appendix K); EM pre-training.");
  }

  @Override
  public List<Parameter> parameters() {
    return PARAMETERS;
  }

  @Override
  public Map<String, String> preset(String study, String preset) {
    if (!study.equals("validate")) {
      return Map.of();
    }
    return preset.equals("paper")
        ? Map.of("--population-samples", "200000", "--fisher-samples", "1000000", "--samples", "2000000")
        : Map.of("--population-samples", "50000", "--fisher-samples", "200000", "--samples", "400000");
  }

  @Override
  public java.util.Optional<twostage.spi.DataModel> data() {
    return java.util.Optional.of(new MixtureData());
  }

  @Override
  public ModelInstance instance(Settings s) {
    return appendixK(s.integer("--K"), s.integer("--d"), s.real("--beta"), s.real("--theta-norm"),
        s.real("--sigma"), "generated", "--");
  }

  @Override
  public ModelInstance read(Map<String, Object> file, String source) {
    InstanceFile f = new InstanceFile(file, source);
    if (f.has("centres")) {
      f.onlyFields("centres", "theta", "bias", "sigma");
      try {
        return new Instance(new MixtureInstance(f.matrix("centres"), f.matrix("theta"), f.vector("bias"),
            f.number("sigma")), null, source);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--instance " + source + ": " + e.getMessage(), e);
      }
    }
    f.onlyFields("K", "d", "beta", "thetaNorm", "sigma");
    return appendixK(f.integer("K"), f.integer("d"), f.number("beta"), f.number("thetaNorm"),
        f.number("sigma"), source, "--instance " + source + ": field ");
  }

  private static ModelInstance appendixK(
      int k, int d, double beta, double thetaNorm, double sigma, String source, String prefix) {
    boolean cli = prefix.equals("--");
    String kName = cli ? "--K" : prefix + "'K'";
    String dName = cli ? "--d" : prefix + "'d'";
    if (k < 2) {
      throw new IllegalArgumentException(kName + " must be >= 2, got " + k);
    }
    if (d < k) {
      throw new IllegalArgumentException(dName + " must be >= " + (cli ? "--K" : "K") + " (centres beta*e_i), got d=" + d + ", K=" + k);
    }
    positive(cli ? "--beta" : prefix + "'beta'", beta);
    positive(cli ? "--theta-norm" : prefix + "'thetaNorm'", thetaNorm);
    if (!(sigma >= 0)) {
      throw new IllegalArgumentException((cli ? "--sigma" : prefix + "'sigma'") + " must be >= 0, got " + sigma);
    }
    twostage.spi.Resources.requireHeap(48.0 * k * d, (cli ? "--K " + k + " --d " + d : prefix + "'K', 'd'")
        + " (the centres and theta* are K x d arrays)");
    double[] params = {k, d, beta, thetaNorm, sigma};
    return new Instance(MixtureInstance.appendixK(k, d, beta, thetaNorm, sigma), params, source);
  }

  private static void positive(String name, double v) {
    if (!(v > 0)) {
      throw new IllegalArgumentException(name + " must be > 0, got " + v);
    }
  }

  /**
   * One mixture instance.
   *
   * @param appendixK (K, d, β, ‖θ⋆‖, σ) when the instance is Appendix K's, else null
   */
  public record Instance(MixtureInstance instance, double[] appendixK, String source) implements ModelInstance {
    @Override
    public String model() {
      return "gmm";
    }

    @Override
    public Map<String, Object> description() {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("source", source);
      p.put("K", instance.components());
      p.put("d", instance.dimension());
      if (appendixK != null) {
        p.put("beta", appendixK[2]);
        p.put("thetaNorm", appendixK[3]);
      }
      p.put("sigma", instance.sigma());
      return p;
    }

    @Override
    public Map<String, Object> toFile() {
      Map<String, Object> f = new LinkedHashMap<>();
      if (appendixK != null) {
        f.put("K", (int) appendixK[0]);
        f.put("d", (int) appendixK[1]);
        f.put("beta", appendixK[2]);
        f.put("thetaNorm", appendixK[3]);
      } else {
        f.put("centres", InstanceFile.rows(instance.centres()));
        f.put("theta", InstanceFile.rows(instance.theta()));
        f.put("bias", InstanceFile.list(instance.bias()));
      }
      f.put("sigma", instance.sigma());
      return f;
    }

    @Override
    public double sigma2() {
      return instance.sigma() * instance.sigma();
    }

    @Override
    public LimitEstimate limit(Settings s, long seed, Runner runner) {
      long fisher = s.count("--fisher-samples", MonteCarloMoments.DEFAULT_GROUPS, "one per jackknife group");
      long samples = s.count("--samples", MonteCarloMoments.DEFAULT_GROUPS, "one per jackknife group");
      int groups = MonteCarloMoments.DEFAULT_GROUPS;
      int k = instance.components();
      int d = instance.dimension();
      SubspaceGeometry geo = SubspaceGeometry.atTruth(instance.centres());
      Map<String, Object> details = new LinkedHashMap<>();
      LimitEstimate est;
      if (direct(s)) {
        InteractionEstimate e = MixtureLimit.compute(instance, fisher, samples, groups, seed, runner).estimate();
        details.put("fisherMinEigenvalue", e.interaction().diagnostics().hessianMinEigenvalue());
        est = LimitEstimate.monteCarlo(e, "fisher", details);
      } else {
        MixtureReduction.Result red = MixtureReduction.compute(instance, fisher, samples, groups, seed, runner);
        Interaction in = red.intrinsic();
        Jackknife jack = red.total();
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("fisher", red.fisherSamples());
        counts.put("downstream", red.downstreamSamples());
        counts.put("jackknifeGroups", (long) jack.groups());
        details.put("fisherMinEigenvalue",
            Math.min(in.diagnostics().hessianMinEigenvalue(), red.isotropicFisherMinEigenvalue()));
        details.put("intrinsicPart", red.intrinsicPart());
        details.put("perIsotropicDirection", red.perDirectionPart());
        details.put("isotropicMultiplicity", red.multiplicity());
        if (appendixK != null) {
          // Appendix K: Pθ⋆ = 0 and c² = ‖θ⋆‖²/((d+1)Σi⁻²), so (d+1)E‖L‖² = a + b d with
          // b = (d+1)·tr(R⁻¹A) and a = (d+1)·(tr(F_int⁻¹G_int) − r⋆·tr(R⁻¹A)), both free of d
          Map<String, Object> form = new LinkedHashMap<>();
          form.put("formula", "E||L||^2(d) = (a + b d)/(d + 1) at fixed K, beta");
          form.put("a", red.combination(d + 1.0, -(d + 1.0) * red.rank()).corrected());
          form.put("b", red.combination(0.0, d + 1.0).corrected());
          details.put("exactForm", form);
        }
        est = new LimitEstimate(new Interaction(jack.estimate(), red.weights(), in.dEff(), k * d,
            in.diagnostics()), jack.corrected(), jack.estimate(), counts, details);
      }
      est.details().put("subspaceRank", geo.rank());
      est.details().put("eigengap", geo.eigengap());
      est.details().put("featureRank", est.interaction().dEff());
      est.details().put("featureDimension", k * (geo.rank() + 1));
      return est;
    }

    /** True for {@code --method direct}, after checking its size rule. */
    private boolean direct(Settings s) {
      if (!s.choice("--method").equals("direct")) {
        return false;
      }
      long kd = (long) instance.components() * instance.dimension();
      if (kd > DIRECT_MAX_COORDINATES) {
        throw new IllegalArgumentException("--method direct needs K*d <= " + DIRECT_MAX_COORDINATES
            + " (its moments grow like (K*d)^2), got K*d=" + kd + "; use --method reduced");
      }
      return true;
    }

    @Override
    public double limitMemory(Settings s) {
      int k = instance.components();
      double q = direct(s) ? (double) k * instance.dimension() : (double) k * (k - 1);
      double row = (double) k * k + q + k;
      // per jackknife group: the Gram of the downstream rows and the Fisher sums, plus the engine's q×q work
      return 8.0 * (MonteCarloMoments.DEFAULT_GROUPS * (row * row + q * q) + 12 * q * q) + 24.0 * k * instance.dimension();
    }

    @Override
    public double limitCost(Settings s) {
      int k = instance.components();
      int q = s.choice("--method").equals("direct") ? k * instance.dimension() : k * (k - 1);
      int p = k * k;
      double row = p + q + k;
      // per sample: a Gram update of the row (ψ alone in the Fisher stage) plus drawing and evaluating
      // the sample (~800 + 20K² operations, measured); plus a fixed overhead per point
      double perSample = 800 + 20.0 * k * k;
      return s.count("--samples") * (row * row / 2 + perSample)
          + s.count("--fisher-samples") * (p * p / 2.0 + perSample) + 5e7;
    }

    @Override
    public TwoStageModel pipeline(Settings s) {
      MixtureTwoStage.Start start = s.choice("--start").equals("truth")
          ? MixtureTwoStage.Start.TRUTH : MixtureTwoStage.Start.KMEANS_PP;
      long restarts = s.count("--restarts", 1, "at least one start");
      double tol = s.real("--em-tolerance");
      long passes = s.count("--em-max-passes", 1, "at least one pass");
      long pop = s.count("--population-samples", 100, "enough draws for the population moments");
      if (pop > (1L << 25) || restarts > 1000 || passes > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("--population-samples must be <= 2^25, --restarts <= 1000 and "
            + "--em-max-passes <= 2^31-1, got " + pop + ", " + restarts + ", " + passes);
      }
      return new MixtureTwoStage(instance, new MixtureTwoStage.Options(start, (int) restarts,
          new MixtureEm(tol, (int) passes, true), pop));
    }

    @Override
    public Baseline baseline(Settings s, double rankTolerance, long seed, Runner runner) {
      long samples = s.count("--samples", MonteCarloMoments.DEFAULT_GROUPS, "one per jackknife group");
      MixtureDownstreamSampler sampler = new MixtureDownstreamSampler(instance);
      GroupedSums sums = MonteCarloMoments.downstream(sampler, Math.min(samples, RANK_SAMPLES),
          MonteCarloMoments.DEFAULT_GROUPS, seed, runner);
      DownstreamMoments m = MonteCarloMoments.toDownstream(
          sums.mean(), sampler.featureDimension(), sampler.parameterDimension());
      BaselineProblem problem = MixtureBaseline.problem(instance);
      return new Baseline(problem, TangentRank.baseline(m, rankTolerance),
          () -> LocalChart.at(problem, CHART_SAMPLES, rankTolerance, Streams.of(seed, 4)), false);
    }
  }
}
