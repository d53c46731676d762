package twostage.ad;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import twostage.exec.Runner;
import twostage.exec.SequentialRunner;
import twostage.experiments.ModelSpec;
import twostage.experiments.Models;
import twostage.simulate.TwoStageModel;
import twostage.spi.AbstractCaseStudy;
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
 * ({@link DifferentiableModel}). Extend it with a constructor giving a name and a description, the
 * instance parameters and how to build the model from their values; list the class in {@code META-INF/services/twostage.spi.CaseStudy};
 * put the jar or class directory on {@code --model-path}; and {@code limit}, {@code validate},
 * {@code check}, {@code crossover}, {@code plan}, {@code sweep} and {@code check-model} work for it
 * (docs/own-model.md).
 *
 * <p>twostage derives the rest: w⋆ and θ⋆ when not given, the orbit, the checks of Theorem 5.1 (a
 * model where the theory does not apply is refused with an {@link IllegalArgumentException} saying
 * what is wrong, exit code 2 on the command line), the law from Monte Carlo moments with its jackknife
 * standard error, the finite-sample pipeline with the pre-training estimator of {@link #estimator}
 * (by default the model's own, else damped Newton on the empirical loss from w⋆ on the horizontal
 * space) and the downstream-only baseline.
 *
 * <p>Instance files: by default an instance file holds the values of the instance parameters, one
 * field per option in camelCase ({@code --sigma-nu 0.5} is {@code "sigmaNu": 0.5}); a subclass with a
 * richer format (matrices, spectra) overrides {@link #model(InstanceFile)} and
 * {@link #toFile(DifferentiableModel, Settings)}. An instance read from a file writes that file back.
 *
 * <p>The options it adds: {@code --pretraining-samples} and {@code --samples} (Monte Carlo sizes of
 * the law) and {@code --pilot-samples} (behind w⋆, the orbit and the checks), role LIMIT;
 * {@code --population-samples} (Monte Carlo population moments per replicate, unused when the model
 * gives its representation in closed form), role PIPELINE; and the subclass's
 * {@link #pipelineParameters()}.
 */
public abstract class AdCaseStudy extends AbstractCaseStudy {
  /** The seed of the model's resolution (w⋆ search, θ⋆ projection, checks): a property of the model, not of a run. */
  public static final long RESOLUTION_SEED = 0x5E17E;

  /** Design points of the local chart of the downstream-only class. */
  static final int CHART_SAMPLES = 20_000;

  /** Draws of [ψ; J] behind d_base. */
  static final long RANK_SAMPLES = 200_000;

  /** Default Monte Carlo draws from µ_down per replicate for the population moments. */
  public static final long DEFAULT_POPULATION_SAMPLES = 200_000;

  /**
   * @param name the name on the command line (lower-case letters, digits, '-')
   * @param description one line of help
   */
  protected AdCaseStudy(String name, String description) {
    super(name, description);
  }

  /** The instance parameters (role {@link Role#INSTANCE}), with the defaults of every command. */
  protected abstract List<Parameter> instanceParameters();

  /**
   * The model for the instance values of {@code settings}.
   *
   * @throws IllegalArgumentException naming the option and the rule
   */
  protected abstract DifferentiableModel model(Settings settings);

  /**
   * The model of an instance file. The default reads the values of the instance parameters, one field
   * per option in camelCase ({@link #fieldName}), missing fields taking their defaults.
   *
   * @throws IllegalArgumentException naming the file, the field and the rule
   */
  protected DifferentiableModel model(InstanceFile file) {
    return model(optionsOf(file));
  }

  /**
   * The instance as an instance file, for a generated instance (an instance read from a file writes
   * that file back). The default: the values of the instance parameters, the inverse of the default
   * {@link #model(InstanceFile)}.
   */
  protected Map<String, Object> toFile(DifferentiableModel model, Settings settings) {
    Map<String, Object> f = new LinkedHashMap<>();
    for (Parameter p : instanceParameters()) {
      String v = settings.values().get(p.name());
      f.put(fieldName(p), switch (p.kind()) {
        case INTEGER -> Integer.parseInt(v);
        case COUNT -> Long.parseLong(v);
        case REAL -> Double.parseDouble(v);
        case CHOICE -> v;
      });
    }
    return f;
  }

  /**
   * What people read about the instance. The default: where it comes from, the instance parameters'
   * values (for a generated instance) and the dimensions.
   *
   * @param settings the settings of a generated instance, or null for one read from a file
   */
  protected Map<String, Object> describe(DifferentiableModel model, Settings settings, String source) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("source", source);
    if (settings != null) {
      instanceParameters().forEach(p -> d.put(fieldName(p), settings.values().get(p.name())));
    }
    d.put("parameterDimension", model.parameterDimension());
    d.put("featureDimension", model.featureDimension());
    return d;
  }

  /**
   * Extra parameters of the finite-sample pipeline (role {@link Role#PIPELINE}), read by
   * {@link #estimator}; none by default.
   */
  protected List<Parameter> pipelineParameters() {
    return List.of();
  }

  /**
   * The pre-training estimator of the finite-sample commands ({@code validate}, {@code check}). The
   * default: the model's own ({@link DifferentiableModel#estimator}) when it has one, else damped
   * Newton on the empirical loss with the automatic gradient and Hessian, from w⋆, on the horizontal
   * space ({@link EmpiricalRiskEstimator}). Override to let an option choose.
   *
   * @param resolved the model with w⋆, θ⋆ and the orbit
   * @param settings the pipeline's settings (values of {@link #pipelineParameters()} included)
   */
  protected PretrainingEstimator estimator(ResolvedModel resolved, Settings settings) {
    return resolved.defaultEstimator();
  }

  /** The instance-file field of an option: its name without the dashes, in camelCase. */
  public static String fieldName(Parameter p) {
    String[] parts = p.name().substring(2).split("-");
    StringBuilder b = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      if (!parts[i].isEmpty()) {
        b.append(parts[i].substring(0, 1).toUpperCase(Locale.ROOT)).append(parts[i].substring(1));
      }
    }
    return b.toString();
  }

  /**
   * The instance parameters' values held by an instance file of the default format.
   *
   * @throws IllegalArgumentException naming the file, the field and the rule (unknown fields included)
   */
  protected final Settings optionsOf(InstanceFile file) {
    List<Parameter> params = instanceParameters();
    file.onlyFields(params.stream().map(AdCaseStudy::fieldName).toArray(String[]::new));
    Map<String, String> given = new LinkedHashMap<>();
    for (Parameter p : params) {
      String f = fieldName(p);
      if (file.has(f)) {
        Object v = file.value(f);
        if (!(v instanceof Number || v instanceof String)) {
          throw new IllegalArgumentException("--instance " + file.source() + ": field '" + f
              + "' must be a number or a string, got " + v);
        }
        String raw = v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15
            ? Long.toString(d.longValue()) : v.toString();
        try {
          given.put(p.name(), Settings.canonical(p, raw));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("--instance " + file.source() + ": field '" + f + "': "
              + e.getMessage(), e);
        }
      }
    }
    return Settings.parse(params, given);
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
        "Samples per stage behind w*, the orbit and the regularity checks."));
    all.add(Parameter.count("--population-samples", DEFAULT_POPULATION_SAMPLES, Role.PIPELINE,
        "Monte Carlo draws from mu_down per replicate for the population moments and Rep"
            + " (unused when the model gives them in closed form)."));
    for (Parameter p : pipelineParameters()) {
      if (p.role() != Role.PIPELINE) {
        throw new IllegalStateException(name() + ": pipelineParameters() must have role PIPELINE: " + p.name());
      }
      all.add(p);
    }
    return all;
  }

  @Override
  public java.util.Optional<twostage.spi.DataModel> data() {
    return java.util.Optional.of(new AdData(this));
  }

  @Override
  public ModelInstance instance(Settings settings) {
    return new Instance(this, model(settings), settings, null, "generated");
  }

  @Override
  public ModelInstance read(Map<String, Object> file, String source) {
    DifferentiableModel m;
    try {
      m = model(new InstanceFile(file, source));
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("--instance")) {
        throw e;
      }
      throw new IllegalArgumentException("--instance " + source + ": " + e.getMessage(), e);
    }
    return new Instance(this, m, null, file, source);
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
   * and per pilot size, with {@link #RESOLUTION_SEED}; a model where the theory does not apply is
   * refused there, before any law or simulation.
   */
  public static final class Instance implements ModelInstance {
    private final AdCaseStudy study;
    private final DifferentiableModel model;
    private final Settings settings;
    private final Map<String, Object> file;
    private final String source;

    Instance(AdCaseStudy study, DifferentiableModel model, Settings settings, Map<String, Object> file,
        String source) {
      this.study = study;
      this.model = model;
      this.settings = settings;
      this.file = file == null ? null : new LinkedHashMap<>(file);
      this.source = source;
    }

    /** The differentiable model. */
    public DifferentiableModel differentiable() {
      return model;
    }

    /**
     * The resolved model (w⋆, θ⋆, checks passed), once per process and pilot size.
     *
     * @throws twostage.theory.RegularityException when the theory does not apply (what is wrong)
     */
    public ResolvedModel resolved(AnalysisOptions options, Runner runner) {
      AnalysisOptions resolution = options.withSamples(1, 1); // the law's sizes do not enter
      return Models.cached(new ModelSpec.Key("ad-resolved", List.of(this, resolution)),
          k -> ModelAnalysis.resolve(model, resolution, RESOLUTION_SEED, runner));
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
      return file != null ? new LinkedHashMap<>(file) : study.toFile(model, settings);
    }

    @Override
    public double sigma2() {
      return model.noiseVariance();
    }

    @Override
    public double limitCost(Settings s) {
      AnalysisOptions o = options(s);
      double q = model.parameterDimension();
      return o.pretrainingSamples() * q * (model.isMaximumLikelihood() ? 1 : q)
          + o.downstreamSamples() * q * model.featureDimension();
    }

    @Override
    public LimitEstimate limit(Settings s, long seed, Runner runner) {
      AnalysisOptions o = options(s);
      ResolvedModel r = resolved(o, runner);
      ModelLaw law = ModelAnalysis.law(r, o, seed, runner);
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("parameterDimension", model.parameterDimension());
      details.put("orbitDimension", r.diagnostics().orbit().dimension());
      details.put("orbitSource", r.diagnostics().orbit().source().name().toLowerCase(Locale.ROOT));
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
      ResolvedModel r = resolved(options(s), new SequentialRunner());
      return r.twoStage(study.estimator(r, s), pop);
    }

    @Override
    public Baseline baseline(Settings s, double rankTolerance, long seed, Runner runner) {
      ResolvedModel r = resolved(options(s), runner);
      return new Baseline(r.baseline(), r.baseRank(Math.min(options(s).downstreamSamples(), RANK_SAMPLES),
          rankTolerance, seed, runner), () -> r.chart(CHART_SAMPLES, rankTolerance, seed), false);
    }
  }
}
