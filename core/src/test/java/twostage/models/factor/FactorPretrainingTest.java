package twostage.models.factor;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import twostage.linalg.Sym;
import twostage.linalg.SymmetricEigen;
import twostage.random.Streams;
import twostage.theory.AsymptoticEngine;

/** Derivatives against finite differences; the orbit is the Fisher null space and gives L = 0. */
class FactorPretrainingTest {
  private static final double STEP = 1e-5;

  private static DMatrixRMaj perturbed(DMatrixRMaj a, int idx, double h) {
    DMatrixRMaj b = a.copy();
    b.data[idx] += h;
    return b;
  }

  private static DMatrixRMaj sigmaOf(DMatrixRMaj a) {
    DMatrixRMaj s = CommonOps_DDRM.identity(a.numRows);
    CommonOps_DDRM.multAddTransB(a, a, s);
    return s;
  }

  /** Population loss ½ log det Σ(A) + ½ tr(Σx Σ(A)⁻¹), (I.3) in expectation. */
  private static double populationLoss(DMatrixRMaj a, DMatrixRMaj sigmaX) {
    DMatrixRMaj s = sigmaOf(a);
    DMatrixRMaj inv = Sym.pinv(s, 0.0);
    DMatrixRMaj p = new DMatrixRMaj(s.numRows, s.numRows);
    CommonOps_DDRM.mult(sigmaX, inv, p);
    return 0.5 * Math.log(CommonOps_DDRM.det(s)) + 0.5 * CommonOps_DDRM.trace(p);
  }

  private static double sampleLoss(DMatrixRMaj a, double[] x) {
    DMatrixRMaj inv = Sym.pinv(sigmaOf(a), 0.0);
    double q = 0;
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x.length; j++) {
        q += x[i] * inv.get(i, j) * x[j];
      }
    }
    return 0.5 * Math.log(CommonOps_DDRM.det(sigmaOf(a))) + 0.5 * q;
  }

  /** ⟨β⋆, ψ(x, A)⟩ with ψ(x, A) = Aᵀ(I + AAᵀ)⁻¹x. */
  private static double prediction(DMatrixRMaj a, double[] beta, double[] x) {
    DMatrixRMaj inv = Sym.pinv(sigmaOf(a), 0.0);
    DMatrixRMaj ia = new DMatrixRMaj(a.numRows, a.numCols);
    CommonOps_DDRM.mult(inv, a, ia);
    double v = 0;
    for (int i = 0; i < a.numRows; i++) {
      for (int j = 0; j < a.numCols; j++) {
        v += beta[j] * ia.get(i, j) * x[i];
      }
    }
    return v;
  }

  private static double[] randomX(int d, long seed) {
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(Streams.of(seed));
    double[] x = new double[d];
    for (int i = 0; i < d; i++) {
      x[i] = 2 * g.sample();
    }
    return x;
  }

  @Test
  void fisherIsTheHessianOfThePopulationLoss() {
    for (FactorInstance inst : FactorTestInstances.all()) {
      FactorModel model = FactorModel.of(inst);
      DMatrixRMaj a = model.loading();
      DMatrixRMaj sx = model.covariance();
      DMatrixRMaj f = FactorPretraining.fisher(model);
      int q = a.getNumElements();
      double scale = Sym.maxAbs(f);
      for (int r = 0; r < q; r++) {
        for (int c = 0; c < q; c++) {
          double fd =
              (populationLoss(perturbed(perturbed(a, r, STEP), c, STEP), sx)
                      - populationLoss(perturbed(perturbed(a, r, STEP), c, -STEP), sx)
                      - populationLoss(perturbed(perturbed(a, r, -STEP), c, STEP), sx)
                      + populationLoss(perturbed(perturbed(a, r, -STEP), c, -STEP), sx))
                  / (4 * STEP * STEP);
          assertThat(Math.abs(fd - f.get(r, c))).as("entry %d,%d", r, c).isLessThan(1e-4 * scale);
        }
      }
    }
  }

  @Test
  void scoreAndJacobianMatchFiniteDifferences() {
    for (FactorInstance inst : FactorTestInstances.all()) {
      FactorModel model = FactorModel.of(inst);
      DMatrixRMaj a = model.loading();
      double[] beta = inst.beta();
      double[] x = randomX(inst.d(), 3);
      double[] score = FactorPretraining.score(model, x);
      double[][] pj = FactorDownstream.evaluate(model, x);
      DMatrixRMaj tbx = new DMatrixRMaj(a.getNumElements(), 1);
      DMatrixRMaj bx = new DMatrixRMaj(inst.d(), 1);
      CommonOps_DDRM.mult(model.precision(), new DMatrixRMaj(inst.d(), 1, true, x), bx);
      CommonOps_DDRM.mult(FactorDownstream.jacobianMap(model), bx, tbx);
      for (int r = 0; r < a.getNumElements(); r++) {
        double ds = (sampleLoss(perturbed(a, r, STEP), x) - sampleLoss(perturbed(a, r, -STEP), x)) / (2 * STEP);
        double dj = (prediction(perturbed(a, r, STEP), beta, x) - prediction(perturbed(a, r, -STEP), beta, x))
            / (2 * STEP);
        assertThat(score[r]).isCloseTo(ds, org.assertj.core.api.Assertions.within(1e-6 * (1 + Math.abs(ds))));
        assertThat(pj[1][r]).isCloseTo(dj, org.assertj.core.api.Assertions.within(1e-6 * (1 + Math.abs(dj))));
        assertThat(tbx.get(r)).isCloseTo(pj[1][r], org.assertj.core.api.Assertions.within(1e-12 * (1 + Math.abs(dj))));
      }
      assertThat(prediction(a, beta, x)).isCloseTo(
          CommonOps_DDRM.dot(model.regressionCoefficients(), new DMatrixRMaj(inst.d(), 1, true, x)),
          org.assertj.core.api.Assertions.within(1e-12)); // ⟨θ⋆, ψ(x, A⋆)⟩ = f⋆(x)
    }
  }

  @Test
  void orbitIsTheFisherNullSpaceAndCarriesNoInteraction() {
    AsymptoticEngine engine = new AsymptoticEngine();
    for (FactorInstance inst : FactorTestInstances.all()) {
      FactorModel model = FactorModel.of(inst);
      DMatrixRMaj f = FactorPretraining.fisher(model);
      DMatrixRMaj orbit = FactorPretraining.orbitBasis(model);
      int o = inst.k() * (inst.k() - 1) / 2;
      double[] ev = SymmetricEigen.of(f).values();
      int q = ev.length;
      // exactly o eigenvalues vanish; the remaining q − o are bounded away from 0
      for (int j = q - o; j < q; j++) {
        assertThat(Math.abs(ev[j])).isLessThan(1e-12 * ev[0]);
      }
      assertThat(ev[q - o - 1]).isGreaterThan(1e-4 * ev[0]);
      DMatrixRMaj fo = new DMatrixRMaj(q, o);
      CommonOps_DDRM.mult(f, orbit, fo);
      assertThat(Sym.maxAbs(fo)).isLessThanOrEqualTo(1e-12 * ev[0] * Math.max(1, Sym.maxAbs(orbit)));
      // L(v) = 0 on the orbit: vᵀGv = 0, and pointwise J(x)·v lies in span ψ(x) (it is ψ(x)ᵀΣψ⁻¹Cv)
      var down = FactorDownstream.moments(model);
      DMatrixRMaj g = engine.residualGram(down);
      DMatrixRMaj go = Sym.congruence(orbit, g);
      assertThat(o == 0 ? 0 : Sym.maxAbs(go)).isLessThan(1e-12 * Math.max(1, Sym.maxAbs(g)));
      DMatrixRMaj coef = new DMatrixRMaj(inst.k(), o);
      DMatrixRMaj cv = new DMatrixRMaj(inst.k(), o);
      CommonOps_DDRM.mult(down.cross(), orbit, cv);
      CommonOps_DDRM.mult(Sym.pinv(down.featureGram(), 0.0), cv, coef);
      for (long seed = 4; seed < 7; seed++) {
        double[][] pj = FactorDownstream.evaluate(model, randomX(inst.d(), seed));
        for (int c = 0; c < o; c++) {
          double dot = 0;
          double scale = 0;
          for (int r = 0; r < q; r++) {
            dot += pj[1][r] * orbit.get(r, c);
            scale += Math.abs(pj[1][r] * orbit.get(r, c));
          }
          for (int j = 0; j < inst.k(); j++) {
            dot -= pj[0][j] * coef.get(j, c);
          }
          assertThat(Math.abs(dot)).isLessThan(1e-12 * Math.max(1, scale));
        }
      }
    }
  }
}
