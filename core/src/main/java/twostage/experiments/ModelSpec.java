package twostage.experiments;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import twostage.simulate.TwoStageModel;
import twostage.spi.CaseStudy;
import twostage.spi.ModelInstance;
import twostage.spi.Parameter;
import twostage.spi.Settings;

/**
 * Which model a study runs, as data: the case study's name, the canonical values of its parameters,
 * and, when the instance comes from a file, the file's content (then the instance parameters are
 * not part of the spec). Serialisable and comparable, so it is a study's identity in manifests and
 * what a Spark task carries; {@link #instance()} rebuilds the model through the registry.
 *
 * @param model the case study's name
 * @param options canonical values of the parameters (without the instance ones when a file is given)
 * @param instanceFile the parsed instance file, or null for an instance defined by the options
 * @param instanceSource the file's name (for messages), or null
 */
public record ModelSpec(
    String model, Map<String, String> options, Map<String, Object> instanceFile, String instanceSource)
    implements Serializable {

  public ModelSpec {
    options = new LinkedHashMap<>(options);
    instanceFile = instanceFile == null ? null : new LinkedHashMap<>(instanceFile);
  }

  /**
   * The spec from user input: raw values of the case study's parameters and an optional instance
   * file.
   *
   * @throws IllegalArgumentException naming the option and the rule; instance options beside an
   *     instance file are refused (they would be ignored)
   */
  public static ModelSpec of(
      CaseStudy study, Map<String, String> given, Map<String, Object> instanceFile, String source) {
    List<Parameter> params = study.parameters();
    if (instanceFile != null) {
      for (Parameter p : params) {
        if (p.role() == Parameter.Role.INSTANCE && given.containsKey(p.name())) {
          throw new IllegalArgumentException(p.name() + " cannot be given with --instance (the file defines"
              + " the instance)");
        }
      }
      params = params.stream().filter(p -> p.role() != Parameter.Role.INSTANCE).toList();
    }
    Settings s = Settings.parse(params, given);
    ModelSpec spec = new ModelSpec(study.name(), s.values(), instanceFile, source);
    spec.instance();
    return spec;
  }

  /** The case study, from the registry. */
  public CaseStudy caseStudy() {
    return Models.registry().get(model);
  }

  /** The settings (limit, pipeline and, for a generated instance, instance values). */
  public Settings settings() {
    return Settings.of(options);
  }

  /** The instance, built once per process. */
  public ModelInstance instance() {
    return Models.cached(new Key("instance", this), k -> {
      CaseStudy s = caseStudy();
      return instanceFile != null ? s.read(instanceFile, instanceSource) : s.instance(settings());
    });
  }

  /** The finite-sample pipeline, built once per process. */
  public TwoStageModel pipeline() {
    return Models.cached(new Key("pipeline", this), k -> instance().pipeline(settings()));
  }

  /**
   * This spec with one parameter set to {@code raw} (checked against its kind).
   *
   * @throws IllegalArgumentException when the model has no such parameter, or it is an instance
   *     parameter of a spec whose instance comes from a file
   */
  public ModelSpec with(String option, String raw) {
    Parameter p = parameter(option);
    if (instanceFile != null && p.role() == Parameter.Role.INSTANCE) {
      throw new IllegalArgumentException(option + " cannot vary with --instance (the file defines the instance)");
    }
    return new ModelSpec(model, settings().with(p, raw).values(), instanceFile, instanceSource);
  }

  /** The declared parameter called {@code option}. */
  public Parameter parameter(String option) {
    return caseStudy().parameters().stream().filter(p -> p.name().equals(option)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("model " + model + " has no option " + option
            + "; its options: " + String.join(", ",
                caseStudy().parameters().stream().map(Parameter::name).toList())));
  }

  /** A key for per-process caches: what is built from a spec. */
  public record Key(String what, Object spec) {}
}
