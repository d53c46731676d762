package twostage.models.spectral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import twostage.theory.AsymptoticEngine;
import twostage.theory.Interaction;

/** The structured exact limit against its definitions: the trace form of S and the generic engine. */
class SpectralExactTest {

  private static SpectralInstance[] instances() {
    return new SpectralInstance[] {
      SpectralFixtures.diagonal(),
      SpectralFixtures.correlated(),
      SpectralInstance.corollary63(3, 7, 0.5),
      SpectralInstance.corollary63(1, 4, 1.0),
    };
  }

  @Test
  void structuredScoreCovarianceEqualsTheTraceForm() {
    for (SpectralInstance inst : instances()) {
      SpectralGeometry g = SpectralGeometry.of(inst);
      DMatrixRMaj fast = SpectralExact.scoreCovariance(g);
      DMatrixRMaj slow = SpectralPopulation.scoreCovarianceByTraces(g);
      double scale = twostage.linalg.Sym.maxAbs(slow);
      for (int i = 0; i < slow.data.length; i++) {
        assertThat(fast.data[i]).as("%s entry %d", inst, i).isCloseTo(slow.data[i], within(1e-12 * scale));
      }
    }
  }

  @Test
  void structuredInteractionEqualsTheGenericEngine() {
    for (SpectralInstance inst : instances()) {
      Interaction fast = SpectralLimit.exact(inst);
      Interaction slow = SpectralLimit.exact(inst, new AsymptoticEngine());
      assertThat(fast.mean()).as("%s", inst).isCloseTo(slow.mean(), within(1e-10 * Math.abs(slow.mean())));
      assertThat(fast.dEff()).isEqualTo(slow.dEff());
      assertThat(fast.horizontalDimension()).isEqualTo(slow.horizontalDimension());
      assertThat(fast.weights()).hasSameSizeAs(slow.weights());
      for (int i = 0; i < slow.weights().length; i++) {
        assertThat(fast.weights()[i]).isCloseTo(slow.weights()[i], within(1e-10 * slow.weights()[0]));
      }
      double max = slow.diagnostics().hessianMaxEigenvalue();
      double min = slow.diagnostics().hessianMinEigenvalue();
      assertThat(fast.diagnostics().hessianMaxEigenvalue()).isCloseTo(max, within(1e-6 * Math.abs(max)));
      assertThat(fast.diagnostics().hessianMinEigenvalue()).isCloseTo(min, within(1e-6 * Math.abs(min)));
      assertThat(fast.diagnostics().hessianOrbitResidual()).isLessThan(1e-10);
    }
  }

  @Test
  void excessLossMeanEqualsTheEngineTrace() {
    for (SpectralInstance inst : instances()) {
      SpectralGeometry g = SpectralGeometry.of(inst);
      AsymptoticEngine engine = new AsymptoticEngine();
      DMatrixRMaj h = SpectralPopulation.hessian(inst, g.aStar());
      DMatrixRMaj basis = engine.horizontalBasis(h, g.orbitBasis());
      DMatrixRMaj hInv = twostage.linalg.Sym.pinv(twostage.linalg.Sym.congruence(basis, h), 1e-12);
      DMatrixRMaj s = twostage.linalg.Sym.congruence(basis, SpectralPopulation.scoreCovarianceByTraces(g));
      double expected = 0.5 * SpectralPopulation.traceProduct(hInv, s);
      assertThat(SpectralLimit.excessLossMean(inst)).isCloseTo(expected, within(1e-10 * Math.abs(expected)));
    }
  }
}
