package twostage.spi;

import java.util.List;
import java.util.Map;

/**
 * A model family that twostage can study: the paper's three case studies and any model a user adds.
 * Implementations are found through {@link java.util.ServiceLoader} (a line with the class name in
 * {@code META-INF/services/twostage.spi.CaseStudy}); {@link Registry} lists them. Every command
 * ({@code limit}, {@code validate}, {@code check}, {@code crossover}, {@code plan}, {@code sweep})
 * works for every registered case study through the parameters it declares.
 *
 * <p>What a case study supplies (docs/adding-a-model.md): a name, its {@link Parameter}s, how to build
 * an instance from them or from an instance file, and per instance ({@link ModelInstance}) σ², the
 * limit's inputs, the finite-sample pipeline and the downstream-only baseline.
 */
public interface CaseStudy {
  /** The name on the command line ({@code twostage limit NAME}); lower case, no spaces. */
  String name();

  /** One line of help. */
  String description();

  /**
   * The parameters, in display order: instance parameters (with the defaults of every command),
   * then the limit's and the pipeline's. Names must not clash with a command's own options
   * ({@code --alpha}, {@code --seed}, {@code --threads}, {@code --format}, {@code --out},
   * {@code --instance}, {@code --n}, {@code --reps}, {@code --m}, {@code --preset}, ...).
   */
  List<Parameter> parameters();

  /**
   * The instance defined by the {@link Parameter.Role#INSTANCE} values of {@code settings}.
   *
   * @throws IllegalArgumentException naming the option and the rule when the values do not define a
   *     valid instance
   */
  ModelInstance instance(Settings settings);

  /**
   * The instance written in an instance file (parsed JSON: numbers, lists, maps), the inverse of
   * {@link ModelInstance#toFile()}.
   *
   * @param source the file name, for messages
   * @throws IllegalArgumentException naming the file, the field and the rule (unknown fields included)
   */
  ModelInstance read(Map<String, Object> file, String source);

  /**
   * Values of this model's {@link Parameter.Role#LIMIT} and {@link Parameter.Role#PIPELINE}
   * parameters that a named preset of a study sets (explicit options still win). A preset never sets
   * the instance.
   *
   * @param study "validate", "check", ...
   * @param preset "quick" or "paper"
   */
  default Map<String, String> preset(String study, String preset) {
    return Map.of();
  }

  /**
   * The estimates from data that this case study offers ({@code plan MODEL --unlabeled F --labeled F}),
   * or empty when it offers none.
   */
  default java.util.Optional<DataModel> data() {
    return java.util.Optional.empty();
  }
}
