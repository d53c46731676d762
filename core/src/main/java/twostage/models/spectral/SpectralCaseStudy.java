package twostage.models.spectral;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import twostage.exec.Runner;
import twostage.simulate.TwoStageModel;
import twostage.spi.Baseline;
import twostage.spi.AbstractCaseStudy;
import twostage.spi.InstanceFile;
import twostage.spi.LimitEstimate;
import twostage.spi.ModelInstance;
import twostage.spi.Parameter;
import twostage.spi.Parameter.Role;
import twostage.spi.Settings;
import twostage.theory.MonteCarloMoments;
import twostage.theory.TangentRank;

/**
 * Linear spectral contrastive pre-training (Section 6.1, Appendix H) as the registered case study
 * {@code spectral}: loss (6.2) over A ∈ R^{k×d}, downstream least squares on Ax. The generated
 * instance is Corollary 6.3's diagonal one (Σpre = Σdown = I, Σ⁺ = diag(1, 1/2, …, 1/d), β⋆ = 1);
 * an instance file gives {"sigmaPre", "sigmaPlus", "sigmaDown" (d×d), "k", "beta" (k), "sigma"}.
 */
public final class SpectralCaseStudy extends AbstractCaseStudy {
  static final List<Parameter> PARAMETERS = List.of(
      Parameter.integer("--k", 2, "Representation dimension k of the Corollary 6.3 instance."),
      Parameter.integer("--d", 4, "Input dimension d of the Corollary 6.3 instance (> k)."),
      Parameter.real("--sigma", 0.5, "Label-noise sd of the Corollary 6.3 instance.").range(0, 1e30),
      Parameter.choice("--method", "exact", List.of("exact", "montecarlo"), Role.LIMIT,
          "exact (analytic Hessian, Isserlis score covariance, Gaussian moments) or montecarlo."),
      Parameter.count("--pretraining-samples", 400_000, Role.LIMIT, "Monte Carlo pre-training triples for H and S (montecarlo)."),
      Parameter.count("--samples", 400_000, Role.LIMIT, "Monte Carlo downstream samples (montecarlo)."));

  /** The registered case study {@code spectral}. */
  public SpectralCaseStudy() {
    super("spectral",
        "Linear spectral contrastive pre-training (loss 6.2, Section 6.1); downstream least squares on Ax.");
  }

  @Override
  public List<Parameter> parameters() {
    return PARAMETERS;
  }

  @Override
  public ModelInstance instance(Settings s) {
    int k = s.integer("--k");
    int d = s.integer("--d");
    double sigma = s.real("--sigma");
    if (k < 1) {
      throw new IllegalArgumentException("--k must be >= 1, got " + k);
    }
    if (d <= k) {
      throw new IllegalArgumentException("--d must be > --k, got d=" + d + ", k=" + k);
    }
    if (!(sigma >= 0)) {
      throw new IllegalArgumentException("--sigma must be >= 0, got " + sigma);
    }
    twostage.spi.Resources.requireHeap(8.0 * 8 * d * d, "--d " + d + " (the d x d covariances)");
    return new Instance(SpectralInstance.corollary63(k, d, sigma), "corollary 6.3 (diagonal)");
  }

  @Override
  public ModelInstance read(Map<String, Object> file, String source) {
    InstanceFile f = new InstanceFile(file, source);
    f.onlyFields("sigmaPre", "sigmaPlus", "sigmaDown", "k", "beta", "sigma");
    try {
      return new Instance(new SpectralInstance(f.matrix("sigmaPre"), f.matrix("sigmaPlus"),
          f.matrix("sigmaDown"), f.integer("k"), f.vector("beta"), f.number("sigma")), source);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          e.getMessage().startsWith("--instance") ? e.getMessage() : "--instance " + source + ": " + e.getMessage(), e);
    }
  }

  /** One spectral instance. */
  public record Instance(SpectralInstance instance, String source) implements ModelInstance {
    @Override
    public String model() {
      return "spectral";
    }

    @Override
    public Map<String, Object> description() {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("source", source);
      p.put("k", instance.k());
      p.put("d", instance.dimension());
      p.put("sigma", instance.sigma());
      p.put("diagonal", instance.isDiagonal());
      p.put("beta", instance.beta());
      return p;
    }

    @Override
    public Map<String, Object> toFile() {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("sigmaPre", InstanceFile.rows(instance.sigmaPre()));
      f.put("sigmaPlus", InstanceFile.rows(instance.sigmaPlus()));
      f.put("sigmaDown", InstanceFile.rows(instance.sigmaDown()));
      f.put("k", instance.k());
      f.put("beta", InstanceFile.list(instance.beta()));
      f.put("sigma", instance.sigma());
      return f;
    }

    @Override
    public double sigma2() {
      return instance.sigma() * instance.sigma();
    }

    @Override
    public LimitEstimate limit(Settings s, long seed, Runner runner) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("orbitDimension", instance.orbitDimension());
      details.put("parameterDimension", instance.parameterDimension());
      if (s.choice("--method").equals("exact")) {
        return LimitEstimate.exact(SpectralLimit.exact(instance), details);
      }
      long pre = s.count("--pretraining-samples", MonteCarloMoments.DEFAULT_GROUPS, "one per jackknife group");
      long down = s.count("--samples", MonteCarloMoments.DEFAULT_GROUPS, "one per jackknife group");
      return LimitEstimate.monteCarlo(SpectralLimit.monteCarlo(instance, pre, down,
          MonteCarloMoments.DEFAULT_GROUPS, seed, runner), "pretraining", details);
    }

    @Override
    public java.util.Optional<twostage.theory.LimitInputs> exactInputs() {
      SpectralGeometry g = SpectralGeometry.of(instance);
      return java.util.Optional.of(new twostage.theory.LimitInputs(SpectralPopulation.pretraining(g),
          SpectralPopulation.downstream(g), g.orbitBasis()));
    }

    @Override
    public double limitMemory(Settings s) {
      double q = instance.parameterDimension();
      double d = instance.dimension();
      return s.choice("--method").equals("exact") ? 8.0 * (10 * q * q + 8 * d * d)
          : 8.0 * (MonteCarloMoments.DEFAULT_GROUPS * 3 * (q + instance.k()) * (q + instance.k()) + 10 * q * q);
    }

    @Override
    public double limitCost(Settings s) {
      double q = instance.parameterDimension();
      double d = instance.dimension();
      return s.choice("--method").equals("exact") ? 10 * q * q * q + 10 * d * d * d
          : (s.count("--pretraining-samples") * (q * q + q * d * d) + s.count("--samples") * (q + 2) * (q + 2) / 2)
              + 10 * q * q * q;
    }

    @Override
    public TwoStageModel pipeline(Settings s) {
      return new SpectralTwoStage(instance);
    }

    @Override
    public Baseline baseline(Settings s, double rankTolerance, long seed, Runner runner) {
      TangentRank base = TangentRank.baseline(
          SpectralPopulation.downstream(SpectralGeometry.of(instance)), rankTolerance);
      return new Baseline(SpectralBaseline.problem(instance), base,
          () -> SpectralBaseline.exactChart(instance, rankTolerance), true);
    }
  }
}
