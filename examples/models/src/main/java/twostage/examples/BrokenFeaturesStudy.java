package twostage.examples;

import java.util.List;
import twostage.ad.AdCaseStudy;
import twostage.ad.DifferentiableModel;
import twostage.spi.Parameter;
import twostage.spi.Settings;

/**
 * {@code broken-features}: the example autoencoder with a feature that reads one code unit
 * ({@link BrokenModels#nonEquivariantFeatures()}); every command refuses it (exit 2) because the
 * features are not equivariant.
 */
public final class BrokenFeaturesStudy extends AdCaseStudy {
  /** The registered case study {@code broken-features}. */
  public BrokenFeaturesStudy() {
    super("broken-features",
        "Deliberately broken: the autoencoder with a feature that is not equivariant (refused).");
  }

  @Override
  protected List<Parameter> instanceParameters() {
    return List.of();
  }

  @Override
  protected DifferentiableModel model(Settings settings) {
    return BrokenModels.nonEquivariantFeatures();
  }
}
