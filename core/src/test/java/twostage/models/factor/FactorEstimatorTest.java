package twostage.models.factor;

import twostage.stats.Kolmogorov;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import twostage.linalg.Sym;
import twostage.random.Streams;

class FactorEstimatorTest {
  @Test
  void ppcaAtThePopulationCovarianceRecoversMStarWithZeroRep() {
    for (FactorInstance inst : FactorTestInstances.all()) {
      FactorModel model = FactorModel.of(inst);
      PpcaFit fit = Ppca.fit(model.covariance(), inst.k());
      DMatrixRMaj mStar = new DMatrixRMaj(inst.d(), inst.d());
      CommonOps_DDRM.multTransB(model.loading(), model.loading(), mStar);
      DMatrixRMaj diff = fit.descriptor().copy();
      CommonOps_DDRM.subtractEquals(diff, mStar);
      assertThat(Sym.maxAbs(diff)).isLessThan(1e-10 * Sym.maxAbs(mStar));
      assertThat(fit.truncationBinds()).isFalse();
      assertThat(Representation.error(model, fit)).isLessThan(1e-20);
      DMatrixRMaj aat = new DMatrixRMaj(inst.d(), inst.d());
      CommonOps_DDRM.multTransB(fit.loading(), fit.loading(), aat);
      CommonOps_DDRM.subtractEquals(aat, fit.descriptor());
      assertThat(Sym.maxAbs(aat)).isLessThan(1e-10 * Sym.maxAbs(mStar));
    }
  }

  @Test
  void truncationIsReportedWhenItBinds() {
    DMatrixRMaj s = CommonOps_DDRM.diag(3.0, 1.5, 0.9, 0.8);
    PpcaFit fit = Ppca.fit(s, 3);
    assertThat(fit.truncationBinds()).isTrue();
    assertThat(fit.retained()).isEqualTo(2);
    assertThat(fit.descriptor().get(0, 0)).isCloseTo(2.0, within(1e-12));
    assertThat(fit.descriptor().get(1, 1)).isCloseTo(0.5, within(1e-12));
    assertThat(fit.descriptor().get(2, 2)).isCloseTo(0.0, within(1e-12));
  }

  @Test
  void repClosedFormEqualsTheDefinitionByAnotherRoute() {
    // Rep = Var f⋆ − E[ψf⋆]ᵀ Σψ⁻¹ E[ψf⋆] for ψ = Ŵx, Ŵ = Âᵀ(I + ÂÂᵀ)⁻¹ (subtraction form)
    FactorInstance inst = FactorTestInstances.unequal();
    FactorModel model = FactorModel.of(inst);
    DMatrixRMaj ahat = model.loading();
    for (int i = 0; i < ahat.getNumElements(); i++) {
      ahat.data[i] += 0.05 * Math.sin(3.0 * i + 1);
    }
    DMatrixRMaj s = CommonOps_DDRM.identity(inst.d());
    CommonOps_DDRM.multAddTransB(ahat, ahat, s);
    DMatrixRMaj wt = new DMatrixRMaj(inst.d(), inst.k());
    CommonOps_DDRM.mult(Sym.pinv(s, 0.0), ahat, wt);
    DMatrixRMaj sx = model.covariance();
    DMatrixRMaj sw = new DMatrixRMaj(inst.d(), inst.k());
    CommonOps_DDRM.mult(sx, wt, sw);
    DMatrixRMaj sigmaPsi = new DMatrixRMaj(inst.k(), inst.k());
    CommonOps_DDRM.multTransA(wt, sw, sigmaPsi);
    DMatrixRMaj cross = new DMatrixRMaj(inst.k(), 1);
    CommonOps_DDRM.multTransA(sw, model.regressionCoefficients(), cross);
    DMatrixRMaj sol = new DMatrixRMaj(inst.k(), 1);
    CommonOps_DDRM.solve(sigmaPsi, cross, sol);
    double rep = model.signalVariance() - CommonOps_DDRM.dot(cross, sol);
    double closed = Representation.errorOfLoading(model, ahat);
    assertThat(closed).isGreaterThan(1e-4);
    assertThat(closed).isCloseTo(rep, within(1e-10));
  }

  @Test
  void bartlettWishartHasTheLawOfTheDirectSampleCovariance() {
    // two-sample KS on the top eigenvalue and on m·Rep at small m, 1% level (two statistics)
    FactorInstance inst = FactorTestInstances.small();
    FactorModel model = FactorModel.of(inst);
    DMatrixRMaj root = Sym.sqrtPsd(model.covariance());
    int m = 30;
    int r = 3000;
    double[] topW = new double[r];
    double[] topD = new double[r];
    double[] repW = new double[r];
    double[] repD = new double[r];
    for (int i = 0; i < r; i++) {
      PpcaFit w = Ppca.fit(SampleCovariance.wishart(Streams.of(1, i), root, m), inst.k());
      PpcaFit d = Ppca.fit(SampleCovariance.direct(Streams.of(2, i), model, m), inst.k());
      topW[i] = w.eigenvalues()[0];
      topD[i] = d.eigenvalues()[0];
      repW[i] = m * Representation.error(model, w);
      repD[i] = m * Representation.error(model, d);
    }
    double crit = Kolmogorov.twoSampleCriticalValue(r, r, 0.01);
    assertThat(Kolmogorov.twoSampleDistance(topW, topD)).isLessThan(crit);
    assertThat(Kolmogorov.twoSampleDistance(repW, repD)).isLessThan(crit);
  }

  @Test
  void bartlettWishartIsUnbiasedEvenAtMEqualsD() {
    // E[S_m] = I for S_m from N(0, I_5) with m = 5; Var(S_ii) = 2/m, Var(S_ij) = 1/m
    int d = 5;
    int r = 20_000;
    DMatrixRMaj sum = new DMatrixRMaj(d, d);
    for (int i = 0; i < r; i++) {
      CommonOps_DDRM.addEquals(sum, SampleCovariance.wishart(Streams.of(3, i), CommonOps_DDRM.identity(d), d));
    }
    CommonOps_DDRM.scale(1.0 / r, sum);
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        double se = Math.sqrt((i == j ? 2.0 : 1.0) / d / r);
        assertThat(Math.abs(sum.get(i, j) - (i == j ? 1 : 0))).isLessThan(4 * se); // 25 entries
      }
    }
  }
}
