package twostage.ad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import twostage.models.factor.FactorDownstream;
import twostage.models.factor.FactorInstance;
import twostage.models.factor.FactorLimit;
import twostage.models.factor.FactorModel;
import twostage.models.factor.FactorPretraining;
import twostage.theory.AsymptoticEngine;
import twostage.theory.DownstreamMoments;
import twostage.theory.Interaction;
import twostage.theory.PretrainingMoments;

class ExternalMomentsTest {

  private static DMatrixRMaj roundTrip(DMatrixRMaj m, String name) {
    StringBuilder b = new StringBuilder();
    ExternalMoments.write(m, b);
    return ExternalMoments.parse(new StringReader(b.toString()), name);
  }

  @Test
  void factorMomentsThroughCsvReproduceTheExactLaw() {
    FactorModel model = FactorModel.of(FactorInstance.generated(3, 6, 2));
    AsymptoticEngine engine = new AsymptoticEngine();
    Interaction exact = FactorLimit.exactInteraction(engine, model);
    PretrainingMoments pre = FactorPretraining.moments(model);
    DownstreamMoments down = FactorDownstream.moments(model);
    ExternalMoments.Inputs in = ExternalMoments.validate(
        roundTrip(pre.hessian(), ExternalMoments.HESSIAN),
        roundTrip(pre.scoreCovariance(), ExternalMoments.SCORE_COVARIANCE),
        roundTrip(down.featureGram(), ExternalMoments.FEATURE_GRAM),
        roundTrip(down.cross(), ExternalMoments.CROSS),
        roundTrip(down.jacobianGram(), ExternalMoments.JACOBIAN_GRAM),
        roundTrip(FactorPretraining.orbitBasis(model), ExternalMoments.ORBIT),
        ExternalMoments.DEFAULT_TOLERANCE);
    Interaction csv = engine.evaluate(in.pretraining(), in.downstream(), in.orbit());
    assertThat(csv.mean()).isCloseTo(exact.mean(), org.assertj.core.data.Offset.offset(1e-9 * exact.mean()));
    assertThat(csv.dEff()).isEqualTo(exact.dEff());
    for (int j = 0; j < exact.weights().length; j++) {
      assertThat(Math.abs(csv.weights()[j] - exact.weights()[j])).isLessThan(1e-9 * exact.weights()[0]);
    }
  }

  @Test
  void badInputIsRefusedWithFileRowAndColumn() {
    assertThatThrownBy(() -> ExternalMoments.parse(new StringReader("1,2\n3,x\n"), "hessian.csv"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("hessian.csv: row 2, column 2: 'x' is not a number (plain numeric CSV, no header)");
    assertThatThrownBy(() -> ExternalMoments.parse(new StringReader("1,2\n3\n"), "cross.csv"))
        .hasMessage("cross.csv: row 2 has 1 columns, row 1 has 2");
    DMatrixRMaj id = new DMatrixRMaj(new double[][] {{1, 0}, {0, 1}});
    DMatrixRMaj asym = new DMatrixRMaj(new double[][] {{1, 0.5}, {0, 1}});
    DMatrixRMaj indefinite = new DMatrixRMaj(new double[][] {{1, 0}, {0, -1}});
    DMatrixRMaj psi = new DMatrixRMaj(new double[][] {{1}});
    DMatrixRMaj cross = new DMatrixRMaj(new double[][] {{0.1, 0.2}});
    assertThatThrownBy(() -> ExternalMoments.validate(id, asym, psi, cross, id, null, 1e-8))
        .hasMessageContaining("score-covariance.csv: not symmetric: row 2, column 1 is 0.0 but row 1, column 2 is 0.5");
    assertThatThrownBy(() -> ExternalMoments.validate(id, id, psi, cross, indefinite, null, 1e-8))
        .hasMessageContaining("jacobian-gram.csv: not positive semi-definite");
    assertThatThrownBy(() -> ExternalMoments.validate(id, id, psi, new DMatrixRMaj(2, 2), id, null, 1e-8))
        .hasMessageContaining("cross.csv: is 2 x 2, expected 1 x 2");
    DMatrixRMaj big = new DMatrixRMaj(new double[][] {{5, 5}});
    assertThatThrownBy(() -> ExternalMoments.validate(id, id, psi, big, id, null, 1e-8))
        .hasMessageContaining("together: not positive semi-definite");
  }
}
