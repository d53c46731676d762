package twostage.ad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import twostage.exec.SequentialRunner;
import twostage.theory.RegularityException;

/** The checks of Theorem 5.1 refuse a model where the theory does not apply, saying what is wrong. */
class RefusedModelsTest {
  private static final AnalysisOptions OPTIONS = AnalysisOptions.defaults().withPilot(5_000, 5_000);

  @Test
  void featuresThatAreNotEquivariantAreRefused() {
    DifferentiableModel m = new RingModel(RingModel.Variant.NOT_EQUIVARIANT);
    ModelDiagnostics d = ModelAnalysis.diagnose(
        m, ModelAdapters.derivatives(m), m.truth(), m.readout(), OPTIONS, 1, new SequentialRunner());
    assertThat(d.equivarianceResidual()).isGreaterThan(0.01);
    assertThat(d.orbitInteraction()).isGreaterThan(0.01);
    assertThatThrownBy(() -> ModelAnalysis.run(m, OPTIONS, 1, new SequentialRunner()))
        .isInstanceOf(RegularityException.class)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ring-not-equivariant")
        .hasMessageContaining("features are not equivariant")
        .hasMessageContaining("L does not vanish on the orbit");
  }

  @Test
  void aHessianSingularOffTheDeclaredOrbitIsRefused() {
    DifferentiableModel m = new RingModel(RingModel.Variant.SINGULAR_HESSIAN);
    assertThatThrownBy(() -> ModelAnalysis.run(m, OPTIONS, 1, new SequentialRunner()))
        .isInstanceOf(RegularityException.class)
        .hasMessageContaining("H is singular off the orbit: H has 2 null directions")
        .hasMessageContaining("declared group spans 1");
  }

  @Test
  void theUnbrokenModelPassesTheSameChecks() {
    ResolvedModel r = ModelAnalysis.resolve(new RingModel(), OPTIONS, 1, new SequentialRunner());
    ModelDiagnostics d = r.diagnostics();
    assertThat(d.failures()).isEmpty();
    assertThat(d.equivarianceResidual()).isLessThan(1e-10);
    assertThat(d.orbitInteraction()).isLessThan(1e-10);
    assertThat(d.scoreOrbitResidual()).isLessThan(1e-10);
  }
}
