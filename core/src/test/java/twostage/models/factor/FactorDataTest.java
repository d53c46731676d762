package twostage.models.factor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import twostage.data.DataEstimate;
import twostage.data.DataSet;
import twostage.data.LeanEstimateAssert;
import twostage.linalg.Rows;
import twostage.linalg.Sym;
import twostage.random.Streams;
import twostage.spi.ModelInstance;
import twostage.spi.PlugIn;
import twostage.spi.Settings;
import twostage.stats.Estimate;
import twostage.stats.Proportions;
import twostage.theory.AsymptoticEngine;

/** The factor model on data: the empirical Hessian is the derivative of the mean score, and the plug-in is unbiased. */
class FactorDataTest {
  private static final FactorCaseStudy STUDY = new FactorCaseStudy();
  private static final FactorData DATA = new FactorData();

  private static ModelInstance instance() {
    return STUDY.instance(Settings.parse(STUDY.parameters(), Map.of()));
  }

  /** Mean score (1/m)Σ ∇ℓ(A; x) = BA − B S_m B A, with B = (I + AAᵀ)⁻¹. */
  private static DMatrixRMaj meanScore(DMatrixRMaj a, DMatrixRMaj sm) {
    int d = a.numRows;
    DMatrixRMaj b = CommonOps_DDRM.identity(d);
    CommonOps_DDRM.multAddTransB(a, a, b);
    b = Sym.pinv(b, 0.0);
    DMatrixRMaj ba = new DMatrixRMaj(d, a.numCols);
    CommonOps_DDRM.mult(b, a, ba);
    DMatrixRMaj bsb = Sym.congruence(b, sm);
    DMatrixRMaj out = ba.copy();
    CommonOps_DDRM.multAdd(-1.0, bsb, a, out);
    return out;
  }

  @Test
  void theEmpiricalHessianIsTheDerivativeOfTheMeanScoreWhichVanishesAtThePpcaFit() {
    DataSet data = DATA.simulate(instance(), 3000, 100, Streams.of(3));
    DMatrixRMaj sm = FactorData.secondMoment(data.unlabeled());
    DMatrixRMaj a = Ppca.fit(sm, 2).loading();
    FactorModel model = FactorModel.of(FactorInstance.of(Rows.of(a), new double[] {1, 1}, 0));
    DMatrixRMaj h = FactorData.hessian(model, sm);
    assertThat(Sym.maxAbs(meanScore(a, sm))).isLessThan(1e-12);
    int q = a.numRows * a.numCols;
    double step = 1e-5;
    double worst = 0;
    for (int r = 0; r < q; r++) {
      DMatrixRMaj plus = a.copy();
      DMatrixRMaj minus = a.copy();
      plus.data[r] += step;
      minus.data[r] -= step;
      DMatrixRMaj diff = meanScore(plus, sm);
      CommonOps_DDRM.subtractEquals(diff, meanScore(minus, sm));
      for (int c = 0; c < q; c++) {
        worst = Math.max(worst, Math.abs(diff.data[c] / (2 * step) - h.get(c, r)));
      }
    }
    // central differences of a smooth function: error O(step²) ≈ 1e-10 times third derivatives of order 1
    assertThat(worst).isLessThan(1e-7 * Sym.maxAbs(h));
  }

  @Test
  void dataWhoseKthEigenvalueIsBelowTheUnitNoiseAreRefusedNamingTheRule() {
    DataSet data = DATA.simulate(instance(), 2000, 100, Streams.of(3));
    double[] small = data.unlabeled().values().clone();
    for (int i = 0; i < small.length; i++) {
      small[i] *= 0.3;
    }
    DataSet scaled = new DataSet(new twostage.data.DataTable("U", data.unlabeled().columns(), small), data.labeled(),
        data.y());
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> DATA.plugIn(scaled, Settings.parse(DATA.dataParameters(), Map.of()), 0))
        .hasMessageContaining("--k 2: eigenvalue number 2 of the unlabeled second moment is")
        .hasMessageContaining("<= 1, the unit noise variance of the factor model");
  }

  @Test
  void thePlugInInteractionIsUnbiasedWithinItsMonteCarloError() {
    ModelInstance inst = instance();
    double truth = inst.limit(Settings.parse(STUDY.parameters(), Map.of()), 1, null).mean().value();
    int sets = 40;
    double[] est = new double[sets];
    double[] s2 = new double[sets];
    for (int i = 0; i < sets; i++) {
      DataSet data = DATA.simulate(inst, 20_000, 2_000, Streams.of(11, i));
      PlugIn p = DATA.plugIn(data, Settings.parse(DATA.dataParameters(), Map.of()), 0);
      DataEstimate e = DataEstimate.of(p, new AsymptoticEngine(), 1e-9);
      est[i] = e.interactionMean();
      s2[i] = e.sigma2();
      assertThat(e.dEff()).isEqualTo(2);
      assertThat(e.dBase()).isEqualTo(5);
    }
    Estimate mean = Proportions.mean(est);
    Estimate sigma2 = Proportions.mean(s2);
    // 40 independent data sets: the mean is within 4 standard errors of the truth unless the estimator is biased
    assertThat(Math.abs(mean.value() - truth)).isLessThan(4 * mean.stdError());
    assertThat(Math.abs(sigma2.value() - inst.sigma2())).isLessThan(4 * sigma2.stdError());
    // and the estimate is informative: its spread is a fraction of the value
    assertThat(mean.stdError() * Math.sqrt(sets)).isLessThan(0.3 * truth);
  }

  @Test
  void theLeanEstimateEqualsTheEnginesInteraction() {
    DataSet data = DATA.simulate(instance(), 3000, 500, Streams.of(8));
    PlugIn p = DATA.plugIn(data, Settings.parse(DATA.dataParameters(), Map.of()), 0);
    LeanEstimateAssert.assertLeanEqualsEngine(p);
  }
}
