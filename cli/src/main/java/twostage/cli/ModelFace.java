package twostage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import twostage.experiments.ModelSpec;
import twostage.report.Json;
import twostage.spi.CaseStudy;
import twostage.spi.Parameter;

/**
 * A command for one registered model: the model's {@link Parameter}s of the face's roles become
 * options of the command (added by {@link ModelFaces}), {@code --instance FILE} reads an instance
 * file instead, and {@link #model} turns what was typed into a {@link ModelSpec}.
 */
abstract class ModelFace implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--instance", paramLabel = "FILE",
      description = "Instance file (JSON) instead of the instance options (see README, instance files).")
  Path instance;

  /** The roles of a command about the limit law: the instance and how its limit is computed. */
  static final Set<Parameter.Role> LIMIT_ROLES =
      Collections.unmodifiableSet(EnumSet.of(Parameter.Role.INSTANCE, Parameter.Role.LIMIT));

  /** Every role: for a command that also runs the finite-sample pipeline. */
  static final Set<Parameter.Role> ALL_ROLES = Collections.unmodifiableSet(EnumSet.allOf(Parameter.Role.class));

  final CaseStudy study;

  private final Set<Parameter.Role> roles;

  /** A face that shows the parameters of {@link #LIMIT_ROLES}. */
  ModelFace(CaseStudy study) {
    this(study, LIMIT_ROLES);
  }

  /** A face that shows the parameters of {@code roles}. */
  ModelFace(CaseStudy study, Set<Parameter.Role> roles) {
    this.study = study;
    this.roles = roles;
  }

  /** The parameter roles this command shows. */
  Set<Parameter.Role> roles() {
    return roles;
  }

  /** True when this command also estimates from data ({@code --unlabeled}, {@code --labeled}). */
  boolean takesData() {
    return false;
  }

  /**
   * The values typed for the model's data options; every other option of the model, and each of
   * {@code populationOnly} of the command, is refused: with data, the data define the population.
   *
   * @throws IllegalArgumentException naming the option that does not apply
   */
  Map<String, String> dataOptions(String... populationOnly) {
    java.util.List<String> names = twostage.experiments.DataPlanStudy.optionNames(study);
    if (instance != null) {
      throw new IllegalArgumentException("--instance cannot be given with --unlabeled/--labeled (the data define "
          + "the population)");
    }
    for (String name : populationOnly) {
      if (typed(name) != null) {
        throw new IllegalArgumentException(name + " does not apply with --unlabeled/--labeled (the data give it)");
      }
    }
    Map<String, String> given = new LinkedHashMap<>();
    for (OptionSpec o : spec.options()) {
      String name = o.longestName();
      String value = typed(o);
      if (value == null) {
        continue;
      }
      boolean modelOption = study.parameters().stream().anyMatch(p -> p.name().equals(name));
      if (names.contains(name)) {
        given.put(name, value);
      } else if (modelOption) {
        throw new IllegalArgumentException(name + " does not apply with --unlabeled/--labeled (it describes a "
            + "known population or how its limit is computed; the data define both); the options of "
            + study.name() + " on data: " + String.join(", ", names));
      }
    }
    return given;
  }

  /** The last value typed for the option {@code name}; null when it was not typed or the command has no such option. */
  String typed(String name) {
    return typed(spec.findOption(name));
  }

  private static String typed(OptionSpec o) {
    if (o == null || o.originalStringValues().isEmpty()) {
      return null;
    }
    return o.originalStringValues().get(o.originalStringValues().size() - 1);
  }

  /** The model spec from the options typed. */
  ModelSpec model() {
    return model(Map.of());
  }

  /**
   * The model spec from the options typed, with {@code preset} values for the options not typed.
   *
   * @throws IllegalArgumentException naming the option and the rule
   */
  ModelSpec model(Map<String, String> preset) {
    Map<String, String> given = new LinkedHashMap<>();
    for (Parameter p : study.parameters()) {
      String value = roles().contains(p.role()) ? typed(p.name()) : null;
      if (value != null) {
        given.put(p.name(), value);
      } else if (preset.containsKey(p.name()) && p.role() != Parameter.Role.INSTANCE) {
        given.put(p.name(), preset.get(p.name()));
      }
    }
    if (instance == null) {
      return ModelSpec.of(study, given, null, null);
    }
    return ModelSpec.of(study, given, readInstance(instance), instance.toString());
  }

  /** Parses an instance file as JSON (numbers, lists, maps). */
  static Map<String, Object> readInstance(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("--instance: file " + file + " does not exist");
    }
    try {
      JsonNode node = Json.MAPPER.readTree(file.toFile());
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException("--instance " + file + " must hold a JSON object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> m = Json.MAPPER.convertValue(node, Map.class);
      return m;
    } catch (IOException e) {
      throw new IllegalArgumentException("--instance " + file + " is not valid JSON: "
          + e.getMessage().lines().findFirst().orElse(""));
    }
  }
}
