package twostage.examples;

import java.util.List;
import twostage.ad.AdCaseStudy;
import twostage.ad.DifferentiableModel;
import twostage.spi.Parameter;
import twostage.spi.Parameter.Role;
import twostage.spi.Settings;

/**
 * {@code broken-hessian}: the example autoencoder with an extra coordinate whose loss s⁴ is flat to
 * second order ({@link BrokenModels#singularHessian}); every command refuses it (exit 2) because H is
 * singular off the orbit. {@code --orbit declared} declares the O(k) generators (H then has one null
 * direction more than the group); {@code --orbit null-space} lets twostage read the orbit from H.
 */
public final class BrokenHessianStudy extends AdCaseStudy {
  /** The registered case study {@code broken-hessian}. */
  public BrokenHessianStudy() {
    super("broken-hessian",
        "Deliberately broken: the autoencoder with a Hessian singular off the orbit (refused).");
  }

  @Override
  protected List<Parameter> instanceParameters() {
    return List.of(Parameter.choice("--orbit", "declared", List.of("declared", "null-space"), Role.INSTANCE,
        "declared: the O(k) generators are declared; null-space: the orbit is read from H."));
  }

  @Override
  protected DifferentiableModel model(Settings settings) {
    return BrokenModels.singularHessian(settings.choice("--orbit").equals("declared"));
  }
}
