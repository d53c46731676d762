package twostage.models.spectral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import twostage.linalg.SymmetricEigen;
import twostage.theory.AsymptoticEngine;
import twostage.theory.Interaction;
import twostage.errata.spectral.SpectralCorrected;
import twostage.errata.spectral.SpectralPaper;
import twostage.errata.ClosedFormLaw;

class SpectralLimitTest {

  @Test
  void gradientAndHessianMatchFiniteDifferencesOfThePopulationLoss() {
    for (SpectralInstance inst : new SpectralInstance[] {SpectralFixtures.correlated(), SpectralFixtures.diagonal()}) {
      SpectralGeometry g = SpectralGeometry.of(inst);
      DMatrixRMaj a = g.aStar().copy();
      for (int i = 0; i < a.getNumElements(); i++) {
        a.data[i] += 0.1 * Math.sin(3.0 * i + 1); // away from the minimiser too
      }
      int q = a.getNumElements();
      double h = 1e-5;
      DMatrixRMaj grad = SpectralPopulation.gradient(inst, a);
      DMatrixRMaj hess = SpectralPopulation.hessian(inst, a);
      for (int u = 0; u < q; u++) {
        DMatrixRMaj plus = a.copy();
        DMatrixRMaj minus = a.copy();
        plus.data[u] += h;
        minus.data[u] -= h;
        double fd = (SpectralPopulation.loss(inst, plus) - SpectralPopulation.loss(inst, minus)) / (2 * h);
        assertThat(grad.data[u]).isCloseTo(fd, within(1e-7));
        DMatrixRMaj gp = SpectralPopulation.gradient(inst, plus);
        DMatrixRMaj gm = SpectralPopulation.gradient(inst, minus);
        for (int v = 0; v < q; v++) {
          assertThat(hess.get(v, u)).isCloseTo((gp.data[v] - gm.data[v]) / (2 * h), within(1e-6));
        }
      }
      // A⋆ is a critical point
      assertThat(CommonOps_DDRM.elementMaxAbs(SpectralPopulation.gradient(inst, g.aStar()))).isLessThan(1e-12);
    }
  }

  @Test
  void orbitDirectionsAreExactlyTheNullSpaceOfTheHessianAndCarryNoInteraction() {
    for (SpectralInstance inst : new SpectralInstance[] {
        SpectralInstance.corollary63(3, 5), SpectralFixtures.correlated(), SpectralFixtures.diagonal()}) {
      SpectralGeometry g = SpectralGeometry.of(inst);
      DMatrixRMaj hess = SpectralPopulation.hessian(inst, g.aStar());
      double[] ev = SymmetricEigen.of(hess).values();
      int o = inst.orbitDimension();
      int q = inst.parameterDimension();
      for (int i = 0; i < q; i++) {
        if (i >= q - o) {
          assertThat(Math.abs(ev[i])).isLessThan(1e-12 * ev[0]);
        } else {
          assertThat(ev[i]).isGreaterThan(1e-6 * ev[0]);
        }
      }
      DMatrixRMaj orbit = g.orbitBasis();
      DMatrixRMaj ho = new DMatrixRMaj(q, o);
      CommonOps_DDRM.mult(hess, orbit, ho);
      assertThat(CommonOps_DDRM.elementMaxAbs(ho)).isLessThan(1e-12 * ev[0]);
      // L vanishes on orbit directions: G·orbit = 0
      DMatrixRMaj gram = new AsymptoticEngine().residualGram(SpectralPopulation.downstream(g));
      DMatrixRMaj go = new DMatrixRMaj(q, o);
      CommonOps_DDRM.mult(gram, orbit, go);
      assertThat(CommonOps_DDRM.elementMaxAbs(go)).isLessThan(1e-12);
      Interaction it = SpectralLimit.exact(inst);
      assertThat(it.horizontalDimension()).isEqualTo(q - o);
      assertThat(it.dEff()).isEqualTo(inst.k());
    }
  }

  @Test
  void exactEngineAgreesWithTheCorrectedClosedFormTo1e9() {
    SpectralInstance[] instances = {
      SpectralInstance.corollary63(1, 3), SpectralInstance.corollary63(2, 4),
      SpectralInstance.corollary63(3, 7), SpectralFixtures.diagonal()
    };
    for (SpectralInstance inst : instances) {
      Interaction exact = SpectralLimit.exact(inst);
      ClosedFormLaw c = SpectralCorrected.weights(inst);
      assertThat(exact.mean()).isCloseTo(c.mean(), within(1e-9 * c.mean()));
      for (int j = 0; j < c.weights().length; j++) {
        assertThat(exact.weights()[j]).isCloseTo(c.weights()[j], within(1e-9 * c.mean()));
      }
      for (int j = c.weights().length; j < exact.weights().length; j++) {
        assertThat(exact.weights()[j]).isCloseTo(0, within(1e-9 * c.mean()));
      }
      assertThat(SpectralLimit.excessLossMean(inst))
          .isCloseTo(SpectralCorrected.excessLossMean(inst), within(1e-9 * SpectralCorrected.excessLossMean(inst)));
    }
    for (int[] kd : new int[][] {{1, 2}, {2, 4}, {3, 6}, {4, 9}}) {
      ClosedFormLaw general = SpectralCorrected.weights(SpectralInstance.corollary63(kd[0], kd[1]));
      ClosedFormLaw cor = SpectralCorrected.corollary63(kd[0], kd[1]);
      assertThat(cor.weights()).containsExactly(general.weights(), within(1e-12 * general.mean()));
    }
  }

  @Test
  void theLawIsInvariantUnderARotationOfCoordinates() {
    SpectralInstance inst = SpectralFixtures.diagonal();
    SpectralInstance rotated = inst.rotated(SpectralFixtures.rotation4());
    assertThat(rotated.isDiagonal()).isFalse();
    Interaction a = SpectralLimit.exact(inst);
    Interaction b = SpectralLimit.exact(rotated);
    assertThat(b.weights()).containsExactly(a.weights(), within(1e-9 * a.mean()));
  }

  @Test
  void paperScoreCovarianceMatchesTheExactOneButItsClosedFormsDoNot() {
    // Proposition H.11 is right: the paper's bilinear form reproduces the exact score covariance.
    SpectralInstance inst = SpectralFixtures.correlated();
    SpectralGeometry g = SpectralGeometry.of(inst);
    DMatrixRMaj s = SpectralPopulation.scoreCovariance(g);
    int q = inst.parameterDimension();
    int d = inst.dimension();
    for (int i = 0; i < q; i++) {
      for (int j = 0; j < q; j++) {
        double paper = SpectralPaper.scoreCovariance(
            g, SpectralPopulation.mdot(g.aStar(), i / d, i % d), SpectralPopulation.mdot(g.aStar(), j / d, j % d));
        assertThat(paper).isCloseTo(s.get(i, j), within(1e-10 * CommonOps_DDRM.elementMaxAbs(s)));
      }
    }
    // Corollary 6.3 (2,4): paper 2·16.5·χ²₂ (mean 33) vs exact 26.156χ²₁ + 12.889χ²₁ (mean 39.045)
    Interaction exact = SpectralLimit.exact(SpectralInstance.corollary63(2, 4));
    ClosedFormLaw paper = SpectralPaper.corollary63(2, 4);
    assertThat(paper.mean()).isCloseTo(33.0, within(1e-12));
    assertThat(exact.mean()).isCloseTo(39.04513888888889, within(1e-9));
    assertThat(SpectralPaper.weights(SpectralInstance.corollary63(2, 4)).weights())
        .containsExactly(paper.weights(), within(1e-12));
    // the paper's own pipeline (H.27)+(H.37) gives a quarter of its printed (H.39) weights:
    // the entry variances of Z12 in H.6 are four times the ones its bilinear form implies
    ClosedFormLaw pipeline = SpectralPaper.pipeline(SpectralGeometry.of(SpectralInstance.corollary63(2, 4)));
    assertThat(pipeline.weights()[0] * 4).isCloseTo(paper.weights()[0], within(1e-9));
    assertThat(pipeline.weights()[1] * 4).isCloseTo(paper.weights()[1], within(1e-9));
    // (H.41): paper 71.5 vs exact E[Q] = 35.2083
    assertThat(SpectralPaper.excessLossMean(SpectralInstance.corollary63(2, 4))).isCloseTo(71.5, within(1e-12));
    assertThat(SpectralLimit.excessLossMean(SpectralInstance.corollary63(2, 4)))
        .isCloseTo(35.208333333333333, within(1e-9));
  }

  @Test
  void printedH37MissesTheDownstreamCovarianceBetweenTheProjectorDerivatives() {
    // Σdown = c·I scales every function of x by √c, so ‖L(Z)‖² scales by c; (H.37) as printed does not.
    SpectralInstance one = SpectralInstance.corollary63(2, 4);
    double c = 2.5;
    SpectralInstance scaled = new SpectralInstance(one.sigmaPre(), one.sigmaPlus(),
        SpectralFixtures.diag(c, c, c, c), 2, one.beta(), one.sigma());
    assertThat(SpectralLimit.exact(scaled).mean()).isCloseTo(c * SpectralLimit.exact(one).mean(), within(1e-9));
    double paperOne = SpectralPaper.pipeline(SpectralGeometry.of(one)).mean();
    double paperScaled = SpectralPaper.pipeline(SpectralGeometry.of(scaled)).mean();
    assertThat(paperScaled).isCloseTo(paperOne, within(1e-9));
  }

  @Test
  void lemmaH15ProjectorDerivativeMatchesFiniteDifferences() {
    // Lemma H.15 is right: compare with the projector onto the top-k eigenspace of B⋆ ± hḂ
    double[][] b = {{2.0, 0.3, 0.1, 0.0}, {0.3, 1.2, -0.2, 0.1}, {0.1, -0.2, 0.4, 0.05}, {0.0, 0.1, 0.05, 0.1}};
    double[][] bd = {{0.2, -0.1, 0.4, 0.3}, {-0.1, 0.5, 0.2, -0.6}, {0.4, 0.2, -0.3, 0.1}, {0.3, -0.6, 0.1, 0.2}};
    DMatrixRMaj bStar = new DMatrixRMaj(b);
    DMatrixRMaj bDot = new DMatrixRMaj(bd);
    int k = 2;
    DMatrixRMaj analytic = SpectralPaper.projectorDerivative(bStar, bDot, k);
    double h = 1e-6;
    DMatrixRMaj plus = bStar.copy();
    DMatrixRMaj minus = bStar.copy();
    CommonOps_DDRM.addEquals(plus, h, bDot);
    CommonOps_DDRM.addEquals(minus, -h, bDot);
    DMatrixRMaj pp = projector(plus, k);
    DMatrixRMaj pm = projector(minus, k);
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        assertThat(analytic.get(i, j)).isCloseTo((pp.get(i, j) - pm.get(i, j)) / (2 * h), within(1e-7));
      }
    }
  }

  private static DMatrixRMaj projector(DMatrixRMaj b, int k) {
    DMatrixRMaj u = SymmetricEigen.of(b).leading(k);
    DMatrixRMaj p = new DMatrixRMaj(b.numRows, b.numRows);
    CommonOps_DDRM.multTransB(u, u, p);
    return p;
  }
}
