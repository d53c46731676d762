package twostage.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import twostage.ad.AnalysisOptions;
import twostage.ad.DifferentiableModel;
import twostage.ad.ModelAdapters;
import twostage.ad.ModelAnalysis;
import twostage.ad.ModelDiagnostics;
import twostage.ad.ResolvedModel;
import twostage.exec.SequentialRunner;
import twostage.theory.RegularityException;

class BrokenModelsTest {
  private static final AnalysisOptions OPTIONS = AnalysisOptions.defaults().withPilot(5_000, 5_000);

  @Test
  void nonEquivariantFeaturesAreRefused() {
    DifferentiableModel m = BrokenModels.nonEquivariantFeatures();
    ModelDiagnostics d = ModelAnalysis.diagnose(
        m, ModelAdapters.derivatives(m), m.truth(), m.readout(), OPTIONS, 1, new SequentialRunner());
    assertThat(d.equivarianceResidual()).isGreaterThan(0.01);
    assertThat(d.orbitInteraction()).isGreaterThan(0.01);
    assertThat(d.hessianOffOrbit()).isGreaterThan(d.hessianThreshold());
    assertThatThrownBy(() -> ModelAnalysis.run(m, OPTIONS, 1, new SequentialRunner()))
        .isInstanceOf(RegularityException.class)
        .hasMessageContaining("broken-features")
        .hasMessageContaining("features are not equivariant")
        .hasMessageContaining("L does not vanish on the orbit");
  }

  @Test
  void hessianSingularOffTheDeclaredOrbitIsRefused() {
    DifferentiableModel m = BrokenModels.singularHessian(true);
    assertThatThrownBy(() -> ModelAnalysis.run(m, OPTIONS, 1, new SequentialRunner()))
        .isInstanceOf(RegularityException.class)
        .hasMessageContaining("H is singular off the orbit: H has 2 null directions")
        .hasMessageContaining("declared group spans 1")
        .hasMessageContaining("smallest eigenvalue on the horizontal space");
  }

  @Test
  void hessianSingularOffAnUndeclaredOrbitIsRefused() {
    DifferentiableModel m = BrokenModels.singularHessian(false);
    assertThatThrownBy(() -> ModelAnalysis.run(m, OPTIONS, 1, new SequentialRunner()))
        .isInstanceOf(RegularityException.class)
        .hasMessageContaining("features are not equivariant")
        .hasMessageContaining("H is singular off the orbit");
  }

  @Test
  void theUnbrokenAutoencoderPassesTheSameChecks() {
    DifferentiableModel m = TiedAutoencoder.example();
    ResolvedModel r = ModelAnalysis.resolve(m, OPTIONS, 1, new SequentialRunner());
    ModelDiagnostics d = r.diagnostics();
    assertThat(d.failures()).isEmpty();
    assertThat(d.equivarianceResidual()).isLessThan(1e-10);
    assertThat(d.representationSkewness()).isLessThan(1e-8);
    assertThat(d.orbitInteraction()).isLessThan(1e-10);
    assertThat(d.scoreOrbitResidual()).isLessThan(1e-10);
  }
}
