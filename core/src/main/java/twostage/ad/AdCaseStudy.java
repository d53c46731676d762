package twostage.ad;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import twostage.exec.Runner;
import twostage.exec.SequentialRunner;
import twostage.experiments.ModelSpec;
import twostage.experiments.Models;
import twostage.simulate.TwoStageModel;
import twostage.spi.Baseline;
import twostage.spi.CaseStudy;
import twostage.spi.InstanceFile;
import twostage.spi.LimitEstimate;
import twostage.spi.ModelInstance;
import twostage.spi.Parameter;
import twostage.spi.Parameter.Role;
import twostage.spi.Settings;

/**
 * A {@link CaseStudy} for a model written once through the automatic-differentiation API
 * ({@link DifferentiableModel}): extend it with a name, the instance parameters and how to build the
 * model, register it in {@code META-INF/services/twostage.spi.CaseStudy}, and every command works for
 * it (docs/own-model.md). twostage derives the rest: w⋆ and θ⋆ when not given, the orbit, the checks
 * of Theorem 5.1 (a model where the theory does not apply is refused with what is wrong), the law from
 * Monte Carlo moments with its jackknife standard error, the finite-sample pipeline with the model's
 * estimator (by default: Newton on the empirical loss, from w⋆) and the downstream-only baseline.
 *
 * <p>The limit options it adds: {@code --pretraining-samples} and {@code --samples} (Monte Carlo sizes
 * of the law), {@code --pilot-samples} (behind the orbit and the checks); the pipeline option:
 * {@code --population-samples} (Monte Carlo population moments per replicate).
 */
public abstract class AdCaseStudy implements CaseStudy {
  /** The seed of the model's resolution (w⋆ search, θ⋆ projection, checks): a property of the model, not of a run. */
  public static final long RESOLUTION_SEED = 0x5E17E;

  /** Design points of the local chart of the downstream-only class. */
  static final int CHART_SAMPLES = 20_000;

  /** Draws of [ψ; J] behind d_base. */
  static final long RANK_SAMPLES = 200_000;

  /** The instance parameters (role {@link Role#INSTANCE}), with the defaults of every command. */
  protected abstract List<Parameter> instanceParameters();

  /**
   * The model for the instance values of {@code settings}.
   *
   * @throws IllegalArgumentException naming the option and the rule
   */
  protected abstract DifferentiableModel model(Settings settings);

  /**
   * The model of an instance file (the default: this model has no instance files).
   *
   * @throws IllegalArgumentException naming the file, the field and the rule
   */
  protected DifferentiableModel model(InstanceFile file) {
    throw new IllegalArgumentException("--instance: model " + name() + " has no instance files; use its options");
  }

  /** The instance as an instance file (the default: its option values). */
  protected Map<String, Object> toFile(DifferentiableModel model, Settings settings) {
    Map<String, Object> f = new LinkedHashMap<>();
    if (settings != null) {
      instanceParameters().forEach(p -> f.put(p.name().substring(2), settings.values().get(p.name())));
    }
    return f;
  }

  /** What people read about the instance (the default: its option values and dimensions). */
  protected Map<String, Object> describe(DifferentiableModel model, Settings settings, String source) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("source", source);
    if (settings != null) {
      instanceParameters().forEach(p -> d.put(p.name().substring(2), settings.values().get(p.name())));
    }
    d.put("parameterDimension", model.parameterDimension());
    d.put("featureDimension", model.featureDimension());
    return d;
  }

  @Override
  public List<Parameter> parameters() {
    List<Parameter> all = new ArrayList<>(instanceParameters());
    AnalysisOptions d = AnalysisOptions.defaults();
    all.add(Parameter.count("--pretraining-samples", d.pretrainingSamples(), Role.LIMIT,
        "Monte Carlo pre-training samples for H and S of the law."));
    all.add(Parameter.count("--samples", d.downstreamSamples(), Role.LIMIT,
        "Monte Carlo downstream samples for the moments of the law."));
    all.add(Parameter.count("--pilot-samples", d.pilotPretraining(), Role.LIMIT,
        "Samples per stage behind the orbit and the regularity checks."));
    all.add(Parameter.count("--population-samples", 200_000, Role.PIPELINE,
        "Monte Carlo draws from mu_down per replicate for the population moments and Rep."));
    return all;
  }

  @Override
  public ModelInstance instance(Settings settings) {
    DifferentiableModel m = model(settings);
    return new Instance(this, m, settings, "generated");
  }

  @Override
  public ModelInstance read(Map<String, Object> file, String source) {
    DifferentiableModel m = model(new InstanceFile(file, source));
    return new Instance(this, m, null, source);
  }

  /** The analysis options of the LIMIT values of {@code s}. */
  static AnalysisOptions options(Settings s) {
    long pilot = s.count("--pilot-samples", 20, "one per jackknife group");
    return AnalysisOptions.defaults()
        .withSamples(s.count("--pretraining-samples", 20, "one per jackknife group"),
            s.count("--samples", 20, "one per jackknife group"))
        .withPilot(pilot, pilot);
  }

  /**
   * One instance of an AD model. Its resolution (w⋆, θ⋆, orbit, checks) is computed once per process
   * and per analysis options, with {@link #RESOLUTION_SEED}.
   */
  public static final class Instance implements ModelInstance {
    private final AdCaseStudy study;
    private final DifferentiableModel model;
    private final Settings settings;
    private final String source;

    Instance(AdCaseStudy study, DifferentiableModel model, Settings settings, String source) {
      this.study = study;
      this.model = model;
      this.settings = settings;
      this.source = source;
    }

    /** The differentiable model. */
    public DifferentiableModel differentiable() {
      return model;
    }

    /** The resolved model (w⋆, θ⋆, checks passed), once per process and options. */
    public ResolvedModel resolved(AnalysisOptions options, Runner runner) {
      return Models.cached(new ModelSpec.Key("ad-resolved", List.of(this, options)),
          k -> ModelAnalysis.resolve(model, options, RESOLUTION_SEED, runner));
    }

    @Override
    public String model() {
      return study.name();
    }

    @Override
    public Map<String, Object> description() {
      return study.describe(model, settings, source);
    }

    @Override
    public Map<String, Object> toFile() {
      return study.toFile(model, settings);
    }

    @Override
    public double sigma2() {
      return model.noiseVariance();
    }

    @Override
    public LimitEstimate limit(Settings s, long seed, Runner runner) {
      AnalysisOptions o = options(s);
      ResolvedModel r = resolved(o, runner);
      ModelLaw law = ModelAnalysis.law(r, o, seed, runner);
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("parameterDimension", model.parameterDimension());
      details.put("orbitDimension", r.diagnostics().orbit().dimension());
      details.put("orbitSource", r.diagnostics().orbit().source().name().toLowerCase(java.util.Locale.ROOT));
      details.put("orbitEigengap", r.diagnostics().orbit().gap());
      if (r.truthSearch() != null) {
        details.put("truthGradientNorm", r.truthSearch().gradientNorm());
      }
      details.put("readoutProjected", r.readout().projected());
      return LimitEstimate.monteCarlo(law.estimate(), "pretraining", details);
    }

    @Override
    public TwoStageModel pipeline(Settings s) {
      long pop = s.count("--population-samples", 100, "enough draws for the population moments");
      return resolved(options(s), new SequentialRunner()).twoStage(pop);
    }

    @Override
    public Baseline baseline(Settings s, double rankTolerance, long seed, Runner runner) {
      ResolvedModel r = resolved(options(s), runner);
      return new Baseline(r.baseline(), r.baseRank(Math.min(options(s).downstreamSamples(), RANK_SAMPLES),
          rankTolerance, seed, runner), () -> r.chart(CHART_SAMPLES, rankTolerance, seed), false);
    }
  }
}
