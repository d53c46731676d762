package twostage.ad.examples;

import java.util.List;
import java.util.function.Supplier;
import twostage.ad.DifferentiableModel;
import twostage.models.factor.FactorInstance;

/** The example models written through the automatic-differentiation API, by name. */
public final class AdExamples {
  /** Names accepted by {@link #of}. */
  public static final List<String> NAMES =
      List.of("factor-ad", "tied-autoencoder", "broken-features", "broken-hessian", "broken-hessian-undeclared");

  private AdExamples() {}

  /**
   * The model called {@code name}.
   *
   * @param factor the factor instance, asked for only by {@code factor-ad}
   * @throws IllegalArgumentException for an unknown name (the message lists the known ones)
   */
  public static DifferentiableModel of(String name, Supplier<FactorInstance> factor) {
    return switch (name) {
      case "factor-ad" -> new FactorAd(factor.get());
      case "tied-autoencoder" -> TiedAutoencoder.example();
      case "broken-features" -> BrokenModels.nonEquivariantFeatures();
      case "broken-hessian" -> BrokenModels.singularHessian(true);
      case "broken-hessian-undeclared" -> BrokenModels.singularHessian(false);
      default -> throw new IllegalArgumentException(
          "unknown model '" + name + "': known models are " + String.join(", ", NAMES));
    };
  }
}
