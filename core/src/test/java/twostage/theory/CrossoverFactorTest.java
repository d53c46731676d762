package twostage.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import twostage.models.factor.FactorDownstream;
import twostage.models.factor.FactorInstance;
import twostage.models.factor.FactorLimit;
import twostage.models.factor.FactorModel;

/** d_base, d_eff and α₀ of the factor model against the hand derivation of docs/crossover.md §2. */
class CrossoverFactorTest {

  static List<FactorInstance> instances() {
    return List.of(
        FactorInstance.generated(2, 5, 11),
        FactorInstance.generated(3, 7, 12),
        FactorInstance.generated(1, 4, 13, 1.0),
        FactorInstance.fromSingularValues(6, new double[] {4, 1, 0.3}, new double[] {1, -1, 1}, 0.5, 14));
  }

  /** α₀ by hand: β⋆ᵀ(A⋆ᵀA⋆)⁻¹(I + A⋆ᵀA⋆)⁻¹β⋆ / (σν² + β⋆ᵀ(I + A⋆ᵀA⋆)⁻¹β⋆), independent of d. */
  static double handAlpha0(FactorInstance inst) {
    DMatrixRMaj a = inst.loading();
    int k = inst.k();
    DMatrixRMaj ata = new DMatrixRMaj(k, k);
    CommonOps_DDRM.multTransA(a, a, ata);
    DMatrixRMaj iata = ata.copy();
    for (int i = 0; i < k; i++) {
      iata.add(i, i, 1);
    }
    DMatrixRMaj inv1 = new DMatrixRMaj(k, k);
    CommonOps_DDRM.invert(ata, inv1);
    DMatrixRMaj inv2 = new DMatrixRMaj(k, k);
    CommonOps_DDRM.invert(iata, inv2);
    DMatrixRMaj prod = new DMatrixRMaj(k, k);
    CommonOps_DDRM.mult(inv1, inv2, prod);
    DMatrixRMaj beta = inst.betaVector();
    double c2 = quad(beta, prod);
    double sigma2 = inst.sigmaNu() * inst.sigmaNu() + quad(beta, inv2);
    return c2 / sigma2;
  }

  private static double quad(DMatrixRMaj b, DMatrixRMaj m) {
    double s = 0;
    for (int i = 0; i < b.numRows; i++) {
      for (int j = 0; j < b.numRows; j++) {
        s += b.get(i) * m.get(i, j) * b.get(j);
      }
    }
    return s;
  }

  @ParameterizedTest
  @MethodSource("instances")
  void dimensionsAndCrossoverMatchTheHandDerivation(FactorInstance inst) {
    FactorModel model = FactorModel.of(inst);
    TangentRank base = TangentRank.baseline(FactorDownstream.moments(model));
    Interaction li = FactorLimit.exactInteraction(new AsymptoticEngine(), model);
    Crossover c = Crossover.of(model.sigmaSquared(), li, base);
    assertThat(c.dBase()).isEqualTo(inst.d());
    assertThat(c.dEff()).isEqualTo(inst.k());
    assertThat(base.gap()).isGreaterThan(1e8);
    double hand = handAlpha0(inst);
    assertThat(c.alpha0()).isCloseTo(hand, offset(1e-10 * hand));
    // at α₀ the two asymptotic risks meet
    assertThat(c.twoStage(c.alpha0())).isCloseTo(c.downstreamOnly(), offset(1e-10 * c.downstreamOnly()));
    assertThat(c.pretrainingPays(1.01 * c.alpha0())).isTrue();
    assertThat(c.pretrainingPays(0.99 * c.alpha0())).isFalse();
  }

  @Test
  void zeroTargetMeansReparametrisationOnly() {
    double[][] a = FactorInstance.generated(2, 5, 11).a();
    FactorInstance inst = new FactorInstance(a, new double[] {0, 0}, 0.5);
    FactorModel model = FactorModel.of(inst);
    TangentRank base = TangentRank.baseline(FactorDownstream.moments(model));
    assertThat(base.rank()).isEqualTo(2);
    assertThat(base.droppedCoordinates()).isEqualTo(10); // J ≡ 0
    Crossover c = new Crossover(model.sigmaSquared(), 2, base.rank(), 0.0);
    assertThat(c.reparametrisationOnly()).isTrue();
    assertThat(c.alpha0()).isNaN();
  }

  /** d = k: the representation is a bijection of R^d, d_base = d_eff = d and L ≡ 0. */
  @Test
  void squareLoadingOnlyReparametrises() {
    FactorInstance inst = FactorInstance.generated(2, 2, 5);
    FactorModel model = FactorModel.of(inst);
    TangentRank base = TangentRank.baseline(FactorDownstream.moments(model));
    Interaction li = FactorLimit.exactInteraction(new AsymptoticEngine(), model);
    Crossover c = Crossover.of(model.sigmaSquared(), li, base);
    assertThat(c.dBase()).isEqualTo(2);
    assertThat(c.reparametrisationOnly()).isTrue();
    assertThat(li.mean()).isCloseTo(0.0, offset(1e-12));
  }
}
