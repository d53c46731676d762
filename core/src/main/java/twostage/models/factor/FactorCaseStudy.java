package twostage.models.factor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import twostage.exec.Runner;
import twostage.spi.Baseline;
import twostage.spi.AbstractCaseStudy;
import twostage.spi.InstanceFile;
import twostage.spi.LimitEstimate;
import twostage.spi.ModelInstance;
import twostage.spi.Parameter;
import twostage.spi.Parameter.Role;
import twostage.spi.Settings;
import twostage.simulate.TwoStageModel;
import twostage.theory.AsymptoticEngine;
import twostage.theory.MonteCarloMoments;
import twostage.theory.TangentRank;

/**
 * The factor model of Section 6.2 (Appendix I) as a registered case study {@code factor}: x = A⋆h + µ,
 * y = β⋆ᵀh + ν, PPCA pre-training, features ψ(x, A) = Aᵀ(I + AAᵀ)⁻¹x. An instance is generated
 * (Gaussian A⋆ and β⋆ from {@code --instance-seed}) or read from a file {"A": d rows of k, "beta": k,
 * "sigmaNu"}; the limit is exact (Fisher information and Gaussian moments) or Monte Carlo.
 */
public final class FactorCaseStudy extends AbstractCaseStudy {
  static final List<Parameter> PARAMETERS = List.of(
      Parameter.integer("--k", 2, "Number of factors k of a generated instance."),
      Parameter.integer("--d", 5, "Dimension d of a generated instance (> k)."),
      Parameter.real("--sigma-nu", FactorInstance.DEFAULT_SIGMA_NU,
          "sd of nu in y = beta*'h + nu; the label noise is sigma^2 = sd^2 + beta*'(I + A*'A*)^-1 beta*.")
          .range(0, 1e30),
      Parameter.count("--instance-seed", 1, Role.INSTANCE, "Seed of the Gaussian A* and beta* of a generated instance."),
      Parameter.choice("--method", "exact", List.of("exact", "montecarlo"), Role.LIMIT,
          "exact (closed-form Fisher information and Gaussian moments) or montecarlo."),
      Parameter.count("--pretraining-samples", 400_000, Role.LIMIT, "Monte Carlo pre-training samples for H and S (montecarlo)."),
      Parameter.count("--samples", 400_000, Role.LIMIT, "Monte Carlo downstream samples (montecarlo)."));

  /** The registered case study {@code factor}. */
  public FactorCaseStudy() {
    super("factor",
        "Factor model x = A* h + mu, y = beta*'h + nu (Section 6.2); PPCA pre-training; features A'(I + AA')^-1 x.");
  }

  @Override
  public List<Parameter> parameters() {
    return PARAMETERS;
  }

  @Override
  public java.util.Optional<twostage.spi.DataModel> data() {
    return java.util.Optional.of(new FactorData());
  }

  @Override
  public ModelInstance instance(Settings s) {
    long seed = s.count("--instance-seed");
    FactorInstance inst = generated(s.integer("--k"), s.integer("--d"), s.real("--sigma-nu"), seed);
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("source", "generated");
    source.put("instanceSeed", seed);
    return new Instance(inst, source);
  }

  /**
   * The generated instance of the options {@code --k}, {@code --d}, {@code --sigma-nu} and
   * {@code --instance-seed} (Gaussian A⋆ and β⋆ from the seed).
   *
   * @throws IllegalArgumentException naming the option and the rule
   */
  public static FactorInstance generated(int k, int d, double sigmaNu, long seed) {
    if (k < 1) {
      throw new IllegalArgumentException("--k must be >= 1, got " + k);
    }
    if (d <= k) {
      throw new IllegalArgumentException("--d must be > --k, got d=" + d + ", k=" + k);
    }
    twostage.spi.Resources.requireHeap(8.0 * 6 * d * (double) d, "--d " + d + " (the d x d covariances)");
    if (!(sigmaNu >= 0)) {
      throw new IllegalArgumentException("--sigma-nu must be >= 0, got " + sigmaNu);
    }
    return FactorInstance.generated(k, d, seed, sigmaNu);
  }

  @Override
  public ModelInstance read(Map<String, Object> file, String source) {
    InstanceFile f = new InstanceFile(file, source);
    f.onlyFields("A", "beta", "sigmaNu");
    FactorInstance inst;
    try {
      inst = FactorInstance.of(f.matrix("A"), f.vector("beta"), f.number("sigmaNu", FactorInstance.DEFAULT_SIGMA_NU));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--instance " + source + ": " + e.getMessage(), e);
    }
    return new Instance(inst, Map.of("source", source));
  }

  /** One factor instance. */
  public record Instance(FactorInstance instance, Map<String, Object> origin) implements ModelInstance {
    @Override
    public String model() {
      return "factor";
    }

    @Override
    public Map<String, Object> description() {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("source", origin.get("source"));
      p.put("k", instance.k());
      p.put("d", instance.d());
      p.put("sigmaNu", instance.sigmaNu());
      if (origin.containsKey("instanceSeed")) {
        p.put("instanceSeed", origin.get("instanceSeed"));
      }
      p.put("singularValues", instance.singularValues());
      p.put("beta", instance.beta());
      return p;
    }

    @Override
    public Map<String, Object> toFile() {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("A", InstanceFile.rows(instance.a()));
      f.put("beta", InstanceFile.list(instance.beta()));
      f.put("sigmaNu", instance.sigmaNu());
      return f;
    }

    @Override
    public double sigma2() {
      return FactorModel.of(instance).sigmaSquared();
    }

    @Override
    public LimitEstimate limit(Settings s, long seed, Runner runner) {
      FactorModel model = FactorModel.of(instance);
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("orbitDimension", model.k() * (model.k() - 1) / 2);
      details.put("parameterDimension", model.d() * model.k());
      AsymptoticEngine engine = new AsymptoticEngine();
      if (s.choice("--method").equals("exact")) {
        return LimitEstimate.exact(FactorLimit.exactInteraction(engine, model), details);
      }
      long pre = s.count("--pretraining-samples", MonteCarloMoments.DEFAULT_GROUPS, "one per jackknife group");
      long down = s.count("--samples", MonteCarloMoments.DEFAULT_GROUPS, "one per jackknife group");
      return LimitEstimate.monteCarlo(FactorLimit.monteCarlo(engine, instance, pre, down,
          MonteCarloMoments.DEFAULT_GROUPS, seed, runner), "pretraining", details);
    }

    @Override
    public java.util.Optional<twostage.theory.LimitInputs> exactInputs() {
      FactorModel model = FactorModel.of(instance);
      return java.util.Optional.of(new twostage.theory.LimitInputs(FactorPretraining.moments(model),
          FactorDownstream.moments(model), FactorPretraining.orbitBasis(model)));
    }

    @Override
    public double limitMemory(Settings s) {
      double q = (double) instance.d() * instance.k();
      double d = instance.d();
      return s.choice("--method").equals("exact") ? 8.0 * (10 * q * q + 8 * d * d)
          : 8.0 * (MonteCarloMoments.DEFAULT_GROUPS * 3 * (q + instance.k()) * (q + instance.k()) + 10 * q * q);
    }

    @Override
    public double limitCost(Settings s) {
      double q = (double) instance.d() * instance.k();
      double d = instance.d();
      return s.choice("--method").equals("exact") ? 10 * q * q * q + 10 * d * d * d
          : (s.count("--pretraining-samples") * q * q + s.count("--samples") * (q + instance.k()) * (q + instance.k()) / 2)
              + 10 * q * q * q;
    }

    @Override
    public TwoStageModel pipeline(Settings s) {
      return new FactorTwoStage(instance);
    }

    @Override
    public Baseline baseline(Settings s, double rankTolerance, long seed, Runner runner) {
      TangentRank base = TangentRank.baseline(FactorDownstream.moments(FactorModel.of(instance)), rankTolerance);
      return new Baseline(FactorBaseline.problem(instance), base,
          () -> FactorBaseline.exactChart(instance, rankTolerance), true);
    }
  }
}
